// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sessions, queues and news of the network-driver protocol
 * (proto/ndev.h; the split from netdriver.c is in netqueue.h).
 *
 * Who.  Only "inet", or a program a `clients=` argument names
 * (lib/libsys/peer.c), may start a session with NDEV_INIT, and the
 * process that did is the session's client: every other request must
 * come from it (EPERM, counted and logged, else) and carry its session
 * number (ESTALE else; also before the first INIT).  Then the fields:
 * ids 1..NDEV_ID_MAX and not already queued, lengths as the header
 * says, known mode bits (EINVAL).  Only then does a request act.
 *
 * Queues.  A frame or a buffer stays in its queue's count from the
 * request that brings it until the collect that reports it, so the
 * driver never holds more than max_send + max_recv entries and a
 * client that never collects fills its queues (EAGAIN), not the
 * driver's memory.  The unfinished ones wait in `pending` in arrival
 * order; the driver takes them from the front only (send and recv
 * callbacks), so each kind finishes in order.  Finished ones wait in
 * `done`, in the order they finished, for NDEV_COLLECT.
 *
 * News.  Finished requests and link changes are news.  The client is
 * NOTIFYed when there is news and it has not been told since it last
 * collected everything (a reply with more = 0), so one NOTIFY covers a
 * batch however many frames it holds.  Counters are kept as deltas:
 * each collect reports what was counted since the one before and
 * starts again from 0 (a 16-bit delta stops at 0xffff).
 *
 * A new INIT forgets the old session's requests without answering
 * them (their grants may belong to a dead client), clears the news and
 * the counters, and sets the mode to DOWN.  Whatever the card itself
 * is doing (a frame on the wire, frames in its ring) is the driver's:
 * its BUSY and its "frames wait" survive the change of session.
 */
#include <string.h>

#include "libsys.h"
#include "netqueue.h"

#define KIND_SEND 0
#define KIND_RECV 1
#define NR_DONE (2 * NDEV_MAX_QUEUE)
#define RECV_TRIES 64 /* lost frames skipped in one pass, at most */

struct pending {
	struct netdriver_buf b[NDEV_MAX_QUEUE];
	uint32_t first, count; /* a ring, oldest first */
};

static struct {
	const struct netdriver_ops *ops;
	struct netdriver_info info;
	uint32_t restarts;
	struct peer_set clients; /* who may INIT */
	struct peer_set others;	 /* refusals: not the session's client */
	endpoint_t client;	 /* NONE: no session yet */
	uint32_t session, mode;
	uint32_t max[2];
	struct pending pending[2];
	uint32_t finished[2]; /* in done[], per kind */
	struct done {
		struct ndev_done d;
		int kind;
	} done[NR_DONE];
	uint32_t done_first, done_count;
	bool tx_busy;	 /* send said BUSY: wait for netdriver_tx_ready */
	bool rx_waiting; /* the driver has frames for buffers */
	bool link_news, told;
	uint32_t rx_errors, rx_drops, tx_errors;
	uint32_t bad; /* requests refused for their fields */
} nq = {.client = NONE};

void netq_setup(const struct netdriver_ops *ops,
		const struct netdriver_info *info, uint32_t restarts)
{
	nq.ops = ops;
	nq.info = *info;
	nq.info.name[NDEV_NAME_MAX - 1] = 0;
	nq.restarts = restarts;
	nq.max[KIND_SEND] = info->max_send;
	nq.max[KIND_RECV] = info->max_recv;
	for (int k = 0; k < 2; k++)
		if (nq.max[k] == 0 || nq.max[k] > NDEV_MAX_QUEUE)
			nq.max[k] = NDEV_MAX_QUEUE;
	peer_init(&nq.clients, "network-driver sessions", "inet");
	peer_init(&nq.others, "not the session's client", "");
}

/* The library's news from the driver (netdriver.h). */
void netdriver_tx_ready(void)
{
	nq.tx_busy = false;
}

void netdriver_rx_ready(void)
{
	nq.rx_waiting = true;
}

void netdriver_link_changed(void)
{
	nq.link_news = true;
}

void netdriver_count_rx_error(void)
{
	nq.rx_errors++;
}

void netdriver_count_rx_drop(void)
{
	nq.rx_drops++;
}

void netdriver_count_tx_error(void)
{
	nq.tx_errors++;
}

static struct netdriver_buf *head(int kind)
{
	struct pending *p = &nq.pending[kind];
	return p->count ? &p->b[p->first] : 0;
}

