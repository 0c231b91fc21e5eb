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

typedef int (*bdev_call)(const struct blockdriver_ops *ops, endpoint_t who,
			 const union bdev_req *q, union bdev_rep *rep);

static int do_open(const struct blockdriver_ops *ops, endpoint_t who,
		   const union bdev_req *q, union bdev_rep *rep)
{
	(void)who, (void)rep;
	return ops->open(q->open.minor);
}

static int do_close(const struct blockdriver_ops *ops, endpoint_t who,
		    const union bdev_req *q, union bdev_rep *rep)
{
	(void)who, (void)rep;
	return ops->close(q->close.minor);
}

static int transfer(const struct blockdriver_ops *ops, endpoint_t who,
		    const struct bdev_rw *q, bool write)
{
	if (q->pos % BDEV_SECTOR || q->len % BDEV_SECTOR)
		return -EINVAL;
	return ops->transfer(q->minor, write, q->pos, who, q->grant, q->len);
}

static int do_read(const struct blockdriver_ops *ops, endpoint_t who,
		   const union bdev_req *q, union bdev_rep *rep)
{
	(void)rep;
	return transfer(ops, who, &q->read, false);
}

static int do_write(const struct blockdriver_ops *ops, endpoint_t who,
		    const union bdev_req *q, union bdev_rep *rep)
{
	(void)rep;
	return transfer(ops, who, &q->write, true);
}

static int do_size(const struct blockdriver_ops *ops, endpoint_t who,
		   const union bdev_req *q, union bdev_rep *rep)
{
	(void)who;
	return ops->size(q->size.minor, &rep->size.size);
}

static int do_flush(const struct blockdriver_ops *ops, endpoint_t who,
		    const union bdev_req *q, union bdev_rep *rep)
{
	(void)who, (void)rep;
	return ops->flush ? ops->flush(q->flush.minor) : 0;
}

static const bdev_call calls[] = {
	[BDEV_OPEN - BDEV_BASE] = do_open, [BDEV_CLOSE - BDEV_BASE] = do_close,
	[BDEV_READ - BDEV_BASE] = do_read, [BDEV_WRITE - BDEV_BASE] = do_write,
	[BDEV_SIZE - BDEV_BASE] = do_size, [BDEV_FLUSH - BDEV_BASE] = do_flush,
};

/* The answer to m: its id (every request begins with one, so any
 * member of the union reads it), the status, and BDEV_SIZE's size. */
static void reply(const message_t *m, union bdev_rep *rep)
{
	rep->reply.id = BDEV_REQ(m)->open.id;
	ipc_reply(m->m_source, BDEV_REPLY, rep, sizeof(*rep));
}

static struct peer_set clients;

void blockdriver_handle(const struct blockdriver_ops *ops, message_t *m)
{
	union bdev_rep rep = {0};
	if (!clients.what)
		peer_init(&clients, "block requests", "fs vfs");
	int r = peer_check(&clients, m->m_source, m->m_type);
	if (r == 0) {
		bdev_call fn = CALL_IN(calls, BDEV_BASE, m->m_type);
		r = fn ? fn(ops, m->m_source, BDEV_REQ(m), &rep) : -ENOSYS;
	}
	rep.reply.status = r;
	reply(m, &rep);
}

/* Each client waits for its answer before it asks again, so a few
 * places are plenty; past them, a client is told to try again. */
#define NR_DEFERRED 8
static message_t deferred[NR_DEFERRED];
static unsigned first, count;

void blockdriver_defer(message_t *m)
{
	if (count == NR_DEFERRED) {
		union bdev_rep rep = {.reply.status = -EAGAIN};
		reply(m, &rep);
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
