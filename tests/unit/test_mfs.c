// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for lib/libmfs, the MINIX v3 file system.  The device is a
 * block array in memory; the consistency checks at the end write the
 * image to a file and run util-linux's fsck.minix -f on it, so the
 * judge of the on-disk format is independent of this code.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mfs.h"
#include "unit.h"

#define NBLOCKS 8192 /* 8 MiB */

static uint8_t *disk;
static struct mfs_dev dev;
static struct mfs fs;

static int mem_read(void *ctx, uint32_t b, void *buf)
{
	(void)ctx;
	memcpy(buf, disk + (size_t)b * MFS_BLOCK, MFS_BLOCK);
	return 0;
}

static int mem_write(void *ctx, uint32_t b, const void *buf)
{
	(void)ctx;
	memcpy(disk + (size_t)b * MFS_BLOCK, buf, MFS_BLOCK);
	return 0;
}

static void fresh(uint32_t nblocks)
{
	free(disk);
	disk = calloc(nblocks, MFS_BLOCK);
	dev = (struct mfs_dev){mem_read, mem_write, 0, nblocks};
	CHECK(mfs_format(&dev, 0) == 0);
	CHECK(mfs_mount(&fs, &dev, 0) == 0);
}

/* Run fsck.minix -f on the current image; true if it is clean. */
static int fsck_clean(void)
{
	char name[] = "/tmp/test_mfs_XXXXXX";
	int fd = mkstemp(name);
	FILE *f = fdopen(fd, "wb");
	fwrite(disk, MFS_BLOCK, dev.nblocks, f);
	fclose(f);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "fsck.minix -f %s >/dev/null 2>&1", name);
	int clean = system(cmd) == 0;
	if (!clean) { /* show what fsck found */
		snprintf(cmd, sizeof(cmd), "fsck.minix -f %s | head -20", name);
		if (system(cmd) < 0)
			perror("fsck.minix");
	}
	remove(name);
	return clean;
}

static uint8_t pattern(uint32_t i, uint32_t seed)
{
	return (uint8_t)((i * 2654435761u + seed) >> 13);
}

static int write_file(const char *name, uint32_t size, uint32_t seed,
		      uint32_t *ino)
{
	static uint8_t buf[65536];
	int r = mfs_create(&fs, MFS_ROOT, name, MFS_IFREG | 0644, 0, 0, ino);
	for (uint32_t off = 0; r == 0 && off < size; off += sizeof(buf)) {
		uint32_t n =
			size - off < sizeof(buf) ? size - off : sizeof(buf);
		for (uint32_t i = 0; i < n; i++)
			buf[i] = pattern(off + i, seed);
		int w = mfs_write(&fs, *ino, off, buf, n);
		r = w == (int)n ? 0 : w < 0 ? w : -ENOSPC;
	}
	return r;
}

static int same(uint32_t ino, uint32_t size, uint32_t seed)
{
	static uint8_t buf[65536];
	struct mfs_inode in;
	if (mfs_iget(&fs, ino, &in) < 0 || in.size != size)
		return 0;
	for (uint32_t off = 0; off < size; off += sizeof(buf)) {
		uint32_t n =
			size - off < sizeof(buf) ? size - off : sizeof(buf);
		if (mfs_read(&fs, ino, off, buf, n) != (int)n)
			return 0;
		for (uint32_t i = 0; i < n; i++)
			if (buf[i] != pattern(off + i, seed))
				return 0;
	}
	return mfs_read(&fs, ino, size, buf, 10) == 0; /* at the end */
}

static void format_and_root(void)
{
	fresh(NBLOCKS);
	struct mfs_dirent e;
	uint32_t pos = 0, ino;
	CHECK(mfs_readdir(&fs, MFS_ROOT, &pos, &e) == 1);
	CHECK(e.ino == MFS_ROOT && !strcmp(e.name, "."));
	CHECK(mfs_readdir(&fs, MFS_ROOT, &pos, &e) == 1);
	CHECK(!strcmp(e.name, ".."));
	CHECK(mfs_readdir(&fs, MFS_ROOT, &pos, &e) == 0);
	CHECK(mfs_namei(&fs, "/", &ino) == 0 && ino == MFS_ROOT);
	CHECK(fsck_clean());
}

