// SPDX-License-Identifier: BSD-2-Clause
/*
 * cmp: compare two files byte by byte.
 *
 *	cmp [-l | -s] file1 file2
 *
 * Either file may be "-" for standard input.  At the first difference
 * cmp prints "file1 file2 differ: byte N, line M" (both counted from 1)
 * and exits 1.  If one file is a prefix of the other it says so on
 * standard error, the way GNU cmp words it:
 *	cmp: EOF on NAME after byte N, line M	(NAME ended with a newline)
 *	cmp: EOF on NAME after byte N, in line M
 *	cmp: EOF on NAME which is empty
 * -s prints nothing for differing files, only the exit status speaks.
 * -l lists every differing byte as "N OCT1 OCT2" (position in decimal,
 * the two bytes in octal) instead of stopping at the first.
 *
 * Exit status: 0 identical, 1 different, 2 trouble (bad usage, a file
 * that cannot be read).  Reading goes through stdio's buffers.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum mode { MODE_FIRST, MODE_LIST, MODE_SILENT };

struct input {
	FILE *f;
	const char *name;
};

static void usage(void)
{
	fprintf(stderr, "usage: cmp [-l | -s] file1 file2\n");
	exit(2);
}

static void open_input(struct input *in, const char *name)
{
	in->name = name;
	if (strcmp(name, "-") == 0) {
		in->f = stdin;
		return;
	}
	in->f = fopen(name, "r");
	if (!in->f)
		err(2, "%s", name);
}

static void report_eof(const char *name, unsigned long long bytes,
		       unsigned long long lines, int last)
{
	if (bytes == 0)
		fprintf(stderr, "cmp: EOF on %s which is empty\n", name);
	else if (last == '\n')
		fprintf(stderr, "cmp: EOF on %s after byte %llu, line %llu\n",
			name, bytes, lines);
	else
		fprintf(stderr,
			"cmp: EOF on %s after byte %llu, in line %llu\n", name,
			bytes, lines + 1);
}

/* Compare a and b; return the exit status. */
static int compare(struct input *a, struct input *b, enum mode mode)
{
	unsigned long long byte = 0;
	unsigned long long line = 0; /* newlines seen so far */
	int last = EOF;
	int status = 0;
	for (;;) {
		int ca = getc(a->f);
		int cb = getc(b->f);
		if (ca == EOF || cb == EOF) {
			if (ferror(a->f) || ferror(b->f))
				err(2, "%s", ferror(a->f) ? a->name : b->name);
			if (ca == cb)
				return status;
			if (mode != MODE_SILENT)
				report_eof(ca == EOF ? a->name : b->name, byte,
					   line, last);
			return 1;
		}
		byte++;
		if (ca != cb) {
			if (mode == MODE_SILENT)
				return 1;
			if (mode == MODE_FIRST) {
				printf("%s %s differ: byte %llu, line %llu\n",
				       a->name, b->name, byte, line + 1);
				return 1;
			}
			printf("%llu %o %o\n", byte, (unsigned)ca,
			       (unsigned)cb);
			status = 1;
		}
		if (ca == '\n')
			line++;
		last = ca;
	}
}

int main(int argc, char **argv)
{
	enum mode mode = MODE_FIRST;
	int c;
	while ((c = getopt(argc, argv, "ls")) != -1) {
		switch (c) {
		case 'l':
			mode = MODE_LIST;
			break;
		case 's':
			mode = MODE_SILENT;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 2)
		usage();

	struct input a, b;
	open_input(&a, argv[0]);
	open_input(&b, argv[1]);
	int status = compare(&a, &b, mode);
	if (fflush(stdout) == EOF)
		err(2, "write error");
	return status;
}
