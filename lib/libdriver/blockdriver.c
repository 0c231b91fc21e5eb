// SPDX-License-Identifier: BSD-2-Clause
/*
 * The loop every block driver runs (see blockdriver.h and proto/bdev.h).
 * It serves FS and VFS only (lib/libsys/peer.c; `clients=` on the
 * command line adds a test program), refuses anybody else's requests
 * and malformed ones (bad type, unaligned position or length) before
 * the driver sees them, and always answers: a client never waits for a
 * reply that does not come.
 * Notifications are not requests and get no answer.
 *
 * A driver serves one request at a time.  One that comes while the
 * driver waits for its device (it must listen then, for the interrupt)
 * is put aside with blockdriver_defer() and served next, in order of
 * arrival: a client such as FS, whose first BDEV_OPEN may come while
 * the driver still reads the partition tables, sees no difference.
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

static struct peer_set clients;

void blockdriver_handle(const struct blockdriver_ops *ops, message_t *m)
{
	struct bdev_reply rep = {.id = BDEV_REQ(m)->id};
	if (!clients.what)
		peer_init(&clients, "block requests", "fs vfs");
	rep.status = peer_check(&clients, m->m_source, m->m_type);
	if (rep.status == 0)
		rep.status = handle(ops, m, &rep);
	reply(m, rep);
}

/* Each client waits for its answer before it asks again, so a few
 * places are plenty; past them, a client is told to try again. */
#define NR_DEFERRED 8
static message_t deferred[NR_DEFERRED];
static unsigned first, count;

void blockdriver_defer(message_t *m)
{
	if (count == NR_DEFERRED) {
		reply(m, (struct bdev_reply){.id = BDEV_REQ(m)->id,
					     .status = -EAGAIN});
		return;
	}
	deferred[(first + count++) % NR_DEFERRED] = *m;
}

void blockdriver_run(const struct blockdriver_ops *ops)
{
	for (;;) {
		message_t m;
		int status;
		if (count > 0) {
			m = deferred[first];
			first = (first + 1) % NR_DEFERRED;
			count--;
		} else if (sef_receive(ANY, &m, &status) != 0 ||
			   IPC_IS_NOTIFY(status)) {
			continue;
		}
		blockdriver_handle(ops, &m);
	}
}
