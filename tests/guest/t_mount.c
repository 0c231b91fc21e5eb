// SPDX-License-Identifier: BSD-2-Clause
/*
 * Mounting: a second volume in the tree.  The boot has the test root
 * (ram0), an empty volume made by util-linux's `mkfs.minix -3` (ram1)
 * and one with a broken superblock (ram2).  The test mounts ram1 on
 * /mnt, crosses the mount both ways (paths, "..", getcwd), checks that
 * what must be refused is (EBUSY, EXDEV, ENOTBLK, EINVAL, ENXIO, EPERM,
 * EROFS), fills the volume to ENOSPC and frees it again, and finds its
 * files again after unmounting and mounting it anew.
 *
 * At the end it unmounts ram1, syncs the root and prints "t_mount:
 * volumes written back"; then it waits.  The harness (tests/run.py)
 * saves both RAM disks from QEMU's memory and runs `fsck.minix -f` on
 * them: what our file server wrote must be a clean MINIX v3 volume.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "devnum.h"
#include "tlib.h"

#define ENOTBLK_ 15

static char buf[8192];

static void fill(char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (char)(seed + i * 7 + i / 251);
}

static void write_file(const char *path, size_t n, unsigned seed)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	T_ASSERT(fd >= 0);
	for (size_t done = 0; done < n;) {
		size_t k = n - done < sizeof(buf) ? n - done : sizeof(buf);
		fill(buf, k, seed + (unsigned)done);
		T_EQ(write(fd, buf, k), (ssize_t)k);
		done += k;
	}
	T_EQ(close(fd), 0);
}

static void check_file(const char *path, size_t n, unsigned seed)
{
	static char want[sizeof(buf)];
	int fd = open(path, O_RDONLY);
	T_ASSERT(fd >= 0);
	for (size_t done = 0; done < n;) {
		size_t k = n - done < sizeof(buf) ? n - done : sizeof(buf);
		fill(want, k, seed + (unsigned)done);
		T_EQ(read(fd, buf, k), (ssize_t)k);
		T_ASSERT(memcmp(buf, want, k) == 0);
		done += k;
	}
	T_EQ(read(fd, buf, 1), 0);
	T_EQ(close(fd), 0);
}

static void crossing(void)
{
	struct stat root, mnt, dir;
	char cwd[64];
	T_EQ(stat("/", &root), 0);
	T_EQ(stat("/mnt", &mnt), 0);
	T_ASSERT(root.st_dev != mnt.st_dev);
	T_EQ(mnt.st_ino, 1); /* the mounted volume's root */
	T_EQ(mkdir("/mnt/d", 0755), 0);
	T_EQ(mkdir("/mnt/d/e", 0755), 0);
	T_EQ(chdir("/mnt/d/e"), 0);
	T_ASSERT(getcwd(cwd, sizeof(cwd)) != NULL);
	T_ASSERT(strcmp(cwd, "/mnt/d/e") == 0);
	T_EQ(chdir("../../.."), 0); /* out through the mount point */
	T_ASSERT(getcwd(cwd, sizeof(cwd)) != NULL);
	T_ASSERT(strcmp(cwd, "/") == 0);
	T_EQ(stat("/mnt/d/e/../../../etc", &dir), 0);
	T_ASSERT(S_ISDIR(dir.st_mode) && dir.st_dev == root.st_dev);
	T_EQ(chdir("/mnt"), 0);
	T_ASSERT(getcwd(cwd, sizeof(cwd)) != NULL);
	T_ASSERT(strcmp(cwd, "/mnt") == 0);
	T_EQ(chdir("/"), 0);
}

