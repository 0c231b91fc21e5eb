// SPDX-License-Identifier: BSD-2-Clause
/*
 * Numbers from the command line: parse_num, a whole decimal number in a
 * range, all of the string or nothing (cmdlib.h).
 */
#include <errno.h>
#include <stdlib.h>

#include "cmdlib.h"

int parse_num(const char *s, long min, long max, long *out)
{
	char *end;
	if (*s < '0' || *s > '9') {
		if (*s != '-' || s[1] < '0' || s[1] > '9')
			return -1;
	}
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int parse_time_ms(const char *s, long max_ms, long *out)
{
	long whole = 0, ms = 0, scale = 100;
	const char *p = s;
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		whole = whole * 10 + (*p - '0');
		if (whole > max_ms / 1000)
			return -1;
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			ms += (*p - '0') * scale;
			scale /= 10;
		}
	}
	if (*p || whole * 1000 + ms > max_ms)
		return -1;
	*out = whole * 1000 + ms;
	return 0;
}
