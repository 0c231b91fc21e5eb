// SPDX-License-Identifier: BSD-2-Clause
/*
 * cat: concatenate files to standard output.
 *
 *	cat [-u] [file ...]
 *
 * Each operand is copied to standard output in order; with no operand,
 * or for an operand "-", standard input is copied instead.  The copy
 * streams through one fixed buffer with read() and write(), so files of
 * any size work and output is never held back (-u, "unbuffered", is
 * therefore accepted and changes nothing).
 *
 * A file that cannot be opened or read is reported and skipped; the
 * remaining operands are still copied and the exit status is 1.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmdlib.h"

#define BUF_SIZE 8192

static void usage(void)
{
	fprintf(stderr, "usage: cat [-u] [file ...]\n");
	exit(2);
}

/*
 * Copy fd to standard output.  Returns 0, or -1 after reporting: a read
 * error names the file, a write error stops the whole program since no
 * later operand could be written either.
 */
static int copy_fd(int fd, const char *name)
{
	static char buf[BUF_SIZE];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn("%s", name);
			return -1;
		}
		if (write_all(STDOUT_FILENO, buf, (size_t)n) < 0)
			err(1, "write error");
	}
}

static int cat_file(const char *name)
{
	if (strcmp(name, "-") == 0)
		return copy_fd(STDIN_FILENO, "stdin");
	int fd = open(name, O_RDONLY);
	if (fd < 0) {
		warn("%s", name);
		return -1;
	}
	int rc = copy_fd(fd, name);
	close(fd);
	return rc;
}

int main(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "u")) != -1) {
		if (c != 'u')
			usage();
	}
	argc -= optind;
	argv += optind;

	if (argc == 0)
		return copy_fd(STDIN_FILENO, "stdin") < 0 ? 1 : 0;
	int status = 0;
	for (int i = 0; i < argc; i++) {
		if (cat_file(argv[i]) < 0)
			status = 1;
	}
	return status;
}
