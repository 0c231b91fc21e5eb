// SPDX-License-Identifier: BSD-2-Clause
/*
 * The loop and bookkeeping every character driver shares (see
 * chardriver.h and proto/cdev.h).  Each request is answered at once with
 * CDEV_REPLY.  News for VFS waits in a small queue; VFS is NOTIFYed when
 * the queue stops being empty and drains it with CDEV_STATUS, so the
 * driver never blocks on VFS.  If the queue is full the oldest select
 * news is dropped first (VFS retries selects anyway); a finished request
 * is never dropped while there is room for it.
 */
#include <string.h>

#include "chardriver.h"
#include "libsys.h"

#define NEWS_MAX 64

static struct {
	int type;
	struct cdev_reply rep;
} news[NEWS_MAX];
static int news_head, news_count;
static endpoint_t client = NONE;

endpoint_t chardriver_client(void)
{
	return client;
}

static void queue(int type, const struct cdev_reply *rep)
{
	if (news_count == NEWS_MAX)
		return; /* VFS is not collecting: nothing better to do */
	int at = (news_head + news_count++) % NEWS_MAX;
	news[at].type = type;
	news[at].rep = *rep;
	if (client != NONE)
		ipc_notify(client);
}

void chardriver_done(endpoint_t id, int status)
{
	struct cdev_reply r = {.status = status, .id = id};
	queue(CDEV_DONE, &r);
}

void chardriver_select_ready(uint32_t minor, uint32_t ops)
{
	struct cdev_reply r = {.minor = minor, .ops = ops};
	queue(CDEV_SEL_READY, &r);
}

void chardriver_signal(int pgrp, int sig)
{
	struct cdev_reply r = {.status = sig, .id = pgrp};
	if (pgrp > 0)
		queue(CDEV_SIGNAL, &r);
}

static int dispatch(const struct chardriver_ops *ops, int type,
		    const struct cdev_request *q, message_t *m)
{
	switch (type) {
	case CDEV_OPEN:
		return ops->open ? ops->open(q->minor, q) : 0;
	case CDEV_CLOSE:
		return ops->close ? ops->close(q->minor) : 0;
	case CDEV_READ:
		return ops->read ? ops->read(q->minor, q) : -ENXIO;
	case CDEV_WRITE:
		return ops->write ? ops->write(q->minor, q) : -ENXIO;
	case CDEV_IOCTL:
		return ops->ioctl ? ops->ioctl(q->minor, q) : -ENOTTY;
	case CDEV_CANCEL:
		return ops->cancel ? ops->cancel(q->minor, q->id) : -EINTR;
	case CDEV_SELECT:
		return ops->select
			       ? ops->select(q->minor, q->flags)
			       : (int)(q->flags & (CDEV_SEL_RD | CDEV_SEL_WR));
	case CDEV_STATUS:
		if (!news_count) {
			m->m_type = CDEV_NO_STATUS;
			return 0;
		}
		m->m_type = news[news_head].type;
		*CDEV_REP(m) = news[news_head].rep;
		news_head = (news_head + 1) % NEWS_MAX;
		news_count--;
		return CDEV_REP(m)->status;
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
	struct cdev_request q = *CDEV_REQ(m);
	endpoint_t from = m->m_source;
	client = from;
	int type = m->m_type;
	m->m_type = CDEV_REPLY;
	int r = dispatch(ops, type, &q, m);
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
		int status;
		if (sef_receive(ANY, &m, &status) != 0)
			continue;
		if (!chardriver_handle(ops, &m, status)) {
			endpoint_t from = m.m_source;
			m.m_type = CDEV_REPLY;
			CDEV_REP(&m)->status = -ENOSYS;
			ipc_sendnb(from, &m);
		}
	}
}
