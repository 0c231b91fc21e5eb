// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for the network-driver library's sessions, queues and news
 * (lib/libdriver/netqueue.c) and INET's client calls (lib/libsys/
 * ndev.c), joined in one process: the client's SENDREC is a stub that
 * hands the message to netq_request() as if from endpoint `caller`,
 * runs netq_progress() as the driver's loop does, and returns the reply
 * the library sent (ipc_reply -> the ipc_sendnb stub).  A fake driver
 * behind the library takes frames (or says BUSY) and fills buffers
 * from a list of waiting frame lengths.  A and B pass the peer check
 * (they are "inet"), C does not.
 *
 *   before_init    ESTALE for a client's requests before INIT; EPERM
 *                  for C's
 *   init           INIT from C: EPERM; session 0: EINVAL; A's INIT
 *                  reports the card and sets the mode DOWN
 *   wrong_session  another session's number: ESTALE, echoed
 *   not_client     B, a permitted peer, is not A's session's client:
 *                  EPERM for all but INIT
 *   invalid        bad mode bits, lengths, ids, a duplicate id: EINVAL,
 *                  nothing reaches the driver
 *   queue_limits   max_send / max_recv queued (finished but not yet
 *                  collected counts): EAGAIN, room again after collect
 *   in_order       BUSY holds the rest; after tx_ready they go in
 *                  order; buffers fill in order; results as the driver
 *                  said (EFAULT, lost frames skipped and counted)
 *   batches        20 finished: collects of 9, 9, 2 with more 1, 1, 0;
 *                  one NOTIFY for them all, another for later news
 *   new_init       INIT forgets the old session's requests: none
 *                  collected, none handed to the driver, room again
 *   counters       deltas since the previous collect, capped at 0xffff
 *   link           a link change is news: NOTIFY and the new state
 *   unknown        a type outside the protocol: ENOSYS
 *   client_checks  ndev.c turns a wrong reply type, session or count,
 *                  or a positive status, into -EIO
 */
#include <string.h>

#include "libsys.h"
#include "ndevclient.h"
#include "netqueue.h"
#include "unit.h"

#define A 21
#define B 22
#define C 23
#define DRV 30

static endpoint_t caller = A;
static message_t last_reply;
static int nr_replies, notified[64];

/* How the sendrec stub spoils the driver's answer (client_checks). */
static enum { GOOD, BAD_TYPE, BAD_SESSION, BAD_COUNT, BAD_STATUS } spoil;

int ipc_sendnb(endpoint_t dst, message_t *m)
{
	CHECK(dst == caller);
	last_reply = *m;
	nr_replies++;
	return 0;
}

int ipc_notify(endpoint_t dst)
{
	if (dst >= 0 && dst < 64)
		notified[dst]++;
	return 0;
}

int ipc_sendrec(endpoint_t peer, message_t *m)
{
	CHECK(peer == DRV);
	m->m_source = caller;
	int before = nr_replies;
	netq_request(m);
	netq_progress();
	CHECK(nr_replies == before + 1);
	*m = last_reply;
	union ndev_rep *r = NDEV_REP(m);
	if (spoil == BAD_TYPE)
		m->m_type = NDEV_REPLY + 7;
	if (spoil == BAD_SESSION)
		r->reply.session++;
	if (spoil == BAD_COUNT)
		r->collect.count = NDEV_COLLECT_MAX + 1;
	if (spoil == BAD_STATUS)
		r->reply.status = 5;
	return 0;
}

void peer_init(struct peer_set *s, const char *what, const char *names)
{
	(void)names;
	memset(s, 0, sizeof(*s));
	s->what = what;
}

int peer_check(struct peer_set *s, endpoint_t who, int type)
{
	(void)type;
	if (who == A || who == B)
		return 0;
	s->refused++;
	return -EPERM;
}

int peer_refuse(struct peer_set *s, endpoint_t who, int type)
{
	(void)who, (void)type;
	s->refused++;
	return -EPERM;
}

/* The fake driver. */
static uint32_t mode_set = 99, sends_taken, sent_id[64];
static bool send_busy;
static int send_result;
static int frames[64], nr_frames, frame_next; /* lengths, or -errno */
static uint32_t filled_id[64], nr_filled;
static uint32_t link_state = NDEV_LINK_UP;

