// SPDX-License-Identifier: BSD-2-Clause
/*
 * umount: take a mounted volume out of the tree.
 *
 *	umount dir|special ...
 *
 * Each operand names the mount point or the volume's device.  The file
 * server writes every changed block of the volume back first.  A volume
 * in use (an open file, a working directory, another volume mounted on
 * it) stays mounted.  Only root may unmount.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

int main(int argc, char **argv)
{
	int status = 0;
	if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--")) {
		fprintf(stderr, "usage: umount dir|special ...\n");
		return 2;
	}
	int first = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1;
	if (first >= argc) {
		fprintf(stderr, "usage: umount dir|special ...\n");
		return 2;
	}
	for (int i = first; i < argc; i++) {
		if (umount(argv[i]) == 0)
			continue;
		const char *why = errno == EBUSY    ? "busy (a file, directory "
						      "or volume on it is in use)"
				  : errno == EINVAL ? "not mounted"
						    : strerror(errno);
		fprintf(stderr, "umount: %s: %s\n", argv[i], why);
		status = 1;
	}
	return status;
}
