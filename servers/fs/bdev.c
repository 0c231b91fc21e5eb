// SPDX-License-Identifier: BSD-2-Clause
/*
 * The FS server as a client of block drivers (proto/bdev.h, through
 * bdevclient.h): open a volume's minor on its driver, and move whole
 * MFS blocks through one I/O buffer, which each volume's driver may
 * reach through a grant it holds while the volume is mounted.
 *
 * A request the driver did not answer because it died is not lost:
 * the client library sends it again on the driver's next instance,
 * which recover.c waits for (the `next` callback).  The application
 * never sees the failure; the console gets one line saying how long
 * the request took to get done again (the figure `make bench` reports
 * as disk_recovery).
 */
#include <stdio.h>
#include <string.h>

#include "fs.h"

static uint8_t io_buf[MFS_BLOCK];

static endpoint_t next(struct bdev_client *c, endpoint_t old, bool wait)
{
	struct fsmount *m = c->ctx;
	return recover_wait(m->label, old, wait);
}

static void recovered(struct bdev_client *c, uint32_t us)
{
	struct fsmount *m = c->ctx;
	printf("fs: %s: request done again on the driver's new "
	       "instance, %u us after the old one died\n",
	       m->what, (unsigned)us);
	fflush(stdout);
}

static void lost(struct bdev_client *c)
{
	struct fsmount *m = c->ctx;
	printf("fs: %s: its driver did not come back\n", m->what);
}

static const struct bdev_restart restart = {next, recovered, lost};

int bdev_attach(struct fsmount *m, endpoint_t drv, uint32_t minor,
		uint32_t *nblocks)
{
	struct bdev_client *c = &m->bdev;
	bdev_client_init(c, drv, minor, io_buf, sizeof(io_buf));
	c->restart = &restart;
	c->ctx = m;
	int r = bdev_client_grant(c);
	if (r < 0)
		return r;
	uint64_t size;
	r = bdev_req_open(c);
	if (r == 0 && (r = bdev_req_size(c, &size)) < 0)
		bdev_req_close(c);
	if (r < 0) {
		bdev_client_ungrant(c);
		return r;
	}
	*nblocks = (uint32_t)(size / MFS_BLOCK);
	return 0;
}

int bdev_flush(struct fsmount *m)
{
	return bdev_req_flush(&m->bdev);
}

void bdev_detach(struct fsmount *m)
{
	bdev_req_close(&m->bdev);
	bdev_client_ungrant(&m->bdev);
}

int bdev_io(struct fsmount *m, int write, uint32_t block, void *buf)
{
	uint64_t pos = (uint64_t)block * MFS_BLOCK;
	if (write)
		memcpy(io_buf, buf, MFS_BLOCK);
	int r = write ? bdev_req_write(&m->bdev, pos, MFS_BLOCK)
		      : bdev_req_read(&m->bdev, pos, MFS_BLOCK);
	if (r != MFS_BLOCK)
		return r < 0 ? r : -EIO;
	if (!write)
		memcpy(buf, io_buf, MFS_BLOCK);
	return 0;
}
