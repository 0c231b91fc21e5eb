// SPDX-License-Identifier: BSD-2-Clause
/*
 * Block devices opened as files (`dd if=/dev/ram1`, mkfs): VFS's side
 * of proto/bdev.h.
 *
 * A block driver moves whole sectors, but a program may read or write
 * any bytes at any position.  So VFS goes through a bounce buffer of
 * its own: it reads the sectors that hold the bytes asked for, copies
 * the bytes to the program, and for a write puts the program's bytes
 * into those sectors and writes them back.  Reads stop at the end of
 * the device (0 there, like a file); a write there fails with ENOSPC.
 * The file server's cache of a mounted volume is not consulted: as on
 * other systems, write to a mounted device at your own risk.
 */
#include <string.h>

#include "proto/bdev.h"
#include "vfs.h"

#define BOUNCE 4096

static uint8_t bounce[BOUNCE];

static int request(struct filp *f, int type, uint64_t pos, uint32_t len,
		   uint64_t *size)
{
	static uint32_t id;
	endpoint_t drv = dev_driver(f->dev);
	if (drv == NONE)
		return -ENXIO;
	grant_id_t g = GRANT_INVALID;
	if (len && (g = grant_create(drv, bounce, len, GF_READ | GF_WRITE)) < 0)
		return g;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*BDEV_REQ(&m) =
		(struct bdev_request){++id, DEV_MINOR(f->dev), pos, g, len};
	int r = ipc_sendrec(drv, &m);
	if (len)
		grant_revoke(g);
	if (r < 0)
		return -EIO;
	if (m.m_type != BDEV_REPLY || BDEV_REP(&m)->id != id)
		return -EIO;
	if (size)
		*size = BDEV_REP(&m)->size;
	return BDEV_REP(&m)->status;
}

int bdev_open(struct filp *f)
{
	uint64_t size;
	int r = request(f, BDEV_OPEN, 0, 0, 0);
	if (r == 0 && (r = request(f, BDEV_SIZE, 0, 0, &size)) < 0)
		request(f, BDEV_CLOSE, 0, 0, 0);
	if (r == 0)
		f->size = size;
	return r;
}

void bdev_close(struct filp *f)
{
	request(f, BDEV_CLOSE, 0, 0, 0);
}

/* One piece: at most the bounce buffer, within the device. */
static int piece(struct vproc *p, struct filp *f, int write,
		 const struct vfs_io *q, uint32_t done)
{
	uint64_t pos = (uint64_t)f->pos;
	uint64_t start = pos & ~(uint64_t)(BDEV_SECTOR - 1);
	uint32_t skip = (uint32_t)(pos - start);
	uint32_t n = q->len - done;
	if (n > BOUNCE - skip)
		n = BOUNCE - skip;
	if (n > f->size - pos)
		n = (uint32_t)(f->size - pos);
	uint32_t span = (skip + n + BDEV_SECTOR - 1) & ~(BDEV_SECTOR - 1u);
	bool whole = write && skip == 0 && n == span;
	int r = whole ? 0 : request(f, BDEV_READ, start, span, 0);
	if (r < 0)
		return r;
	if (!write)
		return sys_safecopyto(p->ep, q->grant, done, bounce + skip, n) <
				       0
			       ? -EFAULT
			       : (int)n;
	if (sys_safecopyfrom(p->ep, q->grant, done, bounce + skip, n) < 0)
		return -EFAULT;
	r = request(f, BDEV_WRITE, start, span, 0);
	return r < 0 ? r : (int)n;
}

int bdev_rw(struct vproc *p, struct filp *f, int type, const struct vfs_io *q)
{
	uint32_t done = 0;
	int write = type == VFS_WRITE;
	while (done < q->len) {
		if ((uint64_t)f->pos >= f->size) {
			if (write && !done)
				return -ENOSPC;
			break;
		}
		int r = piece(p, f, write, q, done);
		if (r < 0)
			return done ? (int)done : r;
		done += (uint32_t)r;
		f->pos += r;
	}
	return (int)done;
}
