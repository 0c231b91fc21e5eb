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
 */
#include <string.h>

#include "chardriver.h"
#include "libsys.h"

#define NEWS_MAX 64

static struct news {
	endpoint_t to;
	int type;
	struct cdev_reply rep;
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

static void queue(endpoint_t to, int type, const struct cdev_reply *rep)
{
	if (to == NONE || !news_room())
		return;
	news[news_count++] = (struct news){to, type, *rep};
	ipc_notify(to);
}

void chardriver_done(endpoint_t to, endpoint_t id, int status)
{
	struct cdev_reply r = {.status = status, .id = id};
	queue(to, CDEV_DONE, &r);
}

void chardriver_select_ready(endpoint_t to, uint32_t minor, uint32_t ops)
{
	struct cdev_reply r = {.minor = minor, .ops = ops};
	queue(to, CDEV_SEL_READY, &r);
}

void chardriver_signal(endpoint_t to, int pgrp, int sig)
{
	struct cdev_reply r = {.status = sig, .id = pgrp};
	if (pgrp > 0)
		queue(to, CDEV_SIGNAL, &r);
}

/* CDEV_STATUS: the oldest news for `who` into m, or CDEV_NO_STATUS. */
static int status(endpoint_t who, message_t *m)
{
	for (int i = 0; i < news_count; i++) {
		if (news[i].to != who)
			continue;
		m->m_type = news[i].type;
		*CDEV_REP(m) = news[i].rep;
		news_remove(i);
		return CDEV_REP(m)->status;
	}
	m->m_type = CDEV_NO_STATUS;
	return 0;
}

static int dispatch(const struct chardriver_ops *ops, endpoint_t who, int type,
		    const struct cdev_request *q, message_t *m)
{
	uint32_t minor = q->minor;
	switch (type) {
	case CDEV_OPEN:
		return ops->open ? ops->open(who, minor, q) : 0;
	case CDEV_CLOSE:
		return ops->close ? ops->close(who, minor) : 0;
	case CDEV_READ:
		return ops->read ? ops->read(who, minor, q) : -ENXIO;
	case CDEV_WRITE:
		return ops->write ? ops->write(who, minor, q) : -ENXIO;
	case CDEV_IOCTL:
		return ops->ioctl ? ops->ioctl(who, minor, q) : -ENOTTY;
	case CDEV_CANCEL:
		return ops->cancel ? ops->cancel(who, minor, q->id) : -EINTR;
	case CDEV_SELECT:
		return ops->select
			       ? ops->select(who, minor, q->flags)
			       : (int)(q->flags & (CDEV_SEL_RD | CDEV_SEL_WR));
	case CDEV_STATUS:
		return status(who, m);
	default:
		return -ENOSYS;
	}
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
	struct cdev_request q = *CDEV_REQ(m);
	endpoint_t from = m->m_source;
	int type = m->m_type;
	m->m_type = CDEV_REPLY;
	int r = peer_check(&clients, from, type);
	if (r == 0)
		r = dispatch(ops, from, type, &q, m);
	if (type != CDEV_STATUS || m->m_type == CDEV_NO_STATUS) {
		memset(CDEV_REP(m), 0, sizeof(struct cdev_reply));
		CDEV_REP(m)->status = r;
	}
	ipc_sendnb(from, m);
	return true;
}

void chardriver_run(const struct chardriver_ops *ops)
{
	for (;;) {
		message_t m;
		int st;
		if (sef_receive(ANY, &m, &st) != 0)
			continue;
		if (!chardriver_handle(ops, &m, st)) {
			endpoint_t from = m.m_source;
			m.m_type = CDEV_REPLY;
			CDEV_REP(&m)->status = -ENOSYS;
			ipc_sendnb(from, &m);
		}
	}
}
