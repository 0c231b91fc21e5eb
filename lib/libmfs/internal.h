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
