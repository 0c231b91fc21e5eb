// SPDX-License-Identifier: BSD-2-Clause
/*
 * echo: write the operands to standard output.
 *
 *	echo [-n] [string ...]
 *
 * The operands are written separated by single spaces and followed by a
 * newline.  A first operand of exactly "-n" suppresses that newline.
 *
 * echo is the one command here that does not use getopt(): POSIX says
 * echo takes no options, so "-x" or "--" are printed like any other
 * string, and there is no usage error.  Backslash escapes (\n, \c) are
 * not interpreted; use printf-style tools for that.
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int newline = 1;
	int i = 1;
	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		newline = 0;
		i = 2;
	}
	for (int first = i; i < argc; i++) {
		if (i > first)
			putchar(' ');
		fputs(argv[i], stdout);
	}
	if (newline)
		putchar('\n');
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("echo: write error");
		return 1;
	}
	return 0;
}
