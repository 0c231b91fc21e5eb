// SPDX-License-Identifier: BSD-2-Clause
/*
 * head: copy the first lines of files.
 *
 *	head [-n count] [file ...]
 *	head -count [file ...]		(old form, same as -n count)
 *
 * Copies the first count lines (10 by default) of each file, or of
 * standard input when there is none or for "-".  With several files
 * each is introduced by a "==> NAME <==" header line, with a blank line
 * between files.  Lines of any length work: the copy goes byte by byte
 * through stdio's buffers and only counts newlines.
 *
 * A file that cannot be opened is reported; the others are still
 * copied and the exit status is 1.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: head [-n count] [file ...]\n");
	exit(2);
}

/* A non-negative decimal count, or -1 if s is not one. */
static long long parse_count(const char *s)
{
	long long v = 0;
	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s) || v > 100000000000000000LL)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

static int head_stream(FILE *f, const char *name, long long count)
{
	int c;
	while (count > 0 && (c = getc(f)) != EOF) {
		if (putchar(c) == EOF)
			err(1, "write error");
		if (c == '\n')
			count--;
	}
	if (ferror(f)) {
		warn("%s", name);
		return -1;
	}
	return 0;
}

static int head_file(const char *name, long long count, int header)
{
	static int headers_shown;
	FILE *f = stdin;
	const char *shown = "standard input";
	if (strcmp(name, "-") != 0) {
		f = fopen(name, "r");
		if (!f) {
			warn("%s", name);
			return -1;
		}
		shown = name;
	}
	if (header)
		printf("%s==> %s <==\n", headers_shown++ ? "\n" : "", shown);
	int rc = head_stream(f, name, count);
	if (f != stdin)
		fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	long long count = 10;
	int c;

	/* Accept the traditional "head -5" by reading it before getopt. */
	if (argc > 1 && argv[1][0] == '-' &&
	    isdigit((unsigned char)argv[1][1])) {
		count = parse_count(argv[1] + 1);
		if (count < 0)
			usage();
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	while ((c = getopt(argc, argv, "n:")) != -1) {
		if (c != 'n')
			usage();
		count = parse_count(optarg);
		if (count < 0) {
			warnx("invalid line count: %s", optarg);
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	if (argc == 0)
		return head_file("-", count, 0) < 0 ? 1 : 0;
	int status = 0;
	for (int i = 0; i < argc; i++) {
		if (head_file(argv[i], count, argc > 1) < 0)
			status = 1;
	}
	if (fflush(stdout) == EOF)
		err(1, "write error");
	return status;
}
