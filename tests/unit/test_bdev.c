// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for the block-device client library (lib/libsys/bdev.c).
 * The stubs play the driver: ipc_sendrec records every request with
 * the endpoint it went to and answers as the test's `answer` function
 * says; grant_create and grant_revoke keep a table of live grants.
 *
 *   ids          every request has an id of its own; the reply echoes it
 *   wrong_id     a reply with another id (or of another type) is not
 *                taken: EIO, and the size in it is not stored
 *   no_restart   without restart handling a dead driver is EIO at once
 *   restart      the driver dies during a read: the wait callback gives
 *                the next instance, which is granted the buffer (the old
 *                grant revoked), opened, and sent the same read
 *   gives_up     a driver that dies every time: the read is sent
 *                BDEV_TRIES times, then EIO
 *   lost         no instance comes back: lost() once, EIO; a later
 *                request only looks (wait false) and re-attaches
 */
#include <string.h>

#include "bdevclient.h"
#include "libsys.h"
#include "unit.h"

#define DRV 20
#define BUF_GRANT 100 /* grant ids handed out start here */

static struct req {
	endpoint_t to;
	int type;
	union bdev_req q;
} sent[64];
static int nr_sent;
static int (*answer)(endpoint_t to, message_t *m); /* the driver */
static bool live[16];				   /* grants */
static endpoint_t grantee[16];
static int next_grant;

int ipc_sendrec(endpoint_t peer, message_t *m)
{
	if (nr_sent < 64)
		sent[nr_sent++] = (struct req){peer, m->m_type, *BDEV_REQ(m)};
	return answer(peer, m);
}

grant_id_t grant_create(endpoint_t to, const void *base, uint32_t len,
			uint32_t access)
{
	(void)base, (void)len, (void)access;
	live[next_grant] = true;
	grantee[next_grant] = to;
	return BUF_GRANT + next_grant++;
}

int grant_revoke(grant_id_t gid)
{
	if (gid < BUF_GRANT || gid >= BUF_GRANT + 16 || !live[gid - BUF_GRANT])
		return -EINVAL;
	live[gid - BUF_GRANT] = false;
	return 0;
}

uint64_t clock_us(void)
{
	static uint64_t t;
	return t += 1000;
}

/* A driver that answers every request: status 512 (size 4096). */
static int ok(endpoint_t to, message_t *m)
{
	(void)to;
	uint32_t id = BDEV_REQ(m)->open.id;
	memset(m, 0, sizeof(*m));
	m->m_type = BDEV_REPLY;
	BDEV_REP(m)->size = (struct bdev_size_reply){id, 512, 4096};
	return 0;
}

/* The instance DRV is dead; any other answers. */
static int dead_old(endpoint_t to, message_t *m)
{
	return to == DRV ? -EDEADSRCDST : ok(to, m);
}

static int always_dead(endpoint_t to, message_t *m)
{
	(void)to, (void)m;
	return -EDEADSRCDST;
}

/* Opens succeed everywhere, but every read finds the driver dead. */
static int reads_die(endpoint_t to, message_t *m)
{
	return m->m_type == BDEV_READ ? -EDEADSRCDST : ok(to, m);
}

static int wrong_id_reply(endpoint_t to, message_t *m)
{
	ok(to, m);
	BDEV_REP(m)->size.id++;
	return 0;
}

static int wrong_type_reply(endpoint_t to, message_t *m)
{
	ok(to, m);
	m->m_type = BDEV_REPLY + 1;
	return 0;
}

static endpoint_t next_ep; /* what next() hands out; 0: a fresh one */
static int nr_next, nr_recovered, nr_lost;
static bool last_wait;
static uint32_t recovered_us;

static endpoint_t next(struct bdev_client *c, endpoint_t old, bool wait)
{
	(void)c;
	nr_next++;
	last_wait = wait;
	return next_ep ? next_ep : old + 1;
}

static void recovered(struct bdev_client *c, uint32_t us)
{
	(void)c;
	nr_recovered++;
	recovered_us = us;
}

static void lost(struct bdev_client *c)
{
	(void)c;
	nr_lost++;
}

static const struct bdev_restart restart = {next, recovered, lost};
static uint8_t buf[1024];

static void reset(struct bdev_client *c, int (*drv)(endpoint_t, message_t *))
{
	nr_sent = nr_next = nr_recovered = nr_lost = 0;
	next_ep = 0;
	memset(live, 0, sizeof(live));
	next_grant = 0;
	answer = drv;
	bdev_client_init(c, DRV, 3, buf, sizeof(buf));
}

