// SPDX-License-Identifier: BSD-2-Clause
/*
 * mount: put a volume in the tree, or list the mounted volumes.
 *
 *	mount
 *	mount [-r] special dir
 *
 * With no operands, prints each mounted volume as "special on dir
 * (rw)" or "(ro)", the root first.  Otherwise mounts the MINIX v3 file
 * system on block device `special` at directory `dir`; -r mounts it
 * read-only.  Only root may mount.  When the device holds no valid file
 * system, the file server's console line says exactly what is wrong.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#define ENOTBLK_ 15 /* newlib's ENOTBLK, not among the POSIX numbers */

static int usage(void)
{
	fprintf(stderr, "usage: mount [-r] special dir\n");
	return 2;
}

static int list(void)
{
	struct mntinfo m[16];
	int n = getmounts(m, 16);
	if (n < 0) {
		fprintf(stderr, "mount: cannot list volumes: %s\n",
			strerror(errno));
		return 1;
	}
	for (int i = 0; i < n && i < 16; i++)
		printf("%s on %s (%s)\n", m[i].special, m[i].dir,
		       m[i].flags & MNT_RDONLY ? "ro" : "rw");
	return 0;
}

static const char *why(int e)
{
	switch (e) {
	case EINVAL:
		return "not a MINIX v3 file system, or a damaged one";
	case ENOTBLK_:
		return "not a block device";
	case EBUSY:
		return "already mounted, or the directory is a mount point";
	case ENXIO:
		return "no such device (is its driver running?)";
	default:
		return strerror(e);
	}
}

int main(int argc, char **argv)
{
	int c, flags = 0;
	while ((c = getopt(argc, argv, "r")) != -1) {
		if (c != 'r')
			return usage();
		flags |= MNT_RDONLY;
	}
	argc -= optind;
	argv += optind;
	if (argc == 0 && !flags)
		return list();
	if (argc != 2)
		return usage();
	if (mount(argv[0], argv[1], flags) < 0) {
		int e = errno;
		if (e == ENOTDIR || e == ENOENT)
			fprintf(stderr, "mount: %s or %s: %s\n", argv[0],
				argv[1], strerror(e));
		else
			fprintf(stderr, "mount: %s on %s: %s\n", argv[0],
				argv[1], why(e));
		return 1;
	}
	return 0;
}
