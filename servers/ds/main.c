// SPDX-License-Identifier: BSD-2-Clause
/*
 * DS: the data store server (protocol: include/proto/ds.h).
 *
 * A small typed key/value store with owners and publish/subscribe.  RS
 * publishes label -> endpoint for every service it starts, which makes
 * DS the naming service; services publish news ("drv.chr.tty is up")
 * and a driver may keep a small state blob for its next incarnation.
 * Keys belong to the label of their publisher (labels.c, store.c);
 * subscribers get a NOTIFY when a key matching one of their patterns
 * changes, and fetch the changes with DS_CHECK (subs.c).
 *
 * DS never waits for a client.  It answers each request at once with
 * SENDNB (a client that did not SENDREC loses its reply, nobody else
 * suffers), tells subscribers with NOTIFY, and touches client memory
 * only through grant copies, which cannot block either.  Everything a
 * request carries is checked (request.c) before anything changes.
 *
 * At start DS looks up RS by name, once (see labels.c).  Without RS
 * (a boot image that has none) no process gets a label, so nothing can
 * be published: the store stays empty and DS answers ENOENT and EPERM.
 */
#include <string.h>

#include "ds.h"

static int (*const calls[])(endpoint_t who, const union ds_req *req,
			    union ds_rep *rep) = {
	[DS_PUBLISH - DS_BASE] = do_publish,
	[DS_RETRIEVE - DS_BASE] = do_retrieve,
	[DS_DELETE - DS_BASE] = do_delete,
	[DS_SUBSCRIBE - DS_BASE] = do_subscribe,
	[DS_UNSUBSCRIBE - DS_BASE] = do_unsubscribe,
	[DS_CHECK - DS_BASE] = do_check,
	[DS_LABEL_OF - DS_BASE] = do_label_of,
};

/* The reply's size: the status, or the shape the request answers. */
static uint32_t reply_len(int type)
{
	if (type == DS_RETRIEVE)
		return sizeof(struct ds_retrieve_reply);
	if (type == DS_LABEL_OF)
		return sizeof(struct ds_len_reply);
	return sizeof(struct ds_reply);
}

int main(void)
{
	/* EPERM: a key of another owner, or a process without a label:
	 * counted and logged (lib/libsys/peer.c). */
	static struct peer_set refused;
	peer_init(&refused, "not its key, or it has no label", "");
	label_set_rs(proc_find("rs"));
	for (;;) {
		message_t m;
		int status;
		if (ipc_receive(ANY, &m, &status) != 0 || IPC_IS_NOTIFY(status))
			continue; /* DS expects no notifications */
		if (m.m_source < 0)
			continue;
		union ds_req q = *DS_REQ(&m);
		union ds_rep rep;
		memset(&rep, 0, sizeof(rep));
		int (*fn)(endpoint_t, const union ds_req *, union ds_rep *) =
			CALL_IN(calls, DS_BASE, m.m_type);
		rep.reply.status = fn ? fn(m.m_source, &q, &rep) : -ENOSYS;
		if (rep.reply.status == -EPERM)
			peer_refuse(&refused, m.m_source, m.m_type);
		ipc_reply(m.m_source, DS_REPLY, &rep, reply_len(m.m_type));
	}
}
