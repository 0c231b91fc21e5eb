// SPDX-License-Identifier: BSD-2-Clause
/*
 * tee: copy standard input to standard output and to files.
 *
 *	tee [-a] [-i] [file ...]
 *
 * Everything read from standard input is written, unchanged and as soon
 * as it arrives, to standard output and to every named file.  Files are
 * truncated first, or appended to with -a.  -i ignores SIGINT, so a
 * pipeline can be interrupted without losing tee's copy.
 *
 * A file that cannot be opened or written is reported and dropped; tee
 * keeps copying to the others and exits with status 1 at the end.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmdlib.h"

#define BUF_SIZE 8192

struct out {
	int fd;
	const char *name;
};

static void usage(void)
{
	fprintf(stderr, "usage: tee [-a] [-i] [file ...]\n");
	exit(2);
}

/* Send one chunk to every output still open; drop the ones that fail. */
static int write_outs(struct out *outs, int nout, const char *buf, size_t n)
{
	int status = 0;
	for (int i = 0; i < nout; i++) {
		if (outs[i].fd < 0)
			continue;
		if (write_all(outs[i].fd, buf, n) < 0) {
			warn("%s", outs[i].name);
			outs[i].fd = -1;
			status = 1;
		}
	}
	return status;
}

int main(int argc, char **argv)
{
	int flags = O_WRONLY | O_CREAT | O_TRUNC;
	int c;
	while ((c = getopt(argc, argv, "ai")) != -1) {
		switch (c) {
		case 'a':
			flags = O_WRONLY | O_CREAT | O_APPEND;
			break;
		case 'i':
			signal(SIGINT, SIG_IGN);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	struct out *outs = calloc((size_t)argc + 1, sizeof(*outs));
	if (!outs)
		err(1, "out of memory");
	int status = 0;
	int nout = 0;
	outs[nout].fd = STDOUT_FILENO;
	outs[nout++].name = "stdout";
	for (int i = 0; i < argc; i++) {
		int fd = open(argv[i], flags, 0666);
		if (fd < 0) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		outs[nout].fd = fd;
		outs[nout++].name = argv[i];
	}

	static char buf[BUF_SIZE];
	for (;;) {
		ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn("stdin");
			status = 1;
			break;
		}
		status |= write_outs(outs, nout, buf, (size_t)n);
	}
	for (int i = 1; i < nout; i++) {
		if (outs[i].fd >= 0 && close(outs[i].fd) < 0) {
			warn("%s", outs[i].name);
			status = 1;
		}
	}
	free(outs);
	return status;
}
