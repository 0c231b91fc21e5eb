/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The MINIX v3 file system, as util-linux's mkfs.minix -3 writes it and
 * fsck.minix checks it: 1 KiB blocks, one block per zone.
 *
 *   block 0        boot block (unused)
 *   block 1        superblock (magic 0x4d5a at byte 24)
 *   imap blocks    one bit per inode; bit 0 is reserved
 *   zmap blocks    one bit per data zone; bit i is zone first_data + i - 1
 *   inode table    64-byte inodes, inode 1 (the root) first
 *   data zones
 *
 * An inode has 7 direct zones, then a single, a double and a triple
 * indirect zone (256 zone numbers per block).  A directory is a file of
 * 64-byte entries: a 4-byte inode number (0 = free) and a 60-byte name,
 * NUL-padded; "." and ".." come first.
 *
 * This library is the whole on-disk logic, used by the FS server in the
 * OS and by the host tool that builds root images.  It reads and writes
 * blocks through a device (struct mfs_dev) and keeps no cache of its
 * own.  Functions return 0 (or a count) or a negative errno.
 */
#pragma once

#include <stdint.h>

#define MFS_BLOCK 1024
#define MFS_MAGIC 0x4d5a
#define MFS_NAME_MAX 60
#define MFS_ROOT 1
#define MFS_DIRECT 7
#define MFS_PER_BLOCK (MFS_BLOCK / 4) /* zone numbers in an index block */
#define MFS_INODE_SIZE 64
#define MFS_DIRENT_SIZE 64

#define MFS_IFMT 0170000
#define MFS_IFDIR 0040000
#define MFS_IFREG 0100000
#define MFS_IFLNK 0120000
#define MFS_IFCHR 0020000
#define MFS_IFBLK 0060000
#define MFS_IFIFO 0010000

struct mfs_super {
	uint32_t ninodes;
	uint16_t pad0;
	uint16_t imap_blocks;
	uint16_t zmap_blocks;
	uint16_t first_data;
	uint16_t log_zone_size;
	uint16_t pad1;
	uint32_t max_size;
	uint32_t zones;
	uint16_t magic;
	uint16_t pad2;
	uint16_t block_size;
	uint8_t disk_version;
} __attribute__((packed));

struct mfs_inode {
	uint16_t mode;
	uint16_t nlinks;
	uint16_t uid;
	uint16_t gid;
	uint32_t size;
	uint32_t atime, mtime, ctime;
	uint32_t zone[10];
};

struct mfs_dirent {
	uint32_t ino;
	char name[MFS_NAME_MAX];
};

_Static_assert(sizeof(struct mfs_inode) == MFS_INODE_SIZE, "inode size");
_Static_assert(sizeof(struct mfs_dirent) == MFS_DIRENT_SIZE, "entry size");

struct mfs_dev {
	int (*read)(void *ctx, uint32_t block, void *buf);
	int (*write)(void *ctx, uint32_t block, const void *buf);
	void *ctx;
	uint32_t nblocks; /* size of the device in blocks */
};

struct mfs {
	struct mfs_dev dev;
	struct mfs_super sb;
	uint32_t inode_start;  /* first block of the inode table */
	uint32_t (*now)(void); /* for time stamps; 0 = none */
	/* Is the inode open?  Then its last link going leaves it (with
	 * no links) until mfs_release.  0 = nothing is ever open. */
	int (*in_use)(struct mfs *fs, uint32_t ino);
};

/* Make an empty file system (root directory only) on dev. ninodes = 0
 * picks one inode per three blocks, as mkfs.minix does. */
int mfs_format(const struct mfs_dev *dev, uint32_t ninodes);
/* Check the superblock and get ready.  On failure *why says what is
 * wrong (for a clear mount error). */
int mfs_mount(struct mfs *fs, const struct mfs_dev *dev, const char **why);

int mfs_iget(struct mfs *fs, uint32_t ino, struct mfs_inode *in);
int mfs_iput(struct mfs *fs, uint32_t ino, const struct mfs_inode *in);

int mfs_read(struct mfs *fs, uint32_t ino, uint32_t off, void *buf,
	     uint32_t len); /* bytes read */
int mfs_write(struct mfs *fs, uint32_t ino, uint32_t off, const void *buf,
	      uint32_t len); /* bytes written */
int mfs_truncate(struct mfs *fs, uint32_t ino, uint32_t size);

int mfs_lookup(struct mfs *fs, uint32_t dir, const char *name, uint32_t *ino);
int mfs_create(struct mfs *fs, uint32_t dir, const char *name, uint16_t mode,
	       uint16_t uid, uint16_t gid, uint32_t *ino);
int mfs_link(struct mfs *fs, uint32_t dir, const char *name, uint32_t ino);
int mfs_unlink(struct mfs *fs, uint32_t dir, const char *name);
int mfs_rmdir(struct mfs *fs, uint32_t dir, const char *name);
/* The file was closed for the last time: free it if it has no links. */
int mfs_release(struct mfs *fs, uint32_t ino);
/* Move odir/oname to ndir/nname, replacing a file or an empty directory
 * there (rename(2)'s rules). */
int mfs_rename(struct mfs *fs, uint32_t odir, const char *oname, uint32_t ndir,
	       const char *nname);
/* The next used entry at or after *pos (a byte offset); 0 at the end. */
int mfs_readdir(struct mfs *fs, uint32_t dir, uint32_t *pos,
		struct mfs_dirent *out);
/* Resolve an absolute or root-relative path ("/a/b", no symlinks). */
int mfs_namei(struct mfs *fs, const char *path, uint32_t *ino);
/* Free blocks and inodes (for df and statvfs). */
int mfs_count_free(struct mfs *fs, uint32_t *blocks, uint32_t *inodes);
