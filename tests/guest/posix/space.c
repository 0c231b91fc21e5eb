// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: a full file system (the test RAM disk: 2 MiB of 1 KiB
 * blocks).  Writing until there is no block left ends in ENOSPC (after
 * perhaps one short write); creating files until there is no inode left
 * too.  statvfs shows the free counts fall and, once the files are
 * removed, come back exactly; files written before are intact.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "posix.h"

#define CHUNK 4096

static char pattern(int i)
{
	return (char)('a' + i % 23);
}

/* A file of n bytes of pattern(). */
static void write_keep(const char *path, int n)
{
	char buf[512];
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0);
	for (int at = 0; at < n; at += (int)sizeof(buf)) {
		for (int i = 0; i < (int)sizeof(buf); i++)
			buf[i] = pattern(at + i);
		int len = n - at < (int)sizeof(buf) ? n - at : (int)sizeof(buf);
		CHECK(write(fd, buf, (size_t)len) == len);
	}
	CHECK(close(fd) == 0);
}

static bool kept(const char *path, int n)
{
	char buf[512];
	int fd = open(path, O_RDONLY), got = 0, r;
	while ((r = (int)read(fd, buf, sizeof(buf))) > 0) {
		for (int i = 0; i < r; i++)
			if (buf[i] != pattern(got + i))
				return false;
		got += r;
	}
	close(fd);
	return r == 0 && got == n;
}

/* Write until the disk is full; the number of bytes written. */
static long fill(int fd)
{
	static char buf[CHUNK];
	long total = 0;
	int r;
	memset(buf, 'F', sizeof(buf));
	while ((r = (int)write(fd, buf, CHUNK)) == CHUNK && total < 8L << 20)
		total += r;
	if (r > 0) { /* a short write, then the error */
		total += r;
		r = (int)write(fd, buf, CHUNK);
	}
	CHECK(r == -1 && errno == ENOSPC);
	return total;
}

static void t_enospc_blocks(void)
{
	struct statvfs before, full, after;
	write_keep("/tmp/keep", 5000);
	CHECK(statvfs("/", &before) == 0);
	CHECK(before.f_bfree > 100 && before.f_bfree < before.f_blocks);
	int fd = open("/tmp/fill", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0);
	long total = fill(fd);
	CHECK(statvfs("/", &full) == 0 && full.f_bfree <= 1);
	/* The data, plus a few indirect blocks. */
	CHECK(total / 1024 <= (long)before.f_bfree &&
	      total / 1024 >= (long)before.f_bfree - 8);
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_size == total);
	CHECK(mkdir("/tmp/nospace", 0755) == -1 && errno == ENOSPC);
	CHECK(write(fd, "x", 1) == -1 && errno == ENOSPC);
	CHECK(close(fd) == 0 && unlink("/tmp/fill") == 0);
	CHECK(statvfs("/", &after) == 0);
	CHECK(after.f_bfree == before.f_bfree);
	CHECK(after.f_ffree == before.f_ffree);
	CHECK(kept("/tmp/keep", 5000));
	CHECK(unlink("/tmp/keep") == 0);
}

static void name_of(char *buf, size_t n, int i)
{
	snprintf(buf, n, "/tmp/ino/f%d", i);
}

static void t_enospc_inodes(void)
{
	struct statvfs before, full, after;
	char name[32];
	CHECK(statvfs("/", &before) == 0);
	CHECK(mkdir("/tmp/ino", 0755) == 0);
	int n = 0, fd;
	for (;; n++) {
		name_of(name, sizeof(name), n);
		if ((fd = open(name, O_CREAT | O_WRONLY, 0644)) < 0)
			break;
		CHECK(close(fd) == 0);
		CHECK(n < 5000);
	}
	CHECK(errno == ENOSPC);
	CHECK(statvfs("/", &full) == 0 && full.f_ffree == 0);
	CHECK(n == (int)before.f_ffree - 1); /* one went to the directory */
	CHECK(mkdir("/tmp/ino2", 0755) == -1 && errno == ENOSPC);
	for (int i = 0; i < n; i++) {
		name_of(name, sizeof(name), i);
		CHECK(unlink(name) == 0);
	}
	CHECK(rmdir("/tmp/ino") == 0);
	CHECK(statvfs("/", &after) == 0);
	CHECK(after.f_ffree == before.f_ffree);
	CHECK(after.f_bfree == before.f_bfree);
}

static const struct posix_test tests[] = {
	{"enospc_blocks", t_enospc_blocks},
	{"enospc_inodes", t_enospc_inodes},
};

POSIX_GROUP(posix_space, tests);
