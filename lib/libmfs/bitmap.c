// SPDX-License-Identifier: BSD-2-Clause
/*
 * The inode and zone bitmaps: find a clear bit and set it, clear a bit,
 * count the clear ones.  Bit 0 of each map is reserved, so bit numbers
 * are inode numbers, and zone z is bit z - first_data + 1.
 */
#include "internal.h"

static int take(struct mfs *fs, uint32_t first, uint32_t blocks, uint32_t limit,
		uint32_t *bit)
{
	uint8_t buf[MFS_BLOCK];
	for (uint32_t b = 0; b < blocks; b++) {
		int r = bread(fs, first + b, buf);
		if (r < 0)
			return r;
		for (uint32_t i = 0; i < MFS_BITS; i++) {
			uint32_t n = b * MFS_BITS + i;
			if (n >= limit)
				return -ENOSPC;
			if (buf[i / 8] & (1u << (i % 8)))
				continue;
			buf[i / 8] |= (uint8_t)(1u << (i % 8));
			r = bwrite(fs, first + b, buf);
			if (r < 0)
				return r;
			*bit = n;
			return 0;
		}
	}
	return -ENOSPC;
}

static void clear(struct mfs *fs, uint32_t first, uint32_t bit)
{
	uint8_t buf[MFS_BLOCK];
	uint32_t b = first + bit / MFS_BITS, i = bit % MFS_BITS;
	if (bread(fs, b, buf) == 0) {
		buf[i / 8] &= (uint8_t) ~(1u << (i % 8));
		bwrite(fs, b, buf);
	}
}

int mfs_alloc_inode(struct mfs *fs, uint32_t *ino)
{
	return take(fs, 2, fs->sb.imap_blocks, fs->sb.ninodes + 1, ino);
}

void mfs_free_inode(struct mfs *fs, uint32_t ino)
{
	if (ino >= 1 && ino <= fs->sb.ninodes)
		clear(fs, 2, ino);
}

int mfs_alloc_zone(struct mfs *fs, uint32_t *zone)
{
	uint32_t bit;
	int r = take(fs, 2u + fs->sb.imap_blocks, fs->sb.zmap_blocks,
		     fs->sb.zones - fs->sb.first_data + 1, &bit);
	if (r < 0)
		return r;
	*zone = fs->sb.first_data + bit - 1;
	uint8_t zero[MFS_BLOCK];
	memset(zero, 0, sizeof(zero));
	return bwrite(fs, *zone, zero);
}

void mfs_free_zone(struct mfs *fs, uint32_t zone)
{
	if (zone >= fs->sb.first_data && zone < fs->sb.zones)
		clear(fs, 2u + fs->sb.imap_blocks,
		      zone - fs->sb.first_data + 1);
}

static int count_clear(struct mfs *fs, uint32_t first, uint32_t blocks,
		       uint32_t limit, uint32_t *n)
{
	uint8_t buf[MFS_BLOCK];
	*n = 0;
	for (uint32_t b = 0; b < blocks; b++) {
		int r = bread(fs, first + b, buf);
		if (r < 0)
			return r;
		for (uint32_t i = 0; i < MFS_BITS; i++)
			if (b * MFS_BITS + i < limit &&
			    !(buf[i / 8] & (1u << (i % 8))))
				(*n)++;
	}
	return 0;
}

int mfs_count_free(struct mfs *fs, uint32_t *blocks, uint32_t *inodes)
{
	int r = count_clear(fs, 2, fs->sb.imap_blocks, fs->sb.ninodes + 1,
			    inodes);
	if (r == 0)
		r = count_clear(fs, 2u + fs->sb.imap_blocks, fs->sb.zmap_blocks,
				fs->sb.zones - fs->sb.first_data + 1, blocks);
	return r;
}
