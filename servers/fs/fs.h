/* SPDX-License-Identifier: BSD-2-Clause */
/* The FS server's parts (see main.c for the whole). */
#pragma once

#include <stdint.h>

#include "libsys.h"
#include "mfs.h"
#include "proto/fs.h"

/* bdev.c: the block device under the file system. */
int bdev_attach(const char *driver, uint32_t minor, uint32_t *nblocks);
int bdev_io(int write, uint32_t block, void *buf); /* one MFS block */

/* cache.c: a write-back cache of file-system blocks. */
void cache_init(uint32_t nblocks, struct mfs_dev *dev);
int cache_sync(void);

/* ops.c: one handler per request. */
int fs_handle(struct mfs *fs, endpoint_t who, const struct fs_request *q,
	      int type, struct fs_reply *rep);
