// SPDX-License-Identifier: BSD-2-Clause
/*
 * sleep: wait for a number of seconds.
 *
 *	sleep seconds
 *
 * Suspends for the given whole number of seconds, then exits 0.
 * Fractions and suffixes ("0.5", "2m") are not accepted.  sleep() may
 * return early when a signal is caught; the rest is then slept again,
 * so the full time passes unless a signal ends the process.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: sleep seconds\n");
	exit(2);
}

int main(int argc, char **argv)
{
	if (getopt(argc, argv, "") != -1)
		usage();
	if (argc - optind != 1)
		usage();

	const char *s = argv[optind];
	unsigned long secs = 0;
	if (*s == '\0')
		usage();
	for (const char *p = s; *p; p++) {
		if (!isdigit((unsigned char)*p) || secs > 100000000UL) {
			warnx("invalid time interval: %s", s);
			usage();
		}
		secs = secs * 10 + (unsigned long)(*p - '0');
	}
	unsigned int left = (unsigned int)secs;
	while (left > 0)
		left = sleep(left);
	return 0;
}
