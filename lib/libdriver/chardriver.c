// SPDX-License-Identifier: BSD-2-Clause
/*
 * The loop and bookkeeping every character driver shares (see
 * chardriver.h and proto/cdev.h).  Each request is answered at once with
 * CDEV_REPLY, to its sender, and each callback is told who that is.
 * Only VFS may ask (lib/libsys/peer.c; `clients=` on the driver's
 * command line adds a test program): anybody else gets EPERM, counted
 * and logged.
 *
 * News -- a kept request finished, select readiness, a terminal signal
 * -- is addressed by the driver to one client, and waits in a small
 * queue with that address.  The client is NOTIFYed when news for it is
 * queued and drains its own with CDEV_STATUS; another client's
 * CDEV_STATUS never sees it.  So the driver never blocks on a client,
 * and a parked read finishes towards the process that sent it, whoever
 * sent the latest request.  A full queue makes room by dropping the
 * oldest select news (a client's select is retried anyway); if there
 * is none the new news is dropped: a client that never collects must
 * not make the driver lose the others' finished requests.
 *
 * A read or write callback that keeps its request returns REPLY_LATER
 * (libsys.h); on the wire that is CDEV_SUSPENDED, the protocol's word
 * for it, and only this file translates.
 */
#include <string.h>

#include "chardriver.h"
#include "libsys.h"

#define NEWS_MAX 64

static struct news {
	endpoint_t to;
	int type;
	union cdev_rep rep;
} news[NEWS_MAX];
static int news_count; /* news[0 .. news_count - 1], oldest first */

static void news_remove(int i)
{
	memmove(&news[i], &news[i + 1],
		(size_t)(news_count - i - 1) * sizeof(news[0]));
	news_count--;
}

/* Room for one more, dropping the oldest select news if need be. */
static bool news_room(void)
{
	if (news_count < NEWS_MAX)
		return true;
	for (int i = 0; i < news_count; i++)
		if (news[i].type == CDEV_SEL_READY) {
			news_remove(i);
			return true;
		}
	return false;
}

static void queue(endpoint_t to, int type, const union cdev_rep *rep)
{
	if (to == NONE || !news_room())
		return;
	news[news_count++] = (struct news){to, type, *rep};
	ipc_notify(to);
}

void chardriver_done(endpoint_t to, endpoint_t id, int status)
{
	union cdev_rep r = {.done = {.status = status, .id = id}};
	queue(to, CDEV_DONE, &r);
}

void chardriver_select_ready(endpoint_t to, uint32_t minor, uint32_t ops)
{
	union cdev_rep r = {.sel_ready = {.minor = minor, .ops = ops}};
	queue(to, CDEV_SEL_READY, &r);
}

void chardriver_signal(endpoint_t to, int pgrp, int sig)
{
	union cdev_rep r = {.signal = {.pgrp = pgrp, .sig = sig}};
	if (pgrp > 0)
		queue(to, CDEV_SIGNAL, &r);
}

/* What goes back: CDEV_REPLY with the handler's status, unless the
 * handler (CDEV_STATUS) chose another type and body. */
struct answer {
	int type;
	union cdev_rep rep;
};

typedef int (*cdev_call)(const struct chardriver_ops *ops, endpoint_t who,
			 const union cdev_req *q, struct answer *a);

static int do_open(const struct chardriver_ops *ops, endpoint_t who,
		   const union cdev_req *q, struct answer *a)
{
	(void)a;
	return ops->open ? ops->open(who, q->open.minor, &q->open) : 0;
}

static int do_close(const struct chardriver_ops *ops, endpoint_t who,
		    const union cdev_req *q, struct answer *a)
{
	(void)a;
	return ops->close ? ops->close(who, q->close.minor) : 0;
}

static int do_read(const struct chardriver_ops *ops, endpoint_t who,
		   const union cdev_req *q, struct answer *a)
{
	(void)a;
	return ops->read ? ops->read(who, q->read.minor, &q->read) : -ENXIO;
}