static int f_set_mode(uint32_t mode)
{
	mode_set = mode;
	return 0;
}

static int f_send(const struct netdriver_buf *b)
{
	if (send_busy)
		return NETDRIVER_BUSY;
	CHECK(b->owner == A || b->owner == B);
	sent_id[sends_taken++ % 64] = b->id;
	return send_result;
}

static int f_recv(const struct netdriver_buf *b)
{
	if (frame_next == nr_frames)
		return 0;
	int r = frames[frame_next++];
	if (r > 0 || r == -EFAULT)
		filled_id[nr_filled++ % 64] = b->id;
	return r;
}

static uint32_t f_link(void)
{
	return link_state;
}

static const struct netdriver_ops ops = {
	.set_mode = f_set_mode, .send = f_send, .recv = f_recv, .link = f_link};

#define MAX_SEND 4
#define MAX_RECV 3
static const struct netdriver_info info = {
	.mac = {0x52, 0x54, 0, 0x12, 0x34, 0x56},
	.name = "fake card",
	.max_send = MAX_SEND,
	.max_recv = MAX_RECV};

static uint32_t session = 7;

/* A fresh library and driver; A starts session `s` unless 0. */
static void reset(uint32_t s)
{
	netq_setup(&ops, &info, 3);
	spoil = GOOD;
	caller = A;
	mode_set = 99;
	sends_taken = nr_filled = 0;
	send_busy = false;
	send_result = 0;
	nr_frames = frame_next = 0;
	link_state = NDEV_LINK_UP;
	netdriver_tx_ready();
	session = s;
	if (s) {
		struct ndev_init_reply i;
		CHECK(ndev_init(DRV, s, &i) == 0);
		struct ndev_collect_reply c; /* drain an earlier test's news */
		while (ndev_collect(DRV, s, &c) == 0 && c.more)
			;
	}
	memset(notified, 0, sizeof(notified));
	mode_set = 99;
}

static int send(uint32_t id, uint32_t len)
{
	return ndev_send(DRV, session, id, 5, len);
}

static int recv(uint32_t id)
{
	return ndev_recv(DRV, session, id, 6, NDEV_MAX_FRAME);
}

static struct ndev_collect_reply collect(void)
{
	struct ndev_collect_reply c;
	memset(&c, 0xee, sizeof(c));
	CHECK(ndev_collect(DRV, session, &c) == 0);
	return c;
}

/* A raw request (for what the client library cannot send); its reply. */
static message_t raw(endpoint_t from, int type, const union ndev_req *q)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*NDEV_REQ(&m) = *q;
	endpoint_t was = caller;
	caller = from;
	ipc_sendrec(DRV, &m);
	caller = was;
	return m;
}

/* Runs first, on a library no INIT has reached yet. */
static void before_init(void)
{
	netq_setup(&ops, &info, 0);
	struct ndev_collect_reply c;
	caller = A;
	CHECK(ndev_conf(DRV, 1, NDEV_MODE_UP) == -ESTALE);
	CHECK(ndev_send(DRV, 1, 1, 5, 60) == -ESTALE);
	CHECK(ndev_recv(DRV, 1, 2, 6, NDEV_MAX_FRAME) == -ESTALE);
	CHECK(ndev_collect(DRV, 1, &c) == -ESTALE);
	caller = C;
	CHECK(ndev_conf(DRV, 1, NDEV_MODE_UP) == -EPERM);
	CHECK(ndev_collect(DRV, 1, &c) == -EPERM);
	caller = A;
	CHECK(sends_taken == 0 && mode_set == 99);
}

static void init(void)
{
	reset(0);
	struct ndev_init_reply i;
	caller = C;
	CHECK(ndev_init(DRV, 9, &i) == -EPERM);
	caller = A;
	CHECK(ndev_init(DRV, 0, &i) == -EINVAL);
	CHECK(mode_set == 99);
	memset(&i, 0, sizeof(i));
	CHECK(ndev_init(DRV, 9, &i) == 0);
	CHECK(i.session == 9 && i.status == 0);
	CHECK(memcmp(i.mac, info.mac, 6) == 0);
	CHECK(strcmp(i.name, "fake card") == 0);
	CHECK(i.max_send == MAX_SEND && i.max_recv == MAX_RECV);
	CHECK(i.restarts == 3 && i.mtu == 1500 && i.link == NDEV_LINK_UP);
	CHECK(mode_set == NDEV_MODE_DOWN);
	CHECK(ndev_conf(DRV, 9, NDEV_MODE_UP | NDEV_MODE_BCAST) == 0);
	CHECK(mode_set == (NDEV_MODE_UP | NDEV_MODE_BCAST));
}

