// SPDX-License-Identifier: BSD-2-Clause
/*
 * The FS server as a client of a block driver (proto/bdev.h): find the
 * driver by name, open the minor, and move whole MFS blocks through a
 * grant on one buffer.
 */
#include <string.h>

#include "fs.h"
#include "proto/bdev.h"

static endpoint_t drv = NONE;
static uint32_t drv_minor;
static uint8_t io_buf[MFS_BLOCK];
static grant_id_t io_grant = GRANT_INVALID;

static int request(int type, uint64_t pos, uint32_t len, uint64_t *size)
{
	static uint32_t id;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	struct bdev_request *q = BDEV_REQ(&m);
	q->id = ++id;
	q->minor = drv_minor;
	q->pos = pos;
	q->grant = io_grant;
	q->len = len;
	int r = ipc_sendrec(drv, &m);
	if (r < 0)
		return r;
	if (m.m_type != BDEV_REPLY || BDEV_REP(&m)->id != id)
		return -EIO;
	if (size)
		*size = BDEV_REP(&m)->size;
	return BDEV_REP(&m)->status;
}

int bdev_attach(const char *driver, uint32_t minor, uint32_t *nblocks)
{
	uint64_t size;
	drv = proc_find(driver);
	drv_minor = minor;
	if (drv == NONE)
		return -ENXIO;
	io_grant =
		grant_create(drv, io_buf, sizeof(io_buf), GF_READ | GF_WRITE);
	if (io_grant < 0)
		return io_grant;
	int r = request(BDEV_OPEN, 0, 0, 0);
	if (r == 0)
		r = request(BDEV_SIZE, 0, 0, &size);
	if (r < 0)
		return r;
	*nblocks = (uint32_t)(size / MFS_BLOCK);
	return 0;
}

int bdev_io(int write, uint32_t block, void *buf)
{
	if (write)
		memcpy(io_buf, buf, MFS_BLOCK);
	int r = request(write ? BDEV_WRITE : BDEV_READ,
			(uint64_t)block * MFS_BLOCK, MFS_BLOCK, 0);
	if (r != MFS_BLOCK)
		return r < 0 ? r : -EIO;
	if (!write)
		memcpy(buf, io_buf, MFS_BLOCK);
	return 0;
}
