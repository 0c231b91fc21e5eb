// SPDX-License-Identifier: BSD-2-Clause
/*
 * df: free space on the mounted volumes.
 *
 *	df [-i] [file ...]
 *
 * For every mounted volume, or for the volume holding each file named,
 * prints its device, size, use and mount point, in 1 KiB blocks; -i
 * counts inodes instead.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#define MAX_MOUNTS 16

static struct mntinfo mounts[MAX_MOUNTS];
static int nmounts;
static int inodes;

static void show(const char *special, const char *dir, const struct statvfs *s)
{
	unsigned long long total = inodes ? s->f_files : s->f_blocks;
	unsigned long long avail = inodes ? s->f_ffree : s->f_bavail;
	unsigned long long used = total - avail;
	unsigned pct = total ? (unsigned)((used * 100 + total - 1) / total) : 0;
	printf("%-16s %10llu %10llu %10llu %4u%% %s\n", special, total, used,
	       avail, pct, dir);
}

static int one(const struct mntinfo *m)
{
	struct statvfs s;
	if (statvfs(m->dir, &s) < 0) {
		fprintf(stderr, "df: %s: %s\n", m->dir, strerror(errno));
		return 1;
	}
	show(m->special, m->dir, &s);
	return 0;
}

/* The volume holding path: the mount whose device statvfs reports. */
static int of_file(const char *path)
{
	struct statvfs s;
	if (statvfs(path, &s) < 0) {
		fprintf(stderr, "df: %s: %s\n", path, strerror(errno));
		return 1;
	}
	for (int i = 0; i < nmounts; i++)
		if (mounts[i].dev == s.f_fsid) {
			show(mounts[i].special, mounts[i].dir, &s);
			return 0;
		}
	show("?", path, &s);
	return 0;
}

int main(int argc, char **argv)
{
	int c, status = 0;
	while ((c = getopt(argc, argv, "ik")) != -1) {
		if (c == 'i') {
			inodes = 1;
		} else if (c != 'k') {
			fprintf(stderr, "usage: df [-i] [file ...]\n");
			return 2;
		}
	}
	nmounts = getmounts(mounts, MAX_MOUNTS);
	if (nmounts < 0) {
		fprintf(stderr, "df: cannot list volumes: %s\n",
			strerror(errno));
		return 1;
	}
	if (nmounts > MAX_MOUNTS)
		nmounts = MAX_MOUNTS;
	printf("%-16s %10s %10s %10s %5s %s\n", "Filesystem",
	       inodes ? "Inodes" : "1K-blocks", inodes ? "IUsed" : "Used",
	       inodes ? "IFree" : "Available", inodes ? "IUse%" : "Use%",
	       "Mounted on");
	if (optind == argc)
		for (int i = 0; i < nmounts; i++)
			status |= one(&mounts[i]);
	for (int i = optind; i < argc; i++)
		status |= of_file(argv[i]);
	return status;
}