static void file_sizes(void)
{
	/* Across every boundary: direct, single, double indirect. */
	static const uint32_t sizes[] = {0,
					 1,
					 1023,
					 1024,
					 1025,
					 7 * 1024,
					 7 * 1024 + 1,
					 263 * 1024,
					 263 * 1024 + 1,
					 3000000};
	uint32_t ino[10];
	fresh(NBLOCKS);
	for (int i = 0; i < 10; i++) {
		char name[16];
		snprintf(name, sizeof(name), "f%d", i);
		CHECK(write_file(name, sizes[i], (uint32_t)i, &ino[i]) == 0);
	}
	for (int i = 0; i < 10; i++)
		CHECK(same(ino[i], sizes[i], (uint32_t)i));
	CHECK(fsck_clean());
}

static void holes_and_truncate(void)
{
	uint32_t ino, free0, free1, inodes;
	uint8_t buf[4096];
	fresh(NBLOCKS);
	CHECK(mfs_count_free(&fs, &free0, &inodes) == 0);
	CHECK(mfs_create(&fs, MFS_ROOT, "h", MFS_IFREG | 0600, 0, 0, &ino) ==
	      0);
	CHECK(mfs_write(&fs, ino, 300000, "xyz", 3) == 3);
	CHECK(mfs_read(&fs, ino, 1000, buf, sizeof(buf)) == sizeof(buf));
	int zeros = 1;
	for (unsigned i = 0; i < sizeof(buf); i++)
		zeros &= buf[i] == 0;
	CHECK(zeros);
	CHECK(mfs_read(&fs, ino, 300000, buf, 10) == 3);
	CHECK(memcmp(buf, "xyz", 3) == 0);
	/* Shrink into the middle of a block: the tail reads as zeros
	 * when the file grows again. */
	CHECK(mfs_write(&fs, ino, 0, "abcdefgh", 8) == 8);
	CHECK(mfs_truncate(&fs, ino, 4) == 0);
	CHECK(mfs_truncate(&fs, ino, 8) == 0);
	CHECK(mfs_read(&fs, ino, 0, buf, 8) == 8);
	CHECK(memcmp(buf, "abcd\0\0\0\0", 8) == 0);
	CHECK(fsck_clean());
	/* Everything back after unlink. */
	CHECK(mfs_unlink(&fs, MFS_ROOT, "h") == 0);
	CHECK(mfs_count_free(&fs, &free1, &inodes) == 0);
	CHECK(free1 == free0);
	CHECK(fsck_clean());
}

static void directories(void)
{
	uint32_t a, b, f, x;
	struct mfs_inode in;
	fresh(NBLOCKS);
	CHECK(mfs_create(&fs, MFS_ROOT, "a", MFS_IFDIR | 0755, 0, 0, &a) == 0);
	CHECK(mfs_create(&fs, a, "b", MFS_IFDIR | 0755, 0, 0, &b) == 0);
	CHECK(mfs_create(&fs, b, "f", MFS_IFREG | 0644, 0, 0, &f) == 0);
	CHECK(mfs_namei(&fs, "/a/b/f", &x) == 0 && x == f);
	CHECK(mfs_namei(&fs, "/a/b/..", &x) == 0 && x == a);
	CHECK(mfs_iget(&fs, a, &in) == 0 && in.nlinks == 3);
	CHECK(mfs_rmdir(&fs, a, "b") == -ENOTEMPTY);
	CHECK(mfs_unlink(&fs, MFS_ROOT, "a") == -EISDIR);
	CHECK(mfs_link(&fs, MFS_ROOT, "hard", f) == 0);
	CHECK(mfs_iget(&fs, f, &in) == 0 && in.nlinks == 2);
	CHECK(mfs_unlink(&fs, b, "f") == 0);
	CHECK(mfs_namei(&fs, "/hard", &x) == 0 && x == f);
	CHECK(mfs_rmdir(&fs, a, "b") == 0);
	CHECK(mfs_iget(&fs, a, &in) == 0 && in.nlinks == 2);
	CHECK(mfs_namei(&fs, "/a/b", &x) == -ENOENT);
	CHECK(mfs_lookup(&fs, f, "x", &x) == -ENOTDIR);
	/* Many entries: the directory grows past one block, and freed
	 * slots are reused. */
	for (int i = 0; i < 100; i++) {
		char n[16];
		snprintf(n, sizeof(n), "e%03d", i);
		CHECK(mfs_create(&fs, a, n, MFS_IFREG | 0644, 0, 0, &x) == 0);
	}
	CHECK(mfs_unlink(&fs, a, "e010") == 0);
	CHECK(mfs_create(&fs, a, "new", MFS_IFREG | 0644, 0, 0, &x) == 0);
	CHECK(mfs_iget(&fs, a, &in) == 0 && in.size == 102 * MFS_DIRENT_SIZE);
	CHECK(fsck_clean());
}

