// SPDX-License-Identifier: BSD-2-Clause
/*
 * The block-device protocol's client calls (see include/bdevclient.h).
 * Every request goes through request(): send() builds the message with
 * a fresh id and takes the reply only if it answers that id; a driver
 * that died on the way is replaced by its next instance (reattach())
 * and the request sent again, if the client handles restarts.
 */
#include <string.h>

#include "bdevclient.h"
#include "libsys.h"

static uint32_t last_id; /* one counter for every client of the process */

void bdev_client_init(struct bdev_client *c, endpoint_t drv, uint32_t minor,
		      void *buf, uint32_t size)
{
	memset(c, 0, sizeof(*c));
	c->drv = drv;
	c->minor = minor;
	c->buf = buf;
	c->size = size;
	c->grant = GRANT_INVALID;
}

int bdev_client_grant(struct bdev_client *c)
{
	bdev_client_ungrant(c);
	grant_id_t g =
		grant_create(c->drv, c->buf, c->size, GF_READ | GF_WRITE);
	if (g < 0)
		return g;
	c->grant = g;
	c->granted = true;
	return 0;
}

void bdev_client_ungrant(struct bdev_client *c)
{
	if (c->granted)
		grant_revoke(c->grant);
	c->grant = GRANT_INVALID;
	c->granted = false;
}

static bool died(int r)
{
	return r == -EDEADSRCDST || r == -EDEADEPT;
}

/* One request to c->drv: the IPC's result (-EIO for a reply that is
 * not this request's), and the driver's answer in *status, *size. */
static int send(struct bdev_client *c, int type, uint64_t pos, uint32_t len,
		int *status, uint64_t *size)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	uint32_t id = ++last_id;
	if (type == BDEV_READ || type == BDEV_WRITE)
		BDEV_REQ(&m)->read =
			(struct bdev_rw){id, c->minor, pos, c->grant, len};
	else
		BDEV_REQ(&m)->open = (struct bdev_dev){id, c->minor};
	int r = ipc_sendrec(c->drv, &m);
	if (r < 0)
		return r;
	if (m.m_type != BDEV_REPLY || BDEV_REP(&m)->reply.id != id)
		return -EIO;
	*status = BDEV_REP(&m)->reply.status;
	if (size)
		*size = BDEV_REP(&m)->size.size;
	return 0;
}

/* Move the client to the driver's next instance, and open it there:
 * the open's status, or -EIO if the driver did not come back. */
static int reattach(struct bdev_client *c)
{
	for (int tries = 0; tries < BDEV_TRIES; tries++) {
		endpoint_t ep = c->restart->next(c, c->drv, !c->lost);
		if (ep == NONE)
			break;
		c->drv = ep;
		int status = 0;
		int r = c->granted ? bdev_client_grant(c) : 0;
		if (r == 0 && (r = send(c, BDEV_OPEN, 0, 0, &status, 0)) == 0)
			r = status;
		if (!died(r)) {
			c->lost = r < 0;
			return r;
		}
	}
	if (!c->lost && c->restart->lost)
		c->restart->lost(c);
	c->lost = true;
	return -EIO;
}

static int request(struct bdev_client *c, int type, uint64_t pos, uint32_t len,
		   uint64_t *size)
{
	int status = 0;
	int r = c->lost ? -EDEADEPT : send(c, type, pos, len, &status, size);
	bool retry = c->restart && died(r);
	uint64_t t0 = retry && !c->lost ? clock_us() : 0;
	for (int tries = 1; retry && died(r) && tries < BDEV_TRIES; tries++) {
		if (reattach(c) < 0)
			return -EIO;
		r = send(c, type, pos, len, &status, size);
	}
	if (t0 && !died(r) && c->restart->recovered)
		c->restart->recovered(c, (uint32_t)(clock_us() - t0));
	return r < 0 ? -EIO : status;
}

int bdev_req_open(struct bdev_client *c)
{
	return request(c, BDEV_OPEN, 0, 0, 0);
}

int bdev_req_close(struct bdev_client *c)
{
	return request(c, BDEV_CLOSE, 0, 0, 0);
}

int bdev_req_read(struct bdev_client *c, uint64_t pos, uint32_t len)
{
	return request(c, BDEV_READ, pos, len, 0);
}

int bdev_req_write(struct bdev_client *c, uint64_t pos, uint32_t len)
{
	return request(c, BDEV_WRITE, pos, len, 0);
}

int bdev_req_size(struct bdev_client *c, uint64_t *bytes)
{
	return request(c, BDEV_SIZE, 0, 0, bytes);
}

int bdev_req_flush(struct bdev_client *c)
{
	return request(c, BDEV_FLUSH, 0, 0, 0);
}