static void wrong_session(void)
{
	reset(7);
	struct ndev_collect_reply c;
	CHECK(ndev_conf(DRV, 8, NDEV_MODE_UP) == -ESTALE);
	CHECK(ndev_send(DRV, 6, 1, 5, 60) == -ESTALE);
	CHECK(ndev_recv(DRV, 0, 2, 6, NDEV_MAX_FRAME) == -ESTALE);
	CHECK(ndev_collect(DRV, 8, &c) == -ESTALE);
	union ndev_req q = {.conf = {.session = 8, .mode = 1}};
	message_t m = raw(A, NDEV_CONF, &q);
	CHECK(m.m_type == NDEV_REPLY);
	CHECK(NDEV_REP(&m)->reply.session == 8);
	CHECK(NDEV_REP(&m)->reply.status == -ESTALE);
	CHECK(sends_taken == 0 && mode_set == 99);
}

static void not_client(void)
{
	reset(7);
	struct ndev_collect_reply c;
	CHECK(send(1, 60) == 0);
	caller = B;
	CHECK(ndev_conf(DRV, 7, NDEV_MODE_UP) == -EPERM);
	CHECK(send(2, 60) == -EPERM);
	CHECK(recv(3) == -EPERM);
	CHECK(ndev_collect(DRV, 7, &c) == -EPERM);
	caller = C;
	CHECK(send(2, 60) == -EPERM);
	caller = A;
	CHECK(sends_taken == 1 && mode_set == 99);
	c = collect();
	CHECK(c.count == 1 && c.done[0].id == 1);
}

static void invalid(void)
{
	reset(7);
	CHECK(ndev_conf(DRV, 7, NDEV_MODE_ALL + 1) == -EINVAL);
	CHECK(ndev_conf(DRV, 7, 0x100) == -EINVAL);
	CHECK(mode_set == 99);
	CHECK(send(1, NDEV_MIN_FRAME - 1) == -EINVAL);
	CHECK(send(1, NDEV_MAX_FRAME + 1) == -EINVAL);
	CHECK(send(0, 60) == -EINVAL);
	CHECK(send(NDEV_ID_MAX + 1, 60) == -EINVAL);
	CHECK(ndev_recv(DRV, 7, 2, 6, NDEV_MAX_FRAME - 1) == -EINVAL);
	CHECK(ndev_recv(DRV, 7, 0, 6, 4096) == -EINVAL);
	CHECK(sends_taken == 0);
	/* An id already queued, of either kind, finished or not. */
	send_busy = true;
	CHECK(send(1, NDEV_MIN_FRAME) == 0);
	CHECK(send(1, NDEV_MAX_FRAME) == -EINVAL);
	CHECK(recv(1) == -EINVAL);
	CHECK(recv(2) == 0);
	CHECK(send(2, 60) == -EINVAL);
	send_busy = false;
	netdriver_tx_ready();
	CHECK(send(3, 60) == 0);
	CHECK(sends_taken == 2);
	CHECK(send(1, 60) == -EINVAL); /* finished, not collected */
	collect();
	CHECK(send(1, 60) == 0);
}

static void queue_limits(void)
{
	reset(7);
	send_busy = true;
	for (uint32_t id = 1; id <= MAX_SEND; id++)
		CHECK(send(id, 60) == 0);
	CHECK(send(10, 60) == -EAGAIN);
	for (uint32_t id = 11; id < 11 + MAX_RECV; id++)
		CHECK(recv(id) == 0);
	CHECK(recv(20) == -EAGAIN);
	/* Taken by the driver, finished, but not collected: still full. */
	send_busy = false;
	netdriver_tx_ready();
	netq_progress();
	CHECK(sends_taken == MAX_SEND);
	CHECK(send(10, 60) == -EAGAIN);
	struct ndev_collect_reply c = collect();
	CHECK(c.count == MAX_SEND && c.more == 0);
	CHECK(send(10, 60) == 0);
	CHECK(recv(20) == -EAGAIN);
	frames[0] = 60;
	nr_frames = 1;
	netdriver_rx_ready();
	netq_progress();
	CHECK(recv(20) == -EAGAIN);
	c = collect();
	CHECK(c.count == 2); /* frame 10, buffer 11 */
	CHECK(recv(20) == 0);
	CHECK(recv(21) == -EAGAIN);
}

