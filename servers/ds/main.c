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

static int handle(endpoint_t who, int type, const struct ds_request *q,
		  struct ds_reply *rep)
{
	switch (type) {
	case DS_PUBLISH:
		return do_publish(who, q);
	case DS_RETRIEVE:
		return do_retrieve(who, q, rep);
	case DS_DELETE:
		return do_delete(who, q);
	case DS_SUBSCRIBE:
		return do_subscribe(who, q);
	case DS_UNSUBSCRIBE:
		return do_unsubscribe(who, q);
	case DS_CHECK:
		return do_check(who, q);
	case DS_LABEL_OF:
		return do_label_of(who, q, rep);
	default:
		return -ENOSYS;
	}
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
		struct ds_request q = *DS_REQ(&m);
		struct ds_reply rep;
		memset(&rep, 0, sizeof(rep));
		rep.ep = NONE;
		rep.status = handle(m.m_source, m.m_type, &q, &rep);
		if (rep.status == -EPERM)
			peer_refuse(&refused, m.m_source, m.m_type);
		memset(&m.m_u, 0, sizeof(m.m_u));
		m.m_type = DS_REPLY;
		*DS_REP(&m) = rep;
		ipc_sendnb(m.m_source, &m);
	}
}
