// SPDX-License-Identifier: BSD-2-Clause
/*
 * The socket protocol's client calls (see include/sockclient.h).  Each
 * builds its request's payload struct and goes through call(), which
 * sends it and checks that the answer has the reply type the request
 * expects; INET's "answered later" (SOCK_SUSPENDED) becomes
 * REPLY_LATER here.
 */
#include <string.h>

#include "libsys.h"
#include "sockclient.h"

static int call(endpoint_t inet, int type, const void *q, uint32_t len,
		int rep_type, union sock_rep *rep)
{
	if (inet == NONE)
		return CDEV_DEAD;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	memcpy(m.m_u.b, q, len);
	if (ipc_sendrec(inet, &m) < 0 || m.m_type != rep_type)
		return CDEV_DEAD;
	if (rep)
		*rep = *SOCK_REP(&m);
	int r = SOCK_REP(&m)->reply.status;
	return r == SOCK_SUSPENDED ? REPLY_LATER : r;
}

static int simple(endpoint_t inet, int type, const void *q, uint32_t len)
{
	return call(inet, type, q, len, SOCK_REPLY, 0);
}

int sock_req_create(endpoint_t inet, endpoint_t id, int domain, int type,
		    int protocol, uint32_t uid)
{
	struct sock_create q = {id, domain, type, protocol, uid};
	return simple(inet, SOCK_CREATE, &q, sizeof(q));
}

static int addr_req(endpoint_t inet, int type, uint32_t sock, endpoint_t id,
		    uint32_t flags, const void *addr, uint32_t addr_len)
{
	struct sock_addr_req q = {sock, id, flags, addr_len, {0}};
	if (addr_len > SOCK_ADDR_MAX)
		return -EINVAL;
	memcpy(q.addr, addr, addr_len);
	return simple(inet, type, &q, sizeof(q));
}

int sock_req_bind(endpoint_t inet, uint32_t sock, const void *addr,
		  uint32_t addr_len)
{
	return addr_req(inet, SOCK_BIND, sock, NONE, 0, addr, addr_len);
}

int sock_req_connect(endpoint_t inet, uint32_t sock, endpoint_t id,
		     uint32_t flags, const void *addr, uint32_t addr_len)
{
	return addr_req(inet, SOCK_CONNECT, sock, id, flags, addr, addr_len);
}

int sock_req_listen(endpoint_t inet, uint32_t sock, int backlog)
{
	struct sock_listen q = {sock, backlog};
	return simple(inet, SOCK_LISTEN, &q, sizeof(q));
}

int sock_req_accept(endpoint_t inet, uint32_t sock, endpoint_t id,
		    uint32_t flags, grant_id_t addr_grant, uint32_t addr_len)
{
	struct sock_accept q = {sock, id, flags, addr_grant, addr_len};
	return simple(inet, SOCK_ACCEPT, &q, sizeof(q));
}

int sock_req_sendto(endpoint_t inet, uint32_t sock, endpoint_t id,
		    uint32_t flags, grant_id_t grant, uint32_t len,
		    uint32_t msg_flags, const void *addr, uint32_t addr_len)
{
	struct sock_sendto q = {sock, id,	 flags,	   grant,
				len,  msg_flags, addr_len, {0}};
	if (addr_len > SOCK_ADDR_MAX)
		return -EINVAL;
	if (addr_len)
		memcpy(q.addr, addr, addr_len);
	return simple(inet, SOCK_SENDTO, &q, sizeof(q));
}

int sock_req_recvfrom(endpoint_t inet, uint32_t sock, endpoint_t id,
		      uint32_t flags, grant_id_t grant, uint32_t len,
		      uint32_t msg_flags, grant_id_t addr_grant,
		      uint32_t addr_len)
{
	struct sock_recvfrom q = {sock, id,	   flags,      grant,
				  len,	msg_flags, addr_grant, addr_len};
	return simple(inet, SOCK_RECVFROM, &q, sizeof(q));
}

int sock_req_shutdown(endpoint_t inet, uint32_t sock, int how)
{
	struct sock_shutdown q = {sock, how};
	return simple(inet, SOCK_SHUTDOWN, &q, sizeof(q));
}

int sock_req_setopt(endpoint_t inet, uint32_t sock, int level, int name,
		    const void *value, uint32_t len)
{
	struct sock_setopt q = {sock, level, name, len, {0}};
	if (len > SOCK_OPT_MAX)
		return -EINVAL;
	if (len)
		memcpy(q.value, value, len);
	return simple(inet, SOCK_SETOPT, &q, sizeof(q));
}

int sock_req_getopt(endpoint_t inet, uint32_t sock, int level, int name,
		    void *value, uint32_t *len)
{
	struct sock_getopt q = {sock, level, name, *len};
	union sock_rep rep;
	if (*len > SOCK_OPT_MAX)
		return -EINVAL;
	int r = call(inet, SOCK_GETOPT, &q, sizeof(q), SOCK_OPT_REPLY, &rep);
	if (r < 0 || r == REPLY_LATER)
		return r == REPLY_LATER ? CDEV_DEAD : r;
	if (rep.opt.len > *len)
		return CDEV_DEAD; /* more than there was room for */
	memcpy(value, rep.opt.value, rep.opt.len);
	*len = rep.opt.len;
	return r;
}

int sock_req_getname(endpoint_t inet, uint32_t sock, int peer, void *addr,
		     uint32_t *addr_len)
{
	struct sock_getname q = {sock, peer != 0};
	union sock_rep rep;
	int r = call(inet, SOCK_GETNAME, &q, sizeof(q), SOCK_NAME_REPLY, &rep);
	if (r < 0 || r == REPLY_LATER)
		return r == REPLY_LATER ? CDEV_DEAD : r;
	if (rep.name.addr_len > SOCK_ADDR_MAX)
		return CDEV_DEAD;
	memcpy(addr, rep.name.addr, rep.name.addr_len);
	*addr_len = rep.name.addr_len;
	return r;
}
