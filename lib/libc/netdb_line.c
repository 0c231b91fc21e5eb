// SPDX-License-Identifier: BSD-2-Clause
/*
 * Reading /etc/hosts and /etc/services (netdb_files.h): lines, the
 * fields of a line, port numbers.  netdb_system names the files the
 * public calls read.
 */
#include <string.h>

#include "netdb_files.h"

const struct netdb_files netdb_system = {
	.hosts = "/etc/hosts",
	.services = "/etc/services",
};

/* The rest of a line that did not fit: read and dropped. */
static void skip_rest(FILE *f)
{
	int c;
	while ((c = getc(f)) != EOF && c != '\n')
		;
}

bool netdb_line(FILE *f, char *buf, size_t n)
{
	while (fgets(buf, (int)n, f)) {
		size_t len = strlen(buf);
		if (len > 0 && buf[len - 1] == '\n') {
			buf[len - 1] = 0;
			return true;
		}
		if (feof(f))
			return true; /* the last line, without its newline */
		skip_rest(f);	     /* too long: skipped whole */
	}
	return false;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

int netdb_fields(char *line, char **field, int max)
{
	int n = 0;
	line[strcspn(line, "#")] = 0;
	for (char *p = line;;) {
		while (is_space(*p))
			p++;
		if (!*p || n == max)
			break;
		field[n++] = p;
		while (*p && !is_space(*p))
			p++;
		if (*p)
			*p++ = 0;
	}
	return n;
}

bool netdb_port(const char *s, int *port)
{
	long v = 0;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (*s - '0');
		if (v > 65535)
			return false;
	}
	*port = (int)v;
	return true;
}
