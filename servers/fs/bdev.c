// SPDX-License-Identifier: BSD-2-Clause
/*
 * The FS server as a client of block drivers (proto/bdev.h): open a
 * volume's minor on its driver, and move whole MFS blocks through one
 * I/O buffer, which each volume's driver may reach through a grant.
 *
 * A request the driver did not answer because it died is not lost:
 * FS waits for the driver's next instance (recover.c), grants it the
 * buffer, opens the device on it and sends the same request again, up
 * to BDEV_TRIES times in all.  The buffer still holds a write's data,
 * so a write the old instance may or may not have done is simply done
 * again.  The application never sees the failure; the console gets one
 * line saying how long the request took to get done again (the figure
 * `make bench` reports as disk_recovery).
 */
#include <stdio.h>
#include <string.h>

#include "fs.h"
#include "proto/bdev.h"

static uint8_t io_buf[MFS_BLOCK];

#define BDEV_TRIES 4

static bool died(int r)
{
	return r == -EDEADSRCDST || r == -EDEADEPT;
}

static int send(struct fsmount *m, int type, uint64_t pos, uint32_t len,
		uint64_t *size)
{
	static uint32_t id;
	message_t msg;
	memset(&msg, 0, sizeof(msg));
	msg.m_type = type;
	struct bdev_request *q = BDEV_REQ(&msg);
	q->id = ++id;
	q->minor = m->minor;
	q->pos = pos;
	q->grant = m->grant;
	q->len = len;
	int r = ipc_sendrec(m->drv, &msg);
	if (r < 0)
		return r;
	if (msg.m_type != BDEV_REPLY || BDEV_REP(&msg)->id != id)
		return -EIO;
	if (size)
		*size = BDEV_REP(&msg)->size;
	return BDEV_REP(&msg)->status;
}

/* Move the volume to the driver's next instance, and open it there. */
static int reattach(struct fsmount *m)
{
	for (int tries = 0; tries < BDEV_TRIES; tries++) {
		endpoint_t ep = recover_wait(m->label, m->drv, !m->lost);
		if (ep == NONE)
			break;
		grant_revoke(m->grant);
		m->drv = ep;
		m->grant = grant_create(ep, io_buf, sizeof(io_buf),
					GF_READ | GF_WRITE);
		int r = m->grant < 0 ? m->grant : send(m, BDEV_OPEN, 0, 0, 0);
		if (!died(r)) {
			m->lost = r < 0;
			return r;
		}
	}
	if (!m->lost)
		printf("fs: %s: its driver did not come back\n", m->what);
	m->lost = true;
	return -EIO;
}

static int request(struct fsmount *m, int type, uint64_t pos, uint32_t len,
		   uint64_t *size)
{
	int r = m->lost ? -EDEADEPT : send(m, type, pos, len, size);
	uint64_t t0 = died(r) && !m->lost ? clock_us() : 0;
	for (int tries = 1; died(r) && tries < BDEV_TRIES; tries++) {
		if (reattach(m) < 0)
			return -EIO;
		r = send(m, type, pos, len, size);
	}
	if (t0 && !died(r)) {
		printf("fs: %s: request done again on the driver's new "
		       "instance, %u us after the old one died\n",
		       m->what, (unsigned)(clock_us() - t0));
		fflush(stdout);
	}
	return died(r) ? -EIO : r;
}

int bdev_attach(struct fsmount *m, uint32_t *nblocks)
{
	uint64_t size;
	m->grant = grant_create(m->drv, io_buf, sizeof(io_buf),
				GF_READ | GF_WRITE);
	if (m->grant < 0)
		return m->grant;
	int r = request(m, BDEV_OPEN, 0, 0, 0);
	if (r == 0 && (r = request(m, BDEV_SIZE, 0, 0, &size)) < 0)
		request(m, BDEV_CLOSE, 0, 0, 0);
	if (r < 0) {
		grant_revoke(m->grant);
		return r;
	}
	*nblocks = (uint32_t)(size / MFS_BLOCK);
	return 0;
}

int bdev_flush(struct fsmount *m)
{
	return request(m, BDEV_FLUSH, 0, 0, 0);
}

void bdev_detach(struct fsmount *m)
{
	request(m, BDEV_CLOSE, 0, 0, 0);
	grant_revoke(m->grant);
}

int bdev_io(struct fsmount *m, int write, uint32_t block, void *buf)
{
	if (write)
		memcpy(io_buf, buf, MFS_BLOCK);
	int r = request(m, write ? BDEV_WRITE : BDEV_READ,
			(uint64_t)block * MFS_BLOCK, MFS_BLOCK, 0);
	if (r != MFS_BLOCK)
		return r < 0 ? r : -EIO;
	if (!write)
		memcpy(buf, io_buf, MFS_BLOCK);
	return 0;
}
