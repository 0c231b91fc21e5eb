// SPDX-License-Identifier: BSD-2-Clause
/*
 * Making and mounting a MINIX v3 file system (layout in mfs.h).
 *
 * mfs_format sizes the bitmaps and the inode table the way mkfs.minix
 * does, marks the bits past the last inode and zone as used (so they are
 * never handed out), and writes a root directory holding "." and "..".
 */
#include "internal.h"

#define DIV_UP(a, b) (((a) + (b)-1) / (b))
#define INODES_PER_BLOCK (MFS_BLOCK / MFS_INODE_SIZE)

static int fill_bitmap(const struct mfs_dev *dev, uint32_t first,
		       uint32_t blocks, uint32_t used_bits)
{
	uint8_t buf[MFS_BLOCK];
	for (uint32_t b = 0; b < blocks; b++) {
		memset(buf, 0, sizeof(buf));
		for (uint32_t i = 0; i < MFS_BITS; i++) {
			uint32_t bit = b * MFS_BITS + i;
			if (bit == 0 || bit >= used_bits)
				buf[i / 8] |= (uint8_t)(1u << (i % 8));
		}
		if (dev->write(dev->ctx, first + b, buf) < 0)
			return -EIO;
	}
	return 0;
}

int mfs_format(const struct mfs_dev *dev, uint32_t ninodes)
{
	uint32_t n = dev->nblocks;
	if (n < 16 || n > 0xffffffffu / 2)
		return -EINVAL;
	if (!ninodes)
		ninodes = n / 3;
	ninodes = DIV_UP(ninodes, INODES_PER_BLOCK) * INODES_PER_BLOCK;
	if (ninodes > 65535 * 8) /* keeps first_data within 16 bits */
		ninodes = 65535 * 8;
	uint32_t iblocks = ninodes / INODES_PER_BLOCK;
	uint32_t imaps = DIV_UP(ninodes + 1, MFS_BITS);
	uint32_t zmaps = DIV_UP(n - (2 + imaps + iblocks), MFS_BITS + 1);
	uint32_t first = 2 + imaps + zmaps + iblocks;
	if (first + 1 >= n || first > 0xffff)
		return -EINVAL;

	struct mfs fs = {.dev = *dev};
	struct mfs_super *sb = &fs.sb;
	sb->ninodes = ninodes;
	sb->imap_blocks = (uint16_t)imaps;
	sb->zmap_blocks = (uint16_t)zmaps;
	sb->first_data = (uint16_t)first;
	sb->max_size = 0x7fffffff;
	sb->zones = n;
	sb->magic = MFS_MAGIC;
	sb->block_size = MFS_BLOCK;
	fs.inode_start = 2 + imaps + zmaps;

	uint8_t buf[MFS_BLOCK];
	memset(buf, 0, sizeof(buf));
	for (uint32_t b = 0; b < first; b++)
		if (dev->write(dev->ctx, b, buf) < 0)
			return -EIO;
	memcpy(buf, sb, sizeof(*sb));
	if (dev->write(dev->ctx, 1, buf) < 0)
		return -EIO;
	int r = fill_bitmap(dev, 2, imaps, ninodes + 1);
	if (r == 0)
		r = fill_bitmap(dev, 2 + imaps, zmaps, n - first + 1);
	if (r < 0)
		return r;

	/* The root directory: inode 1, with "." and "..". */
	uint32_t ino;
	r = mfs_alloc_inode(&fs, &ino);
	if (r < 0)
		return r;
	struct mfs_inode root = {.mode = MFS_IFDIR | 0755, .nlinks = 2};
	r = mfs_iput(&fs, ino, &root);
	if (r < 0)
		return r;
	struct mfs_dirent d[2] = {{MFS_ROOT, "."}, {MFS_ROOT, ".."}};
	r = mfs_write(&fs, MFS_ROOT, 0, d, sizeof(d));
	return r < 0 ? r : 0;
}

static const char *check(const struct mfs_super *sb, uint32_t nblocks)
{
	if (sb->magic != MFS_MAGIC)
		return "not a MINIX v3 file system (bad magic)";
	if (sb->block_size != MFS_BLOCK || sb->log_zone_size != 0)
		return "unsupported block or zone size";
	if (sb->ninodes == 0 || sb->imap_blocks == 0 || sb->zmap_blocks == 0)
		return "corrupt superblock (empty bitmaps)";
	if ((uint64_t)sb->imap_blocks * MFS_BITS < (uint64_t)sb->ninodes + 1)
		return "corrupt superblock (inode map too small)";
	uint64_t itable = DIV_UP((uint64_t)sb->ninodes, INODES_PER_BLOCK);
	if (2 + sb->imap_blocks + sb->zmap_blocks + itable > sb->first_data)
		return "corrupt superblock (first data zone)";
	if (sb->zones > nblocks || sb->first_data >= sb->zones)
		return "corrupt superblock (zone count beyond the device)";
	if ((uint64_t)sb->zmap_blocks * MFS_BITS <
	    (uint64_t)sb->zones - sb->first_data + 1)
		return "corrupt superblock (zone map too small)";
	return 0;
}

int mfs_mount(struct mfs *fs, const struct mfs_dev *dev, const char **why)
{
	uint8_t buf[MFS_BLOCK];
	const char *dummy;
	if (!why)
		why = &dummy;
	*why = "cannot read the superblock";
	memset(fs, 0, sizeof(*fs));
	fs->dev = *dev;
	if (dev->nblocks < 2 || bread(fs, 1, buf) < 0)
		return -EIO;
	memcpy(&fs->sb, buf, sizeof(fs->sb));
	*why = check(&fs->sb, dev->nblocks);
	if (*why)
		return -EINVAL;
	fs->inode_start = 2u + fs->sb.imap_blocks + fs->sb.zmap_blocks;
	struct mfs_inode root;
	int r = mfs_iget(fs, MFS_ROOT, &root);
	if (r < 0 || (root.mode & MFS_IFMT) != MFS_IFDIR) {
		*why = "corrupt file system (root is not a directory)";
		return -EINVAL;
	}
	*why = 0;
	return 0;
}
