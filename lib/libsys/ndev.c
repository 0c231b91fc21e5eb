// SPDX-License-Identifier: BSD-2-Clause
/*
 * INET's calls to a network driver (see include/ndevclient.h).  Each
 * builds its request's payload struct and goes through call(), which
 * sends it, and accepts the answer only if it is the reply type that
 * request gets, echoes the session, and carries 0 or a negative errno:
 * anything else from the driver is -EIO.  The init and collect replies
 * are checked field by field before the caller sees them.
 */
#include <string.h>

#include "libsys.h"
#include "ndevclient.h"

static int call(endpoint_t drv, int type, int reply_type,
		const union ndev_req *q, union ndev_rep *rep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*NDEV_REQ(&m) = *q;
	int r = ipc_sendrec(drv, &m);
	if (r < 0)
		return r;
	*rep = *NDEV_REP(&m);
	if (m.m_type != reply_type || rep->reply.session != q->init.session ||
	    rep->reply.status > 0)
		return -EIO;
	return rep->reply.status;
}

int ndev_init(endpoint_t drv, uint32_t session, struct ndev_init_reply *out)
{
	union ndev_req q = {.init = {.session = session}};
	union ndev_rep rep;
	int r = call(drv, NDEV_INIT, NDEV_INIT_REPLY, &q, &rep);
	if (r < 0)
		return r;
	const struct ndev_init_reply *i = &rep.init;
	if (i->link > NDEV_LINK_DOWN || i->max_send == 0 ||
	    i->max_send > NDEV_MAX_QUEUE || i->max_recv == 0 ||
	    i->max_recv > NDEV_MAX_QUEUE)
		return -EIO;
	*out = *i;
	out->name[NDEV_NAME_MAX - 1] = 0;
	return 0;
}

int ndev_conf(endpoint_t drv, uint32_t session, uint32_t mode)
{
	union ndev_req q = {.conf = {.session = session, .mode = mode}};
	union ndev_rep rep;
	return call(drv, NDEV_CONF, NDEV_REPLY, &q, &rep);
}

static int buf_request(endpoint_t drv, int type, uint32_t session, uint32_t id,
		       grant_id_t grant, uint32_t len)
{
	union ndev_req q = {.send = {session, id, grant, len}};
	union ndev_rep rep;
	return call(drv, type, NDEV_REPLY, &q, &rep);
}

int ndev_send(endpoint_t drv, uint32_t session, uint32_t id, grant_id_t grant,
	      uint32_t len)
{
	return buf_request(drv, NDEV_SEND, session, id, grant, len);
}

int ndev_recv(endpoint_t drv, uint32_t session, uint32_t id, grant_id_t grant,
	      uint32_t size)
{
	return buf_request(drv, NDEV_RECV, session, id, grant, size);
}

int ndev_collect(endpoint_t drv, uint32_t session,
		 struct ndev_collect_reply *out)
{
	union ndev_req q = {.collect = {.session = session}};
	union ndev_rep rep;
	int r = call(drv, NDEV_COLLECT, NDEV_COLLECT_REPLY, &q, &rep);
	if (r < 0)
		return r;
	const struct ndev_collect_reply *c = &rep.collect;
	if (c->count > NDEV_COLLECT_MAX || c->more > 1 ||
	    c->link > NDEV_LINK_DOWN)
		return -EIO;
	*out = *c;
	return 0;
}
