// SPDX-License-Identifier: BSD-2-Clause
/*
 * dmesg: print the kernel log.
 *
 *	dmesg
 *
 * Copies /dev/kmsg to standard output.  The kernel keeps its log in a
 * ring of 16 KiB (the oldest lines are lost when it is full); each open
 * of /dev/kmsg starts at the oldest byte kept, each read goes on from
 * the file position, and a read at the end returns 0 (end of file, not
 * a wait for more).  The first read asks for the whole ring at once, so
 * that the log comes out as one picture even if the kernel writes to
 * it while dmesg runs.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmdlib.h"

#define KMSG "/dev/kmsg"
#define RING 16384 /* the kernel log's size: one read takes it all */

static void usage(void)
{
	fprintf(stderr, "usage: dmesg\n");
	exit(2);
}

int main(int argc, char **argv)
{
	static char buf[RING];
	if (getopt(argc, argv, "") != -1 || optind != argc)
		usage();

	int fd = open(KMSG, O_RDONLY);
	if (fd < 0)
		err(1, "%s", KMSG);
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			err(1, "%s", KMSG);
		if (n == 0)
			break;
		if (write_all(STDOUT_FILENO, buf, (size_t)n) < 0)
			err(1, "standard output");
	}
	close(fd);
	return 0;
}