static int do_write(const struct chardriver_ops *ops, endpoint_t who,
		    const union cdev_req *q, struct answer *a)
{
	(void)a;
	return ops->write ? ops->write(who, q->write.minor, &q->write) : -ENXIO;
}

static int do_ioctl(const struct chardriver_ops *ops, endpoint_t who,
		    const union cdev_req *q, struct answer *a)
{
	(void)a;
	return ops->ioctl ? ops->ioctl(who, q->ioctl.minor, &q->ioctl)
			  : -ENOTTY;
}

static int do_cancel(const struct chardriver_ops *ops, endpoint_t who,
		     const union cdev_req *q, struct answer *a)
{
	(void)a;
	return ops->cancel ? ops->cancel(who, q->cancel.minor, q->cancel.id)
			   : -EINTR;
}

static int do_select(const struct chardriver_ops *ops, endpoint_t who,
		     const union cdev_req *q, struct answer *a)
{
	(void)a;
	uint32_t want = q->select.ops;
	return ops->select ? ops->select(who, q->select.minor, want)
			   : (int)(want & (CDEV_SEL_RD | CDEV_SEL_WR));
}

/* CDEV_STATUS: the oldest news for `who`, or CDEV_NO_STATUS. */
static int do_status(const struct chardriver_ops *ops, endpoint_t who,
		     const union cdev_req *q, struct answer *a)
{
	(void)ops, (void)q;
	for (int i = 0; i < news_count; i++) {
		if (news[i].to != who)
			continue;
		a->type = news[i].type;
		a->rep = news[i].rep;
		news_remove(i);
		return 0;
	}
	a->type = CDEV_NO_STATUS;
	return 0;
}

static const cdev_call calls[] = {
	[CDEV_OPEN - CDEV_BASE] = do_open,
	[CDEV_CLOSE - CDEV_BASE] = do_close,
	[CDEV_READ - CDEV_BASE] = do_read,
	[CDEV_WRITE - CDEV_BASE] = do_write,
	[CDEV_IOCTL - CDEV_BASE] = do_ioctl,
	[CDEV_CANCEL - CDEV_BASE] = do_cancel,
	[CDEV_SELECT - CDEV_BASE] = do_select,
	[CDEV_STATUS - CDEV_BASE] = do_status,
};

static void answer_status(endpoint_t to, int status)
{
	struct cdev_reply rep = {
		.status = status == REPLY_LATER ? CDEV_SUSPENDED : status};
	ipc_reply(to, CDEV_REPLY, &rep, sizeof(rep));
}

bool chardriver_handle(const struct chardriver_ops *ops, message_t *m,
		       int ipc_status)
{
	if (IPC_IS_NOTIFY(ipc_status)) {
		if (ops->notify)
			ops->notify(m);
		return true;
	}
	if (m->m_type < CDEV_OPEN || m->m_type > CDEV_STATUS)
		return false;
	static struct peer_set clients;
	if (!clients.what)
		peer_init(&clients, "character requests", "vfs");
	union cdev_req q = *CDEV_REQ(m);
	endpoint_t from = m->m_source;
	struct answer a = {.type = CDEV_REPLY};
	int r = peer_check(&clients, from, m->m_type);
	if (r == 0) {
		cdev_call fn = CALL_IN(calls, CDEV_BASE, m->m_type);
		r = fn ? fn(ops, from, &q, &a) : -ENOSYS;
	}
	if (a.type == CDEV_REPLY)
		answer_status(from, r);
	else
		ipc_reply(from, a.type, &a.rep, sizeof(a.rep));
	return true;
}

void chardriver_run(const struct chardriver_ops *ops)
{
	for (;;) {
		message_t m;
		int st;
		if (sef_receive(ANY, &m, &st) != 0)
			continue;
		if (!chardriver_handle(ops, &m, st))
			answer_status(m.m_source, -ENOSYS);
	}
}