/* The head of `kind` finished with `result`: into done[]. */
static void finish(int kind, int32_t result)
{
	struct pending *p = &nq.pending[kind];
	uint32_t id = p->b[p->first].id;
	p->first = (p->first + 1) % NDEV_MAX_QUEUE;
	p->count--;
	nq.done[(nq.done_first + nq.done_count++) % NR_DONE] =
		(struct done){{(uint16_t)id, (int16_t)result}, kind};
	nq.finished[kind]++;
}

static bool queued_id(uint32_t id)
{
	for (int k = 0; k < 2; k++) {
		const struct pending *p = &nq.pending[k];
		for (uint32_t i = 0; i < p->count; i++)
			if (p->b[(p->first + i) % NDEV_MAX_QUEUE].id == id)
				return true;
	}
	for (uint32_t i = 0; i < nq.done_count; i++)
		if (nq.done[(nq.done_first + i) % NR_DONE].d.id == id)
			return true;
	return false;
}

/* Who sent it, and for which session: 0, -EPERM or -ESTALE. */
static int check_session(endpoint_t who, int type, uint32_t session)
{
	if (nq.client == NONE) {
		int r = peer_check(&nq.clients, who, type);
		return r < 0 ? r : -ESTALE;
	}
	if (who != nq.client)
		return peer_refuse(&nq.others, who, type);
	return session == nq.session ? 0 : -ESTALE;
}

static void forget_session(void)
{
	memset(nq.pending, 0, sizeof(nq.pending));
	memset(nq.finished, 0, sizeof(nq.finished));
	nq.done_first = nq.done_count = 0;
	nq.link_news = nq.told = false;
	nq.rx_errors = nq.rx_drops = nq.tx_errors = 0;
}

static int do_init(endpoint_t who, const union ndev_req *q, union ndev_rep *a)
{
	int r = peer_check(&nq.clients, who, NDEV_INIT);
	if (r < 0)
		return r;
	if (q->init.session == 0)
		return -EINVAL;
	forget_session();
	nq.client = who;
	nq.session = q->init.session;
	nq.mode = NDEV_MODE_DOWN;
	if (nq.ops->set_mode)
		nq.ops->set_mode(NDEV_MODE_DOWN);
	struct ndev_init_reply *i = &a->init;
	memcpy(i->mac, nq.info.mac, sizeof(i->mac));
	i->link = (uint8_t)(nq.ops->link ? nq.ops->link() : NDEV_LINK_UNKNOWN);
	i->mtu = NDEV_MAX_FRAME - NDEV_MIN_FRAME;
	i->max_send = (uint8_t)nq.max[KIND_SEND];
	i->max_recv = (uint8_t)nq.max[KIND_RECV];
	i->restarts = nq.restarts;
	memcpy(i->name, nq.info.name, sizeof(i->name));
	return 0;
}

static int do_conf(endpoint_t who, const union ndev_req *q, union ndev_rep *a)
{
	(void)a;
	int r = check_session(who, NDEV_CONF, q->conf.session);
	if (r < 0)
		return r;
	if (q->conf.mode & ~(uint32_t)NDEV_MODE_ALL) {
		nq.bad++;
		return -EINVAL;
	}
	r = nq.ops->set_mode ? nq.ops->set_mode(q->conf.mode) : 0;
	if (r == 0)
		nq.mode = q->conf.mode;
	return r;
}

/* NDEV_SEND and NDEV_RECV: checked, then queued. */
static int enqueue(endpoint_t who, int type, const struct ndev_buf *q)
{
	int kind = type == NDEV_SEND ? KIND_SEND : KIND_RECV;
	int r = check_session(who, type, q->session);
	if (r < 0)
		return r;
	bool len_ok = kind == KIND_SEND ? q->len >= NDEV_MIN_FRAME &&
						  q->len <= NDEV_MAX_FRAME
					: q->len >= NDEV_MAX_FRAME;
	if (q->id == 0 || q->id > NDEV_ID_MAX || !len_ok || queued_id(q->id)) {
		nq.bad++;
		return -EINVAL;
	}
	struct pending *p = &nq.pending[kind];
	if (p->count + nq.finished[kind] >= nq.max[kind])
		return -EAGAIN;
	p->b[(p->first + p->count++) % NDEV_MAX_QUEUE] = (struct netdriver_buf){
		.owner = who, .grant = q->grant, .len = q->len, .id = q->id};
	return 0;
}

static int do_send(endpoint_t who, const union ndev_req *q, union ndev_rep *a)
{
	(void)a;
	return enqueue(who, NDEV_SEND, &q->send);
}

