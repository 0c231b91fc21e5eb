/* SPDX-License-Identifier: BSD-2-Clause */
/* What the parts of libmfs share and nobody else needs. */
#pragma once

#include <errno.h>
#include <string.h>

#include "mfs.h"

#define MFS_BITS (MFS_BLOCK * 8) /* bits in a bitmap block */

static inline int bread(struct mfs *fs, uint32_t b, void *buf)
{
	if (b >= fs->dev.nblocks)
		return -EIO;
	return fs->dev.read(fs->dev.ctx, b, buf) < 0 ? -EIO : 0;
}

static inline int bwrite(struct mfs *fs, uint32_t b, const void *buf)
{
	if (b >= fs->dev.nblocks)
		return -EIO;
	return fs->dev.write(fs->dev.ctx, b, buf) < 0 ? -EIO : 0;
}

static inline uint32_t mfs_now(struct mfs *fs)
{
	return fs->now ? fs->now() : 0;
}

/* bitmap.c */
int mfs_alloc_inode(struct mfs *fs, uint32_t *ino);
void mfs_free_inode(struct mfs *fs, uint32_t ino);
int mfs_alloc_zone(struct mfs *fs, uint32_t *zone); /* zeroed */
void mfs_free_zone(struct mfs *fs, uint32_t zone);

/* inode.c */
int mfs_bmap(struct mfs *fs, struct mfs_inode *in, uint32_t fblock, int create,
	     uint32_t *zone);
int mfs_trim(struct mfs *fs, struct mfs_inode *in, uint32_t first);

/* dir.c: the pieces of directory work that rename.c shares. */
int mfs_check_name(const char *name);
int mfs_is_dir(struct mfs *fs, uint32_t ino, struct mfs_inode *in);
/* Find `name` in dir: its inode and the entry's byte offset. */
int mfs_find(struct mfs *fs, uint32_t dir, const char *name, uint32_t *ino,
	     uint32_t *where);
int mfs_add_entry(struct mfs *fs, uint32_t dir, const char *name, uint32_t ino);
int mfs_remove_entry(struct mfs *fs, uint32_t dir, uint32_t where);
int mfs_adjust_links(struct mfs *fs, uint32_t ino, int by);
/* Drop `links` links to ino; free it when none is left. */
int mfs_drop(struct mfs *fs, uint32_t ino, int links);
