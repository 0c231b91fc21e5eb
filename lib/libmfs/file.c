// SPDX-License-Identifier: BSD-2-Clause
/*
 * File contents: read (holes read as zeros), write (allocating blocks
 * as needed, growing the size), truncate (freeing blocks past the new
 * end and zeroing the tail of the last one).  A write that runs out of
 * space stops there: it returns what it wrote, or -ENOSPC if nothing.
 */
#include "internal.h"

int mfs_read(struct mfs *fs, uint32_t ino, uint32_t off, void *buf,
	     uint32_t len)
{
	struct mfs_inode in;
	uint8_t blk[MFS_BLOCK];
	int r = mfs_iget(fs, ino, &in);
	if (r < 0)
		return r;
	if (off >= in.size)
		return 0;
	if (len > in.size - off)
		len = in.size - off;
	if (len > 0x7fffffff)
		len = 0x7fffffff;
	uint32_t done = 0;
	while (done < len) {
		uint32_t pos = off + done, z;
		uint32_t n = MFS_BLOCK - pos % MFS_BLOCK;
		if (n > len - done)
			n = len - done;
		r = mfs_bmap(fs, &in, pos / MFS_BLOCK, 0, &z);
		if (r < 0)
			return r;
		if (z == 0)
			memset(blk, 0, sizeof(blk));
		else if ((r = bread(fs, z, blk)) < 0)
			return r;
		memcpy((uint8_t *)buf + done, blk + pos % MFS_BLOCK, n);
		done += n;
	}
	return (int)done;
}

int mfs_write(struct mfs *fs, uint32_t ino, uint32_t off, const void *buf,
	      uint32_t len)
{
	struct mfs_inode in;
	uint8_t blk[MFS_BLOCK];
	int r = mfs_iget(fs, ino, &in);
	if (r < 0)
		return r;
	if ((uint64_t)off + len > fs->sb.max_size)
		return -EFBIG;
	uint32_t done = 0;
	while (done < len) {
		uint32_t pos = off + done, z;
		uint32_t n = MFS_BLOCK - pos % MFS_BLOCK;
		if (n > len - done)
			n = len - done;
		r = mfs_bmap(fs, &in, pos / MFS_BLOCK, 1, &z);
		if (r < 0)
			break;
		if (n < MFS_BLOCK && (r = bread(fs, z, blk)) < 0)
			break;
		memcpy(blk + pos % MFS_BLOCK, (const uint8_t *)buf + done, n);
		if ((r = bwrite(fs, z, blk)) < 0)
			break;
		done += n;
	}
	if (off + done > in.size)
		in.size = off + done;
	if (done)
		in.mtime = in.ctime = mfs_now(fs);
	int w = mfs_iput(fs, ino, &in); /* blocks may be allocated anyway */
	if (w < 0)
		return w;
	return done || len == 0 ? (int)done : r;
}

int mfs_truncate(struct mfs *fs, uint32_t ino, uint32_t size)
{
	struct mfs_inode in;
	uint8_t blk[MFS_BLOCK];
	int r = mfs_iget(fs, ino, &in);
	if (r < 0)
		return r;
	if (size > fs->sb.max_size)
		return -EFBIG;
	if (size < in.size) {
		r = mfs_trim(fs, &in, (size + MFS_BLOCK - 1) / MFS_BLOCK);
		uint32_t z;
		if (r == 0 && size % MFS_BLOCK &&
		    mfs_bmap(fs, &in, size / MFS_BLOCK, 0, &z) == 0 && z &&
		    bread(fs, z, blk) == 0) {
			memset(blk + size % MFS_BLOCK, 0,
			       MFS_BLOCK - size % MFS_BLOCK);
			r = bwrite(fs, z, blk);
		}
		if (r < 0)
			return r;
	}
	in.size = size;
	in.mtime = in.ctime = mfs_now(fs);
	return mfs_iput(fs, ino, &in);
}
