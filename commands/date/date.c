// SPDX-License-Identifier: BSD-2-Clause
/*
 * date: print the date and time.
 *
 *	date [-u] [+format]
 *
 * Prints the current time, by default as
 *	Sat Nov 21 12:00:00 UTC 2026
 * (strftime format "%a %b %e %H:%M:%S %Z %Y").  An operand "+FORMAT"
 * is handed to strftime() instead: "date +%Y-%m-%d" gives 2026-11-21.
 *
 * Time zone: with -u, or when TZ is not set at all, the time is UTC
 * and %Z prints "UTC" (Samsara keeps its clock in UTC and has no zone
 * files).  When TZ is set, localtime() and the C library's %Z are used.
 * Setting the clock is not supported.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_FORMAT "%a %b %e %H:%M:%S %Z %Y"
#define MAX_OUTPUT 65536

static void usage(void)
{
	fprintf(stderr, "usage: date [-u] [+format]\n");
	exit(2);
}

/*
 * Copy fmt with every "%Z" replaced by "UTC", for UTC output: gmtime()
 * leaves the zone name to the C library, which may say "GMT".
 */
static char *utc_format(const char *fmt)
{
	char *out = malloc(strlen(fmt) * 2 + 1);
	char *o = out;
	if (!out)
		err(1, "out of memory");
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == 'Z') {
			strcpy(o, "UTC");
			o += 3;
			p++;
		} else if (p[0] == '%' && p[1] == '%') {
			*o++ = *p++;
			*o++ = *p;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

/*
 * strftime() into a buffer that grows until the result fits.  A zero
 * return is ambiguous (too small, or an empty result): an extra
 * character at the end of the format tells the two apart.
 */
static void print_time(const char *fmt, const struct tm *tm)
{
	char *f = malloc(strlen(fmt) + 2);
	if (!f)
		err(1, "out of memory");
	strcpy(f, fmt);
	strcat(f, "X");
	for (size_t size = 256; size <= MAX_OUTPUT; size *= 2) {
		char *buf = malloc(size);
		if (!buf)
			err(1, "out of memory");
		size_t n = strftime(buf, size, f, tm);
		if (n > 0) {
			buf[n - 1] = '\n';
			fwrite(buf, 1, n, stdout);
			free(buf);
			free(f);
			return;
		}
		free(buf);
	}
	errx(1, "formatted date is too long");
}

int main(int argc, char **argv)
{
	int utc = getenv("TZ") == NULL;
	int c;
	while ((c = getopt(argc, argv, "u")) != -1) {
		if (c != 'u')
			usage();
		utc = 1;
	}
	argc -= optind;
	argv += optind;
	if (argc > 1 || (argc == 1 && argv[0][0] != '+'))
		usage();

	const char *fmt = argc == 1 ? argv[0] + 1 : DEFAULT_FORMAT;
	time_t now = time(NULL);
	struct tm *tm = utc ? gmtime(&now) : localtime(&now);
	if (!tm)
		errx(1, "cannot convert the time");
	char *f = utc ? utc_format(fmt) : NULL;
	print_time(f ? f : fmt, tm);
	free(f);
	if (fflush(stdout) == EOF)
		err(1, "write error");
	return 0;
}
