// SPDX-License-Identifier: BSD-2-Clause
/*
 * Inodes: reading and writing them in the inode table, mapping a file's
 * block number to its zone (through up to three levels of index blocks,
 * allocating on demand), and freeing a file's blocks from some point on.
 */
#include "internal.h"

static int locate(struct mfs *fs, uint32_t ino, uint32_t *block, uint32_t *off)
{
	if (ino < 1 || ino > fs->sb.ninodes)
		return -EINVAL;
	uint32_t byte = (ino - 1) * MFS_INODE_SIZE;
	*block = fs->inode_start + byte / MFS_BLOCK;
	*off = byte % MFS_BLOCK;
	return 0;
}

int mfs_iget(struct mfs *fs, uint32_t ino, struct mfs_inode *in)
{
	uint8_t buf[MFS_BLOCK];
	uint32_t b, off;
	int r = locate(fs, ino, &b, &off);
	if (r == 0)
		r = bread(fs, b, buf);
	if (r == 0)
		memcpy(in, buf + off, sizeof(*in));
	return r;
}

int mfs_iput(struct mfs *fs, uint32_t ino, const struct mfs_inode *in)
{
	uint8_t buf[MFS_BLOCK];
	uint32_t b, off;
	int r = locate(fs, ino, &b, &off);
	if (r == 0)
		r = bread(fs, b, buf);
	if (r < 0)
		return r;
	memcpy(buf + off, in, sizeof(*in));
	return bwrite(fs, b, buf);
}

/* Follow (or make) slot `idx` of index block `zone`. */
static int step(struct mfs *fs, uint32_t zone, uint32_t idx, int create,
		uint32_t *out)
{
	uint32_t tab[MFS_PER_BLOCK];
	int r = bread(fs, zone, tab);
	if (r < 0)
		return r;
	if (!tab[idx] && create) {
		r = mfs_alloc_zone(fs, &tab[idx]);
		if (r == 0)
			r = bwrite(fs, zone, tab);
		if (r < 0)
			return r;
	}
	*out = tab[idx];
	return 0;
}

int mfs_bmap(struct mfs *fs, struct mfs_inode *in, uint32_t fb, int create,
	     uint32_t *zone)
{
	uint32_t *slot;
	int levels;
	if (fb < MFS_DIRECT) {
		slot = &in->zone[fb];
		levels = 0;
	} else if ((fb -= MFS_DIRECT) < MFS_PER_BLOCK) {
		slot = &in->zone[7];
		levels = 1;
	} else if ((fb -= MFS_PER_BLOCK) < MFS_PER_BLOCK * MFS_PER_BLOCK) {
		slot = &in->zone[8];
		levels = 2;
	} else {
		fb -= MFS_PER_BLOCK * MFS_PER_BLOCK;
		if (fb >= MFS_PER_BLOCK * MFS_PER_BLOCK * MFS_PER_BLOCK)
			return -EFBIG;
		slot = &in->zone[9];
		levels = 3;
	}
	if (!*slot && create) {
		int r = mfs_alloc_zone(fs, slot);
		if (r < 0)
			return r;
	}
	uint32_t z = *slot;
	for (int l = levels; l > 0 && z; l--) {
		uint32_t span = 1;
		for (int i = 1; i < l; i++)
			span *= MFS_PER_BLOCK;
		int r = step(fs, z, (fb / span) % MFS_PER_BLOCK, create, &z);
		if (r < 0)
			return r;
	}
	*zone = z;
	return 0;
}

/* Free what the subtree under *zone holds for file blocks >= first;
 * `base` is the first file block it covers, `level` its depth (0 = a
 * data block).  *zone is cleared when nothing under it is left. */
static int trim(struct mfs *fs, uint32_t *zone, int level, uint64_t base,
		uint64_t first)
{
	uint64_t span = 1;
	for (int i = 0; i < level; i++)
		span *= MFS_PER_BLOCK;
	if (!*zone || base + span <= first)
		return 0;
	if (level == 0) {
		mfs_free_zone(fs, *zone);
		*zone = 0;
		return 0;
	}
	uint32_t tab[MFS_PER_BLOCK];
	int r = bread(fs, *zone, tab);
	if (r < 0)
		return r;
	int left = 0;
	for (uint32_t i = 0; i < MFS_PER_BLOCK; i++) {
		r = trim(fs, &tab[i], level - 1,
			 base + i * (span / MFS_PER_BLOCK), first);
		if (r < 0)
			return r;
		left += tab[i] != 0;
	}
	if (!left) {
		mfs_free_zone(fs, *zone);
		*zone = 0;
		return 0;
	}
	return bwrite(fs, *zone, tab);
}

int mfs_trim(struct mfs *fs, struct mfs_inode *in, uint32_t first)
{
	static const uint64_t base[4] = {
		0, MFS_DIRECT, MFS_DIRECT + MFS_PER_BLOCK,
		MFS_DIRECT + MFS_PER_BLOCK + MFS_PER_BLOCK * MFS_PER_BLOCK};
	int r = 0;
	uint16_t type = in->mode & MFS_IFMT;
	if (type == MFS_IFCHR || type == MFS_IFBLK || type == MFS_IFIFO)
		return 0; /* zone[0] is a device number, not a block */
	for (int i = 0; i < MFS_DIRECT && r == 0; i++)
		r = trim(fs, &in->zone[i], 0, (uint64_t)i, first);
	for (int l = 1; l <= 3 && r == 0; l++)
		r = trim(fs, &in->zone[6 + l], l, base[l], first);
	return r;
}
