// SPDX-License-Identifier: BSD-2-Clause
/*
 * The block cache: NR_BUFS blocks, least recently used first out,
 * shared by every mounted volume (a block is known by its volume and
 * number).  Writes stay in the cache (dirty) until the block is evicted
 * or cache_sync() runs (FS_SYNC, unmount): write-back.  libmfs sees the
 * cache as its device; the device's context is the volume.
 */
#include <string.h>

#include "fs.h"

#define NR_BUFS 256

struct buf {
	struct fsmount *m;
	uint32_t block;
	int valid, dirty;
	uint32_t used; /* LRU clock */
	uint8_t data[MFS_BLOCK];
};

static struct buf bufs[NR_BUFS];
static uint32_t clock;

static int flush(struct buf *b)
{
	if (!b->valid || !b->dirty)
		return 0;
	int r = bdev_io(b->m, 1, b->block, b->data);
	if (r == 0)
		b->dirty = 0;
	return r;
}

/* An empty buffer, or else the least recently used one. */
static struct buf *victim(void)
{
	struct buf *v = 0;
	for (int i = 0; i < NR_BUFS; i++) {
		if (!bufs[i].valid)
			return &bufs[i];
		if (!v || bufs[i].used < v->used)
			v = &bufs[i];
	}
	return v;
}

/* The buffer holding `block`, loaded if `load`; 0 on an I/O error. */
static struct buf *get(struct fsmount *m, uint32_t block, int load, int *err)
{
	for (int i = 0; i < NR_BUFS; i++) {
		if (bufs[i].valid && bufs[i].m == m && bufs[i].block == block) {
			bufs[i].used = ++clock;
			return &bufs[i];
		}
	}
	struct buf *v = victim();
	if ((*err = flush(v)) < 0)
		return 0;
	v->valid = 0;
	if (load && (*err = bdev_io(m, 0, block, v->data)) < 0)
		return 0;
	v->m = m;
	v->block = block;
	v->valid = 1;
	v->dirty = 0;
	v->used = ++clock;
	return v;
}

static int cache_read(void *ctx, uint32_t block, void *buf)
{
	int err = 0;
	struct buf *b = get(ctx, block, 1, &err);
	if (!b)
		return err;
	memcpy(buf, b->data, MFS_BLOCK);
	return 0;
}

static int cache_write(void *ctx, uint32_t block, const void *buf)
{
	int err = 0;
	struct buf *b = get(ctx, block, 0, &err);
	if (!b)
		return err;
	memcpy(b->data, buf, MFS_BLOCK);
	b->dirty = 1;
	return 0;
}

void cache_init(struct fsmount *m, uint32_t nblocks, struct mfs_dev *dev)
{
	*dev = (struct mfs_dev){cache_read, cache_write, m, nblocks};
}

int cache_sync(struct fsmount *m)
{
	int r = 0;
	for (int i = 0; i < NR_BUFS; i++) {
		if (m && bufs[i].m != m)
			continue;
		int e = flush(&bufs[i]);
		if (e < 0)
			r = e;
	}
	return r;
}

void cache_forget(struct fsmount *m)
{
	for (int i = 0; i < NR_BUFS; i++)
		if (bufs[i].m == m)
			bufs[i].valid = bufs[i].dirty = 0;
}