static void in_order(void)
{
	reset(7);
	for (uint32_t id = 1; id <= 2; id++)
		CHECK(send(id, 60) == 0);
	send_busy = true;
	CHECK(send(3, 60) == 0);
	CHECK(send(4, 60) == 0);
	CHECK(sends_taken == 2);
	send_busy = false;
	netdriver_tx_ready();
	send_result = -EFAULT;
	netq_progress();
	CHECK(sends_taken == 4);
	for (uint32_t i = 0; i < 4; i++)
		CHECK(sent_id[i] == i + 1);
	/* Buffers fill in the order they came; a lost frame is skipped
	 * and counted, a bad grant finishes its buffer with EFAULT. */
	CHECK(recv(11) == 0 && recv(12) == 0 && recv(13) == 0);
	frames[0] = 100;
	frames[1] = -EMSGSIZE;
	frames[2] = -EFAULT;
	frames[3] = 200;
	nr_frames = 4;
	netdriver_rx_ready();
	netq_progress();
	CHECK(nr_filled == 3 && filled_id[0] == 11 && filled_id[1] == 12 &&
	      filled_id[2] == 13);
	struct ndev_collect_reply c = collect();
	CHECK(c.count == 7 && c.more == 0);
	static const int want[7][2] = {{1, 0},	     {2, 0},	{3, -EFAULT},
				       {4, -EFAULT}, {11, 100}, {12, -EFAULT},
				       {13, 200}};
	for (int i = 0; i < 7 && i < c.count; i++)
		CHECK(c.done[i].id == want[i][0] &&
		      c.done[i].result == want[i][1]);
	CHECK(c.rx_drops == 2 && c.rx_errors == 0 && c.tx_errors == 0);
}

static void batches(void)
{
	reset(7);
	for (uint32_t id = 1; id <= 20; id++) {
		CHECK(send(id, 60) == 0);
		if (id % MAX_SEND == 0) {
			struct ndev_collect_reply c = collect();
			CHECK(c.count == MAX_SEND);
		}
	}
	memset(notified, 0, sizeof(notified));
	/* 20 finished at once: a queue as deep as the protocol allows. */
	reset(7);
	netq_setup(&ops,
		   &(struct netdriver_info){.max_send = 20, .max_recv = 20}, 0);
	struct ndev_init_reply i;
	CHECK(ndev_init(DRV, 7, &i) == 0 && i.max_send == 20);
	memset(notified, 0, sizeof(notified));
	send_busy = true;
	for (uint32_t id = 1; id <= 20; id++)
		CHECK(send(id, 60) == 0);
	CHECK(notified[A] == 0);
	send_busy = false;
	netdriver_tx_ready();
	netq_progress();
	netq_progress();
	CHECK(notified[A] == 1);
	uint32_t next = 1;
	static const uint8_t counts[3] = {9, 9, 3}, more[3] = {1, 1, 0};
	for (int k = 0; k < 3; k++) {
		struct ndev_collect_reply c = collect();
		CHECK(c.count == counts[k] && c.more == more[k]);
		for (int j = 0; j < c.count && j < NDEV_COLLECT_MAX; j++)
			CHECK(c.done[j].id == next++ && c.done[j].result == 0);
		if (k == 0) {
			CHECK(send(21, 60) == 0); /* news while more = 1 */
			CHECK(notified[A] == 1);
		}
	}
	CHECK(next == 22);
	CHECK(notified[A] == 1);
	CHECK(send(22, 60) == 0);
	CHECK(notified[A] == 2);
	netq_progress();
	CHECK(notified[A] == 2);
}