static void refusals(void)
{
	struct statvfs s;
	T_EQ(mount("/dev/ram1", "/tmp", 0), -1); /* mounted already */
	T_EQ(errno, EBUSY);
	T_EQ(mount("/dev/ram0", "/tmp", 0), -1); /* the root's device */
	T_EQ(errno, EBUSY);
	T_EQ(mount("/dev/null", "/tmp", 0), -1);
	T_EQ(errno, ENOTBLK_);
	T_EQ(mount("/dev/ram2", "/tmp", 0), -1); /* a broken superblock */
	T_EQ(errno, EINVAL);
	T_EQ(mount("/dev/ram3", "/tmp", 0), -1); /* no such RAM disk */
	T_EQ(errno, ENXIO);
	T_EQ(mount("/dev/nothing", "/tmp", 0), -1);
	T_EQ(errno, ENOENT);
	T_EQ(mount("/dev/ram2", "/etc/motd", 0), -1);
	T_EQ(errno, ENOTDIR);
	T_EQ(mount("/dev/ram2", "/tmp", 0x80), -1);
	T_EQ(errno, EINVAL);
	T_EQ(mount(NULL, "/tmp", 0), -1);
	T_EQ(errno, EFAULT);
	T_EQ(umount("/tmp"), -1); /* not a mount point */
	T_EQ(errno, EINVAL);
	T_EQ(umount("/"), -1);
	T_EQ(errno, EBUSY);
	T_EQ(statvfs("/tmp", &s), 0); /* ram2 was not left half mounted */

	write_file("/mnt/f", 100, 1);
	T_EQ(link("/mnt/f", "/tmp/f"), -1);
	T_EQ(errno, EXDEV);
	T_EQ(rename("/mnt/f", "/tmp/f"), -1);
	T_EQ(errno, EXDEV);
	T_EQ(rmdir("/mnt"), -1);
	T_EQ(errno, EBUSY);
	T_EQ(rename("/mnt", "/mnt2"), -1);
	T_EQ(errno, EBUSY);

	int fd = open("/mnt/f", O_RDONLY);
	T_ASSERT(fd >= 0);
	T_EQ(umount("/mnt"), -1); /* an open file */
	T_EQ(errno, EBUSY);
	T_EQ(close(fd), 0);
	T_EQ(chdir("/mnt/d"), 0);
	T_EQ(umount("/dev/ram1"), -1); /* a working directory */
	T_EQ(errno, EBUSY);
	T_EQ(chdir("/"), 0);
	T_EQ(unlink("/mnt/f"), 0);

	pid_t p = fork();
	T_ASSERT(p >= 0);
	if (p == 0) {
		if (setuid(5) < 0)
			_exit(2);
		if (mount("/dev/ram2", "/tmp", 0) == 0 || errno != EPERM)
			_exit(3);
		_exit(umount("/mnt") == 0 || errno != EPERM ? 4 : 0);
	}
	int st;
	T_EQ(waitpid(p, &st, 0), p);
	T_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

/* Write until the volume is full, check ENOSPC, then free it all. */
static void full(void)
{
	struct statvfs before, at, after;
	T_EQ(statvfs("/mnt", &before), 0);
	int fd = open("/mnt/big", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	T_ASSERT(fd >= 0);
	size_t total = 0;
	ssize_t n;
	fill(buf, sizeof(buf), 9);
	while ((n = write(fd, buf, sizeof(buf))) == (ssize_t)sizeof(buf))
		total += (size_t)n;
	if (n > 0) { /* the last piece was cut short: now it is full */
		total += (size_t)n;
		n = write(fd, buf, sizeof(buf));
	}
	T_EQ(n, -1);
	T_EQ(errno, ENOSPC);
	T_EQ(close(fd), 0);
	t_log("t_mount: ENOSPC after %u bytes\n", (unsigned)total);
	T_ASSERT(total > (before.f_bfree - 8) * 1024u / 2);
	T_EQ(statvfs("/mnt", &at), 0);
	T_EQ(at.f_bfree, 0);
	T_EQ(mkdir("/mnt/nospace", 0755), -1); /* needs a block */
	T_EQ(errno, ENOSPC);
	T_EQ(unlink("/mnt/big"), 0);
	T_EQ(statvfs("/mnt", &after), 0);
	T_EQ(after.f_bfree, before.f_bfree);
	T_EQ(after.f_ffree, before.f_ffree);
}

static void case_mount(void)
{
	struct mntinfo m[4];
	struct statvfs s;
	T_EQ(mount("/dev/ram1", "/mnt", 0), 0);
	T_EQ(getmounts(m, 4), 2);
	T_ASSERT(strcmp(m[0].special, "/dev/ram0") == 0);
	T_ASSERT(strcmp(m[0].dir, "/") == 0);
	T_ASSERT(strcmp(m[1].special, "/dev/ram1") == 0);
	T_ASSERT(strcmp(m[1].dir, "/mnt") == 0);
	T_EQ(statvfs("/mnt", &s), 0);
	T_EQ(s.f_fsid, DEV_MAKE(MAJOR_MEMORY, 1)); /* ram1 */
	crossing();
	refusals();
	full();
	write_file("/mnt/d/e/data", 50000, 3);
	write_file("/mnt/small", 10, 4);
	T_EQ(umount("/mnt"), 0);
	T_EQ(getmounts(m, 4), 1);
	T_EQ(access("/mnt/small", F_OK), -1); /* root's own /mnt again */

	T_EQ(mount("/dev/ram1", "/mnt", MNT_RDONLY), 0);
	check_file("/mnt/d/e/data", 50000, 3);
	check_file("/mnt/small", 10, 4);
	T_EQ(open("/mnt/new", O_WRONLY | O_CREAT, 0644), -1);
	T_EQ(errno, EROFS);
	T_EQ(unlink("/mnt/small"), -1);
	T_EQ(errno, EROFS);
	T_EQ(statvfs("/mnt", &s), 0);
	T_ASSERT(s.f_flag & ST_RDONLY);
	T_EQ(umount("/dev/ram1"), 0);

	T_EQ(mount("/dev/ram1", "/mnt", 0), 0);
	T_EQ(unlink("/mnt/small"), 0);
	write_file("/mnt/d/last", 3000, 5);
	T_EQ(mkdir("/mnt/d/empty", 0700), 0);
	T_EQ(umount("/mnt"), 0);
	write_file("/tmp/root-file", 20000, 6);
	sync();
	t_pass();
	t_log("t_mount: volumes written back\n");
	for (;;)
		pause(); /* the harness saves the disks, then stops QEMU */
}

int main(int argc, char **argv)
{
	static const struct t_case_entry cases[] = {{"mount", case_mount}};
	t_run_case(argc, argv, cases, 1);
}
