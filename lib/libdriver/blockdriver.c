// SPDX-License-Identifier: BSD-2-Clause
/*
 * The loop every block driver runs (see blockdriver.h and proto/bdev.h).
 * It takes requests from anyone, refuses malformed ones (bad type,
 * unaligned position or length) before the driver sees them, and always
 * answers: a client never waits for a reply that does not come.
 * Notifications are not requests and get no answer.
 */
#include "blockdriver.h"

#include "libsys.h"
#include "proto/bdev.h"

static int handle(const struct blockdriver_ops *ops, message_t *m,
		  struct bdev_reply *rep)
{
	struct bdev_request *q = BDEV_REQ(m);
	switch (m->m_type) {
	case BDEV_OPEN:
		return ops->open(q->minor);
	case BDEV_CLOSE:
		return ops->close(q->minor);
	case BDEV_READ:
	case BDEV_WRITE:
		if (q->pos % BDEV_SECTOR || q->len % BDEV_SECTOR)
			return -EINVAL;
		return ops->transfer(q->minor, m->m_type == BDEV_WRITE, q->pos,
				     m->m_source, q->grant, q->len);
	case BDEV_SIZE:
		return ops->size(q->minor, &rep->size);
	case BDEV_FLUSH:
		return ops->flush ? ops->flush(q->minor) : 0;
	default:
		return -ENOSYS;
	}
}

static void reply(message_t *m, struct bdev_reply rep)
{
	endpoint_t client = m->m_source;
	m->m_type = BDEV_REPLY;
	*BDEV_REP(m) = rep;
	ipc_sendnb(client, m); /* a client gone or not waiting: drop */
}

void blockdriver_handle(const struct blockdriver_ops *ops, message_t *m)
{
	struct bdev_reply rep = {.id = BDEV_REQ(m)->id};
	rep.status = handle(ops, m, &rep);
	reply(m, rep);
}

void blockdriver_reply(message_t *m, int status)
{
	reply(m, (struct bdev_reply){.id = BDEV_REQ(m)->id, .status = status});
}

void blockdriver_run(const struct blockdriver_ops *ops)
{
	for (;;) {
		message_t m;
		int status;
		if (sef_receive(ANY, &m, &status) != 0 || IPC_IS_NOTIFY(status))
			continue;
		blockdriver_handle(ops, &m);
	}
}
