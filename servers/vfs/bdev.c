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

#include "bdevclient.h"
#include "vfs.h"

#define BOUNCE 4096

static uint8_t bounce[BOUNCE];

/* A client for f's device, for one call: the driver is looked up each
 * time (a restarted one is simply used), and a transfer grants it the
 * bounce buffer for that transfer alone. */
static int client(struct filp *f, struct bdev_client *c, uint32_t len)
{
	endpoint_t drv = dev_driver(f->dev);
	if (drv == NONE)
		return -ENXIO;
	bdev_client_init(c, drv, DEV_MINOR(f->dev), bounce, len);
	return 0;
}

static int transfer(struct filp *f, bool write, uint64_t pos, uint32_t len)
{
	struct bdev_client c;
	int r = client(f, &c, len);
	if (r == 0)
		r = bdev_client_grant(&c);
	if (r < 0)
		return r;
	r = write ? bdev_req_write(&c, pos, len) : bdev_req_read(&c, pos, len);
	bdev_client_ungrant(&c);
	return r;
}

int bdev_open(struct filp *f)
{
	struct bdev_client c;
	uint64_t size;
	int r = client(f, &c, 0);
	if (r == 0)
		r = bdev_req_open(&c);
	if (r == 0 && (r = bdev_req_size(&c, &size)) < 0)
		bdev_req_close(&c);
	if (r == 0)
		f->size = size;
	return r;
}

void bdev_close(struct filp *f)
{
	struct bdev_client c;
	if (client(f, &c, 0) == 0)
		bdev_req_close(&c);
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
	int r = whole ? 0 : transfer(f, false, start, span);
	if (r < 0)
		return r;
	if (!write)
		return sys_safecopyto(p->ep, q->grant, done, bounce + skip, n) <
				       0
			       ? -EFAULT
			       : (int)n;
	if (sys_safecopyfrom(p->ep, q->grant, done, bounce + skip, n) < 0)
		return -EFAULT;
	r = transfer(f, true, start, span);
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