static void names(void)
{
	char n60[61], n61[62];
	uint32_t x;
	memset(n60, 'n', 60);
	n60[60] = 0;
	memset(n61, 'n', 61);
	n61[61] = 0;
	fresh(NBLOCKS);
	CHECK(mfs_create(&fs, MFS_ROOT, n60, MFS_IFREG | 0644, 0, 0, &x) == 0);
	CHECK(mfs_lookup(&fs, MFS_ROOT, n60, &x) == 0);
	CHECK(mfs_create(&fs, MFS_ROOT, n61, MFS_IFREG, 0, 0, &x) ==
	      -ENAMETOOLONG);
	CHECK(mfs_create(&fs, MFS_ROOT, n60, MFS_IFREG, 0, 0, &x) == -EEXIST);
	CHECK(mfs_create(&fs, MFS_ROOT, "", MFS_IFREG, 0, 0, &x) == -EINVAL);
	CHECK(mfs_create(&fs, MFS_ROOT, "a/b", MFS_IFREG, 0, 0, &x) == -EINVAL);
	CHECK(mfs_lookup(&fs, MFS_ROOT, "none", &x) == -ENOENT);
	CHECK(fsck_clean());
}

static void full_disk(void)
{
	uint32_t ino, blocks, inodes;
	fresh(512);
	CHECK(write_file("big", 600 * 1024, 7, &ino) == -ENOSPC);
	CHECK(mfs_count_free(&fs, &blocks, &inodes) == 0 && blocks == 0);
	CHECK(fsck_clean()); /* full, but consistent */
	CHECK(mfs_unlink(&fs, MFS_ROOT, "big") == 0);
	CHECK(write_file("small", 1000, 1, &ino) == 0);
	CHECK(same(ino, 1000, 1));
	/* Out of inodes. */
	int r = 0;
	for (int i = 0; i < 1000 && r == 0; i++) {
		char n[16];
		snprintf(n, sizeof(n), "i%d", i);
		r = mfs_create(&fs, MFS_ROOT, n, MFS_IFREG | 0644, 0, 0, &ino);
	}
	CHECK(r == -ENOSPC);
	CHECK(fsck_clean());
}

static void bad_superblock(void)
{
	const char *why = 0;
	struct mfs other;
	fresh(NBLOCKS);
	disk[MFS_BLOCK + 24] ^= 0xff; /* the magic */
	CHECK(mfs_mount(&other, &dev, &why) == -EINVAL);
	CHECK(why && strstr(why, "magic"));
	disk[MFS_BLOCK + 24] ^= 0xff;
	struct mfs_super *sb = (struct mfs_super *)(disk + MFS_BLOCK);
	sb->zones = NBLOCKS * 2; /* bigger than the device */
	CHECK(mfs_mount(&other, &dev, &why) == -EINVAL);
	CHECK(why && strstr(why, "corrupt"));
	sb->zones = NBLOCKS;
	sb->first_data = 3;
	CHECK(mfs_mount(&other, &dev, &why) == -EINVAL);
	CHECK(why != 0);
}

static void mkfs_minix_image(void)
{
	/* An image made by util-linux mounts, takes files, stays clean. */
	char name[] = "/tmp/test_mfs_mk_XXXXXX";
	int fd = mkstemp(name);
	close(fd);
	char cmd[160];
	snprintf(cmd, sizeof(cmd),
		 "truncate -s 4M %s && mkfs.minix -3 %s >/dev/null", name,
		 name);
	CHECK(system(cmd) == 0);
	FILE *f = fopen(name, "rb");
	free(disk);
	disk = calloc(4096, MFS_BLOCK);
	CHECK(fread(disk, MFS_BLOCK, 4096, f) == 4096);
	fclose(f);
	remove(name);
	dev = (struct mfs_dev){mem_read, mem_write, 0, 4096};
	const char *why = 0;
	CHECK(mfs_mount(&fs, &dev, &why) == 0);
	uint32_t ino, d;
	CHECK(mfs_create(&fs, MFS_ROOT, "dir", MFS_IFDIR | 0755, 0, 0, &d) ==
	      0);
	CHECK(write_file("file", 100000, 3, &ino) == 0);
	CHECK(same(ino, 100000, 3));
	CHECK(fsck_clean());
}

int main(void)
{
	unit_file = "mfs";
	RUN(format_and_root);
	RUN(file_sizes);
	RUN(holes_and_truncate);
	RUN(directories);
	RUN(names);
	RUN(full_disk);
	RUN(bad_superblock);
	RUN(mkfs_minix_image);
	free(disk);
	return unit_done();
}
