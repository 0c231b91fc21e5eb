// SPDX-License-Identifier: BSD-2-Clause
/*
 * sync: write what the file systems hold in memory to their devices.
 *
 *	sync
 *
 * Calls sync(), which asks VFS to flush every mounted file system, and
 * exits 0 (sync() reports no errors).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (getopt(argc, argv, "") != -1 || optind != argc) {
		fprintf(stderr, "usage: sync\n");
		return 2;
	}
	sync();
	return 0;
}