static void ids(void)
{
	struct bdev_client c;
	reset(&c, ok);
	uint64_t size = 0;
	CHECK(bdev_req_open(&c) == 512);
	CHECK(bdev_req_size(&c, &size) == 512 && size == 4096);
	CHECK(bdev_req_read(&c, 1024, 512) == 512);
	struct bdev_client d;
	bdev_client_init(&d, DRV + 1, 0, 0, 0);
	CHECK(bdev_req_flush(&d) == 512);
	CHECK(nr_sent == 4);
	for (int i = 0; i < nr_sent; i++)
		for (int j = 0; j < i; j++)
			CHECK(sent[i].q.open.id != sent[j].q.open.id);
	CHECK(sent[2].type == BDEV_READ && sent[2].q.read.minor == 3);
	CHECK(sent[2].q.read.pos == 1024 && sent[2].q.read.len == 512);
	CHECK(sent[2].q.read.grant == GRANT_INVALID); /* none granted */
	CHECK(sent[3].to == DRV + 1 && sent[3].type == BDEV_FLUSH);
}

static void wrong_id(void)
{
	struct bdev_client c;
	reset(&c, wrong_id_reply);
	uint64_t size = 7;
	CHECK(bdev_req_size(&c, &size) == -EIO);
	CHECK(size == 7);
	CHECK(bdev_req_read(&c, 0, 512) == -EIO);
	answer = wrong_type_reply;
	CHECK(bdev_req_open(&c) == -EIO);
	answer = ok;
	CHECK(bdev_req_open(&c) == 512);
}

static void no_restart(void)
{
	struct bdev_client c;
	reset(&c, always_dead);
	CHECK(bdev_req_read(&c, 0, 512) == -EIO);
	CHECK(nr_sent == 1 && nr_next == 0);
}

static void restart_read(void)
{
	struct bdev_client c;
	reset(&c, dead_old);
	c.restart = &restart;
	CHECK(bdev_client_grant(&c) == 0);
	grant_id_t old = c.grant;
	CHECK(bdev_req_read(&c, 2048, 1024) == 512);
	CHECK(nr_next == 1 && last_wait);
	CHECK(c.drv == DRV + 1 && !c.lost);
	CHECK(!live[old - BUF_GRANT]); /* the dead one's grant revoked */
	CHECK(c.grant != old && live[c.grant - BUF_GRANT]);
	CHECK(grantee[c.grant - BUF_GRANT] == DRV + 1);
	CHECK(nr_sent == 3);
	CHECK(sent[0].to == DRV && sent[0].type == BDEV_READ);
	CHECK(sent[1].to == DRV + 1 && sent[1].type == BDEV_OPEN);
	CHECK(sent[1].q.open.minor == 3);
	CHECK(sent[2].to == DRV + 1 && sent[2].type == BDEV_READ);
	CHECK(sent[2].q.read.pos == 2048 && sent[2].q.read.len == 1024);
	CHECK(sent[2].q.read.grant == c.grant);
	CHECK(sent[2].q.read.id != sent[0].q.read.id);
	CHECK(nr_recovered == 1 && recovered_us > 0 && nr_lost == 0);
	/* EDEADEPT (gone before the request) is a death too. */
	nr_sent = nr_next = 0;
	answer = dead_old;
	c.drv = DRV;
	CHECK(bdev_req_flush(&c) == 512);
	CHECK(nr_next == 1 && nr_sent == 3);
}

static void gives_up(void)
{
	struct bdev_client c;
	reset(&c, reads_die);
	c.restart = &restart;
	CHECK(bdev_req_read(&c, 0, 512) == -EIO);
	int reads = 0;
	for (int i = 0; i < nr_sent; i++)
		reads += sent[i].type == BDEV_READ;
	CHECK(reads == BDEV_TRIES);
	CHECK(nr_next == BDEV_TRIES - 1);
	CHECK(nr_recovered == 0);
	/* A driver that dies in every open too: BDEV_TRIES opens. */
	reset(&c, always_dead);
	c.restart = &restart;
	CHECK(bdev_req_read(&c, 0, 512) == -EIO);
	CHECK(nr_sent == 1 + BDEV_TRIES && nr_next == BDEV_TRIES);
	CHECK(c.lost && nr_lost == 1);
}

static void lost_driver(void)
{
	struct bdev_client c;
	reset(&c, dead_old);
	c.restart = &restart;
	next_ep = NONE;
	CHECK(bdev_req_read(&c, 0, 512) == -EIO);
	CHECK(c.lost && nr_lost == 1 && last_wait);
	CHECK(bdev_req_read(&c, 0, 512) == -EIO); /* only looks */
	CHECK(nr_lost == 1 && !last_wait && nr_sent == 1);
	next_ep = DRV + 5; /* it is back after all */
	CHECK(bdev_req_read(&c, 0, 512) == 512);
	CHECK(!c.lost && c.drv == DRV + 5 && !last_wait);
	CHECK(sent[nr_sent - 2].type == BDEV_OPEN);
	CHECK(nr_recovered == 0); /* it was lost: no recovery timed */
}

int main(void)
{
	unit_file = "bdev";
	RUN(ids);
	RUN(wrong_id);
	RUN(no_restart);
	RUN(restart_read);
	RUN(gives_up);
	RUN(lost_driver);
	return unit_done();
}