static int do_recv(endpoint_t who, const union ndev_req *q, union ndev_rep *a)
{
	(void)a;
	return enqueue(who, NDEV_RECV, &q->recv);
}

static uint16_t delta(uint32_t *counter)
{
	uint16_t d = (uint16_t)(*counter > 0xffff ? 0xffff : *counter);
	*counter = 0;
	return d;
}

static int do_collect(endpoint_t who, const union ndev_req *q,
		      union ndev_rep *a)
{
	int r = check_session(who, NDEV_COLLECT, q->collect.session);
	if (r < 0)
		return r;
	struct ndev_collect_reply *c = &a->collect;
	while (c->count < NDEV_COLLECT_MAX && nq.done_count > 0) {
		const struct done *d = &nq.done[nq.done_first];
		nq.done_first = (nq.done_first + 1) % NR_DONE;
		nq.done_count--;
		nq.finished[d->kind]--;
		c->done[c->count++] = d->d;
	}
	c->more = nq.done_count > 0;
	c->link = (uint8_t)(nq.ops->link ? nq.ops->link() : NDEV_LINK_UNKNOWN);
	c->rx_errors = delta(&nq.rx_errors);
	c->rx_drops = delta(&nq.rx_drops);
	c->tx_errors = delta(&nq.tx_errors);
	nq.link_news = false;
	if (!c->more)
		nq.told = false;
	return 0;
}

typedef int (*ndev_call)(endpoint_t who, const union ndev_req *q,
			 union ndev_rep *a);

static const ndev_call calls[] = {
	[NDEV_INIT - NDEV_BASE] = do_init,
	[NDEV_CONF - NDEV_BASE] = do_conf,
	[NDEV_SEND - NDEV_BASE] = do_send,
	[NDEV_RECV - NDEV_BASE] = do_recv,
	[NDEV_COLLECT - NDEV_BASE] = do_collect,
};

static int reply_type(int type)
{
	if (type == NDEV_INIT)
		return NDEV_INIT_REPLY;
	return type == NDEV_COLLECT ? NDEV_COLLECT_REPLY : NDEV_REPLY;
}

void netq_request(const message_t *m)
{
	union ndev_req q = *NDEV_REQ(m);
	union ndev_rep a;
	memset(&a, 0, sizeof(a));
	ndev_call fn = CALL_IN(calls, NDEV_BASE, m->m_type);
	int r = fn ? fn(m->m_source, &q, &a) : -ENOSYS;
	int type = fn ? reply_type(m->m_type) : NDEV_REPLY;
	/* Every request begins with its session, every reply with the
	 * status and the session echoed. */
	a.reply.status = r;
	a.reply.session = q.init.session;
	uint32_t len = type == NDEV_INIT_REPLY	    ? sizeof(a.init)
		       : type == NDEV_COLLECT_REPLY ? sizeof(a.collect)
						    : sizeof(a.reply);
	ipc_reply(m->m_source, type, &a, len);
}

/* Frames to the driver from the front of the send queue until it is
 * busy: each taken frame (or refused one) is finished. */
static void push_sends(void)
{
	const struct netdriver_buf *b;
	while (!nq.tx_busy && (b = head(KIND_SEND)) != 0) {
		int r = nq.ops->send(b);
		if (r == NETDRIVER_BUSY) {
			nq.tx_busy = true;
			return;
		}
		finish(KIND_SEND, r > 0 ? -EIO : r);
	}
}

/* Buffers to the driver while it has frames.  A lost frame (a negative
 * errno) is counted and the same buffer offered again, a bounded number
 * of times; a buffer the driver could not write (-EFAULT: a bad grant)
 * finishes with that error. */
static void fill_recvs(void)
{
	const struct netdriver_buf *b;
	int tries = 0;
	while (nq.rx_waiting && (b = head(KIND_RECV)) != 0 &&
	       tries++ < RECV_TRIES) {
		int r = nq.ops->recv(b);
		if (r == 0)
			nq.rx_waiting = false;
		else if (r > 0)
			finish(KIND_RECV, (uint32_t)r <= b->len ? r : -EIO);
		else if (r == -EFAULT)
			finish(KIND_RECV, r);
		if (r < 0)
			nq.rx_drops++;
	}
}

void netq_progress(void)
{
	if (nq.client == NONE)
		return;
	if (nq.ops->send)
		push_sends();
	if (nq.ops->recv)
		fill_recvs();
	if (!nq.told && (nq.done_count > 0 || nq.link_news)) {
		nq.told = true;
		ipc_notify(nq.client);
	}
}