static void new_init(void)
{
	reset(7);
	send_busy = true;
	for (uint32_t id = 1; id <= MAX_SEND; id++)
		CHECK(send(id, 60) == 0);
	for (uint32_t id = 11; id < 11 + MAX_RECV; id++)
		CHECK(recv(id) == 0);
	struct ndev_init_reply i;
	CHECK(ndev_init(DRV, 8, &i) == 0);
	session = 8;
	send_busy = false;
	netdriver_tx_ready();
	frames[0] = 60;
	nr_frames = 1;
	netdriver_rx_ready();
	netq_progress();
	CHECK(sends_taken == 0 && nr_filled == 0);
	struct ndev_collect_reply c = collect();
	CHECK(c.count == 0 && c.more == 0);
	for (uint32_t id = 1; id <= MAX_SEND; id++)
		CHECK(send(id, 60) == 0);
	CHECK(sends_taken == MAX_SEND);
	CHECK(recv(11) == 0);
	CHECK(nr_filled == 1 && filled_id[0] == 11);
	/* The old session's number is stale now. */
	CHECK(ndev_conf(DRV, 7, NDEV_MODE_UP) == -ESTALE);
}

static void counters(void)
{
	reset(7);
	for (int i = 0; i < 3; i++)
		netdriver_count_rx_error();
	netdriver_count_rx_drop();
	netdriver_count_tx_error();
	netdriver_count_tx_error();
	struct ndev_collect_reply c = collect();
	CHECK(c.rx_errors == 3 && c.rx_drops == 1 && c.tx_errors == 2);
	c = collect();
	CHECK(c.rx_errors == 0 && c.rx_drops == 0 && c.tx_errors == 0);
	netdriver_count_rx_drop();
	c = collect();
	CHECK(c.rx_errors == 0 && c.rx_drops == 1 && c.tx_errors == 0);
	for (int i = 0; i < 70000; i++)
		netdriver_count_rx_error();
	c = collect();
	CHECK(c.rx_errors == 0xffff);
	CHECK(collect().rx_errors == 0);
	/* A new session starts from 0. */
	netdriver_count_tx_error();
	struct ndev_init_reply i;
	CHECK(ndev_init(DRV, 8, &i) == 0);
	session = 8;
	CHECK(collect().tx_errors == 0);
}

static void link(void)
{
	reset(7);
	netq_progress();
	CHECK(notified[A] == 0);
	link_state = NDEV_LINK_DOWN;
	netdriver_link_changed();
	netq_progress();
	CHECK(notified[A] == 1);
	struct ndev_collect_reply c = collect();
	CHECK(c.count == 0 && c.more == 0 && c.link == NDEV_LINK_DOWN);
	netq_progress();
	CHECK(notified[A] == 1);
}

static void unknown(void)
{
	reset(7);
	union ndev_req q = {.init = {.session = 7}};
	message_t m = raw(A, NDEV_BASE + 0x40, &q);
	CHECK(m.m_type == NDEV_REPLY && NDEV_REP(&m)->reply.status == -ENOSYS);
	m = raw(A, 0x123, &q);
	CHECK(m.m_type == NDEV_REPLY && NDEV_REP(&m)->reply.status == -ENOSYS);
}

static void client_checks(void)
{
	reset(7);
	struct ndev_collect_reply c;
	struct ndev_init_reply i;
	spoil = BAD_TYPE;
	CHECK(ndev_conf(DRV, 7, NDEV_MODE_UP) == -EIO);
	spoil = BAD_SESSION;
	CHECK(ndev_conf(DRV, 7, NDEV_MODE_UP) == -EIO);
	CHECK(ndev_collect(DRV, 7, &c) == -EIO);
	spoil = BAD_COUNT;
	CHECK(ndev_collect(DRV, 7, &c) == -EIO);
	spoil = BAD_STATUS;
	CHECK(send(1, 60) == -EIO);
	spoil = BAD_TYPE;
	CHECK(ndev_init(DRV, 8, &i) == -EIO);
	spoil = GOOD;
	CHECK(ndev_conf(DRV, 8, NDEV_MODE_UP) == 0); /* that INIT happened */
}

int main(void)
{
	unit_file = "test_netdriver";
	RUN(before_init);
	RUN(init);
	RUN(wrong_session);
	RUN(not_client);
	RUN(invalid);
	RUN(queue_limits);
	RUN(in_order);
	RUN(batches);
	RUN(new_init);
	RUN(counters);
	RUN(link);
	RUN(unknown);
	RUN(client_checks);
	return unit_done();
}
