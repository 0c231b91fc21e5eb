// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sockets: the table, the requests VFS sends about them, and the calls
 * INET keeps.
 *
 * VFS is INET's only client (peer.c; `clients=` adds a test program).
 * It sends the socket protocol (proto/sock.h) for what files do not
 * have, and character-device requests (proto/cdev.h, served through
 * lib/libdriver/chardriver.c's checks and news queue) for a socket's
 * read, write, ioctl, select, close and cancel; the minor is the
 * socket's number, its index in socks[].
 *
 * Every call first checks its request, then asks the socket's kind
 * (tcpsock.c, udpsock.c, rawsock.c through struct sock_proto) to do
 * it.  A kind answers with a result, or REPLY_LATER when the call must
 * wait (no data, no room, no connection yet): unless the socket is
 * non-blocking (then EWOULDBLOCK, or EINPROGRESS for a connect) the
 * call is kept in the socket -- one receive-side (recv, accept) and
 * one send-side (send, connect) at a time; a second gets EWOULDBLOCK
 * -- and VFS is told "later".  When lwIP's callbacks change a socket
 * they call sock_wake(); after each message sock_run() tries its kept
 * calls again and sends the results that are ready as CDEV_DONE news,
 * and select news for the ready operations VFS asked to hear about.
 * SO_RCVTIMEO and SO_SNDTIMEO end a kept call with EWOULDBLOCK (or the
 * bytes moved so far) at its deadline.  CDEV_CANCEL (a signal) ends it
 * at once with EINTR, or the bytes moved.
 */
#include <string.h>

#include "chardriver.h"
#include "inet.h"
#include "sys/ioctl.h"

struct sock socks[INET_SOCKS];
static struct peer_set clients;

int sock_index(const struct sock *s)
{
	return (int)(s - socks);
}

struct sock *sock_get(uint32_t n)
{
	return n < INET_SOCKS && socks[n].used ? &socks[n] : 0;
}

struct sock *sock_alloc(int type, int protocol, uint32_t uid)
{
	for (int i = 0; i < INET_SOCKS; i++) {
		struct sock *s = &socks[i];
		if (s->used)
			continue;
		memset(s, 0, sizeof(*s));
		s->used = true;
		s->type = type;
		s->protocol = protocol;
		s->uid = uid;
		s->parent = -1;
		s->sel_vfs = NONE;
		return s;
	}
	return 0;
}

void sock_free(struct sock *s)
{
	s->used = false;
}

void sock_wake(struct sock *s)
{
	s->woken = true;
}

/* ---- kept calls --------------------------------------------------- */

static void op_finish(struct sock_op *op, int r)
{
	if (r == REPLY_LATER)
		return;
	chardriver_done(op->vfs, op->id, r);
	op->type = 0;
}

static int op_try(struct sock *s, struct sock_op *op)
{
	switch (op->type) {
	case SOCK_CONNECT:
		return s->proto->connect(s, 0, op);
	case SOCK_ACCEPT:
		return s->proto->accept(s, op);
	case SOCK_SENDTO:
	case CDEV_WRITE:
		return s->proto->send(s, op);
	case SOCK_RECVFROM:
	case CDEV_READ:
		return s->proto->recv(s, op);
	default:
		return 0;
	}
}

static void select_news(struct sock *s)
{
	if (!s->sel_ops || s->sel_vfs == NONE)
		return;
	uint32_t ready = s->proto->ready(s) & s->sel_ops;
	if (!ready)
		return;
	chardriver_select_ready(s->sel_vfs, (uint32_t)sock_index(s), ready);
	s->sel_ops &= ~ready;
}

void sock_run(void)
{
	for (int round = 0; round < 4; round++) {
		bool any = false;
		for (int i = 0; i < INET_SOCKS; i++) {
			struct sock *s = &socks[i];
			if (!s->used || !s->woken)
				continue;
			s->woken = false;
			any = true;
			if (s->rd.type)
				op_finish(&s->rd, op_try(s, &s->rd));
			if (s->wr.type)
				op_finish(&s->wr, op_try(s, &s->wr));
			select_news(s);
		}
		if (!any)
			return;
	}
}

/* A kept call's deadline passed: what it moved, or EWOULDBLOCK. */
static void op_expire(struct sock_op *op, uint64_t now)
{
	if (!op->type || !op->deadline || op->deadline > now)
		return;
	op_finish(op, op->done ? (int)op->done : -EWOULDBLOCK);
}

void sock_timers(uint64_t now)
{
	for (int i = 0; i < INET_SOCKS; i++)
		if (socks[i].used) {
			op_expire(&socks[i].rd, now);
			op_expire(&socks[i].wr, now);
		}
}

uint64_t sock_next_deadline(void)
{
	uint64_t d = 0;
	for (int i = 0; i < INET_SOCKS; i++) {
		const struct sock *s = &socks[i];
		const struct sock_op *ops[2] = {&s->rd, &s->wr};
		for (int k = 0; s->used && k < 2; k++)
			if (ops[k]->type && ops[k]->deadline &&
			    (!d || ops[k]->deadline < d))
				d = ops[k]->deadline;
	}
	return d;
}

/* Try op now; keep it in *slot if it must wait and may. */
static int attempt(struct sock *s, struct sock_op *slot, struct sock_op *op,
		   uint32_t timeo)
{
	int r = op_try(s, op);
	if (r != REPLY_LATER)
		return r;
	if (op->nonblock || (op->msg_flags & MSG_DONTWAIT))
		return op->done			  ? (int)op->done
		       : op->type == SOCK_CONNECT ? -EINPROGRESS
						  : -EWOULDBLOCK;
	if (slot->type)
		return op->done ? (int)op->done : -EWOULDBLOCK;
	if (timeo)
		op->deadline = clock_ms() + timeo;
	*slot = *op;
	return REPLY_LATER;
}

/* ---- copies ---------------------------------------------------------- */

int op_copyin(const struct sock_op *op, uint32_t off, void *dst, uint32_t n)
{
	int r = sys_safecopyfrom(op->vfs, op->grant, off, dst, n);
	return r < 0 ? -EFAULT : 0;
}

int op_copyout(const struct sock_op *op, uint32_t off, const void *src,
	       uint32_t n)
{
	int r = sys_safecopyto(op->vfs, op->grant, off, src, n);
	return r < 0 ? -EFAULT : 0;
}

int op_put_addr(const struct sock_op *op, const struct sockaddr_in *a)
{
	if (op->addr_grant == GRANT_INVALID || !op->addr_len)
		return 0;
	uint32_t n = op->addr_len < sizeof(*a) ? op->addr_len : sizeof(*a);
	return sys_safecopyto(op->vfs, op->addr_grant, 0, a, n) < 0 ? -EFAULT
								    : 0;
}

int op_copyout_pbuf(struct sock_op *op, struct pbuf *p, uint32_t off,
		    uint32_t n)
{
	uint32_t moved = 0;
	for (; p && moved < n; p = p->next) {
		if (off >= p->len) {
			off -= p->len;
			continue;
		}
		uint32_t k = p->len - off;
		if (k > n - moved)
			k = n - moved;
		if (op_copyout(op, op->done + moved,
			       (uint8_t *)p->payload + off, k) < 0)
			return -EFAULT;
		moved += k;
		off = 0;
	}
	return (int)moved;
}

/* ---- the socket protocol -------------------------------------------- */

struct answer {
	int type;
	union sock_rep rep;
};

typedef int (*sock_call)(endpoint_t who, const union sock_req *q,
			 struct answer *a);

static struct sock *visible(uint32_t n)
{
	struct sock *s = sock_get(n);
	return s && s->visible ? s : 0;
}

static int do_create(endpoint_t who, const union sock_req *q, struct answer *a)
{
	(void)who, (void)a;
	const struct sock_create *c = &q->create;
	if (c->domain != AF_INET)
		return -EAFNOSUPPORT;
	int proto = c->protocol;
	if (c->type == SOCK_STREAM && proto != 0 && proto != IPPROTO_TCP)
		return -EPROTONOSUPPORT;
	if (c->type == SOCK_DGRAM && proto != 0 && proto != IPPROTO_UDP)
		return -EPROTONOSUPPORT;
	if (c->type == SOCK_RAW && proto != IPPROTO_ICMP)
		return -EPROTONOSUPPORT;
	if (c->type != SOCK_STREAM && c->type != SOCK_DGRAM &&
	    c->type != SOCK_RAW)
		return -EPROTOTYPE;
	if (c->type == SOCK_RAW && c->uid != 0)
		return -EACCES;
	struct sock *s = sock_alloc(c->type, proto, c->uid);
	if (!s)
		return -ENFILE;
	int r = c->type == SOCK_STREAM	? tcp_sock_new(s)
		: c->type == SOCK_DGRAM ? udp_sock_new(s)
					: raw_sock_new(s);
	if (r < 0) {
		sock_free(s);
		return r;
	}
	s->visible = true;
	return sock_index(s);
}

int addr_check(const struct sockaddr_in *a, uint32_t len)
{
	if (len < sizeof(*a))
		return -EINVAL;
	if (a->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	return 0;
}

static int do_bind(endpoint_t who, const union sock_req *q, struct answer *a)
{
	(void)who, (void)a;
	struct sock *s = visible(q->bind.sock);
	struct sockaddr_in sin;
	if (!s)
		return -EBADF;
	memcpy(&sin, q->bind.addr, sizeof(sin));
	int r = addr_check(&sin, q->bind.addr_len);
	return r < 0 ? r : s->proto->bind(s, &sin);
}

static struct sock_op op_of(endpoint_t who, int type, endpoint_t id,
			    uint32_t flags)
{
	struct sock_op op = {.type = type, .vfs = who, .id = id};
	op.grant = op.addr_grant = GRANT_INVALID;
	op.nonblock = flags & VO_NONBLOCK;
	return op;
}

static int do_connect(endpoint_t who, const union sock_req *q, struct answer *a)
{
	(void)a;
	const struct sock_addr_req *c = &q->connect;
	struct sock *s = visible(c->sock);
	struct sockaddr_in sin;
	if (!s)
		return -EBADF;
	memcpy(&sin, c->addr, sizeof(sin));
	int r = addr_check(&sin, c->addr_len);
	if (r < 0)
		return r;
	struct sock_op op = op_of(who, SOCK_CONNECT, c->id, c->flags);
	r = s->proto->connect(s, &sin, &op);
	if (r != REPLY_LATER)
		return r;
	return attempt(s, &s->wr, &op, 0);
}

static int do_listen(endpoint_t who, const union sock_req *q, struct answer *a)
{
	(void)who, (void)a;
	struct sock *s = visible(q->listen.sock);
	if (!s)
		return -EBADF;
	int backlog = q->listen.backlog;
	backlog = backlog < 1 ? 1 : backlog > 16 ? 16 : backlog;
	return s->proto->listen(s, backlog);
}

static int do_accept(endpoint_t who, const union sock_req *q, struct answer *a)
{
	(void)a;
	const struct sock_accept *c = &q->accept;
	struct sock *s = visible(c->sock);
	if (!s)
		return -EBADF;
	if (c->len > SOCK_ADDR_MAX)
		return -EINVAL;
	struct sock_op op = op_of(who, SOCK_ACCEPT, c->id, c->flags);
	op.addr_grant = c->grant;
	op.addr_len = c->len;
	return attempt(s, &s->rd, &op, s->rcvtimeo);
}

static int do_sendto(endpoint_t who, const union sock_req *q, struct answer *a)
{
	(void)a;
	const struct sock_sendto *c = &q->sendto;
	struct sock *s = visible(c->sock);
	if (!s)
		return -EBADF;
	struct sock_op op = op_of(who, SOCK_SENDTO, c->id, c->flags);
	op.grant = c->grant;
	op.len = c->len;
	op.msg_flags = c->msg_flags;
	if (c->addr_len) {
		memcpy(&op.to, c->addr, sizeof(op.to));
		int r = addr_check(&op.to, c->addr_len);
		if (r < 0)
			return r;
		op.has_to = true;
	}
	if (c->len == 0 && s->type == SOCK_STREAM)
		return 0;
	return attempt(s, &s->wr, &op, s->sndtimeo);
}

static int do_recvfrom(endpoint_t who, const union sock_req *q,
		       struct answer *a)
{
	(void)a;
	const struct sock_recvfrom *c = &q->recvfrom;
	struct sock *s = visible(c->sock);
	if (!s)
		return -EBADF;
	if (c->addr_len > SOCK_ADDR_MAX)
		return -EINVAL;
	struct sock_op op = op_of(who, SOCK_RECVFROM, c->id, c->flags);
	op.grant = c->grant;
	op.len = c->len;
	op.msg_flags = c->msg_flags;
	op.addr_grant = c->addr_grant;
	op.addr_len = c->addr_len;
	return attempt(s, &s->rd, &op, s->rcvtimeo);
}

static int do_shutdown(endpoint_t who, const union sock_req *q,
		       struct answer *a)
{
	(void)who, (void)a;
	struct sock *s = visible(q->shutdown.sock);
	if (!s)
		return -EBADF;
	int how = q->shutdown.how;
	if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
		return -EINVAL;
	return s->proto->shutdown(s, how);
}

static int do_setopt(endpoint_t who, const union sock_req *q, struct answer *a)
{
	(void)who, (void)a;
	const struct sock_setopt *c = &q->setopt;
	struct sock *s = visible(c->sock);
	if (!s)
		return -EBADF;
	if (c->len > SOCK_OPT_MAX)
		return -EINVAL;
	return sockopt_set(s, c->level, c->name, c->value, c->len);
}

static int do_getopt(endpoint_t who, const union sock_req *q, struct answer *a)
{
	(void)who;
	const struct sock_getopt *c = &q->getopt;
	struct sock *s = visible(c->sock);
	a->type = SOCK_OPT_REPLY;
	if (!s)
		return -EBADF;
	if (c->len > SOCK_OPT_MAX)
		return -EINVAL;
	a->rep.opt.len = c->len;
	return sockopt_get(s, c->level, c->name, a->rep.opt.value,
			   &a->rep.opt.len);
}

static int do_getname(endpoint_t who, const union sock_req *q, struct answer *a)
{
	(void)who;
	struct sock *s = visible(q->getname.sock);
	struct sockaddr_in sin;
	a->type = SOCK_NAME_REPLY;
	if (!s)
		return -EBADF;
	if (q->getname.peer > 1)
		return -EINVAL;
	memset(&sin, 0, sizeof(sin));
	int r = s->proto->name(s, (int)q->getname.peer, &sin);
	if (r < 0)
		return r;
	memcpy(a->rep.name.addr, &sin, sizeof(sin));
	a->rep.name.addr_len = sizeof(sin);
	return 0;
}

static const sock_call calls[] = {
	[SOCK_CREATE - SOCK_BASE] = do_create,
	[SOCK_BIND - SOCK_BASE] = do_bind,
	[SOCK_CONNECT - SOCK_BASE] = do_connect,
	[SOCK_LISTEN - SOCK_BASE] = do_listen,
	[SOCK_ACCEPT - SOCK_BASE] = do_accept,
	[SOCK_SENDTO - SOCK_BASE] = do_sendto,
	[SOCK_RECVFROM - SOCK_BASE] = do_recvfrom,
	[SOCK_SHUTDOWN - SOCK_BASE] = do_shutdown,
	[SOCK_SETOPT - SOCK_BASE] = do_setopt,
	[SOCK_GETOPT - SOCK_BASE] = do_getopt,
	[SOCK_GETNAME - SOCK_BASE] = do_getname,
};

static void serve_sock(const message_t *m)
{
	union sock_req q = *SOCK_REQ(m);
	struct answer a = {.type = SOCK_REPLY};
	int r = peer_check(&clients, m->m_source, m->m_type);
	if (r == 0) {
		sock_call fn = CALL_IN(calls, SOCK_BASE, m->m_type);
		r = fn ? fn(m->m_source, &q, &a) : -ENOSYS;
	}
	a.rep.reply.status = r == REPLY_LATER ? SOCK_SUSPENDED : r;
	ipc_reply(m->m_source, a.type, &a.rep, sizeof(a.rep));
}

/* ---- the character-device side: a socket's data --------------------- */

static int cdev_rw(endpoint_t caller, uint32_t minor, const struct cdev_rw *q,
		   int type)
{
	struct sock *s = visible(minor);
	if (!s)
		return -EBADF;
	struct sock_op op = op_of(caller, type, q->id, q->flags);
	op.grant = q->grant;
	op.len = q->len;
	if (type == CDEV_READ)
		return attempt(s, &s->rd, &op, s->rcvtimeo);
	return attempt(s, &s->wr, &op, s->sndtimeo);
}

static int c_read(endpoint_t caller, uint32_t minor, const struct cdev_rw *q)
{
	return cdev_rw(caller, minor, q, CDEV_READ);
}

static int c_write(endpoint_t caller, uint32_t minor, const struct cdev_rw *q)
{
	return cdev_rw(caller, minor, q, CDEV_WRITE);
}

static int c_open(endpoint_t caller, uint32_t minor, const struct cdev_open *q)
{
	(void)caller, (void)minor, (void)q;
	return -ENXIO; /* sockets are made by SOCK_CREATE */
}

static int c_close(endpoint_t caller, uint32_t minor)
{
	(void)caller;
	struct sock *s = visible(minor);
	if (!s)
		return -EBADF;
	if (s->rd.type)
		op_finish(&s->rd, -EBADF);
	if (s->wr.type)
		op_finish(&s->wr, -EBADF);
	s->proto->close(s);
	return 0;
}

static int c_cancel(endpoint_t caller, uint32_t minor, endpoint_t id)
{
	(void)caller;
	struct sock *s = visible(minor);
	if (!s)
		return -EINTR;
	struct sock_op *ops[2] = {&s->rd, &s->wr};
	for (int k = 0; k < 2; k++)
		if (ops[k]->type && ops[k]->id == id) {
			int r = ops[k]->done ? (int)ops[k]->done : -EINTR;
			ops[k]->type = 0;
			return r;
		}
	return -EINTR;
}

static int c_select(endpoint_t caller, uint32_t minor, uint32_t ops)
{
	struct sock *s = visible(minor);
	if (!s)
		return (int)(ops & (CDEV_SEL_RD | CDEV_SEL_WR));
	uint32_t want = ops & (CDEV_SEL_RD | CDEV_SEL_WR | CDEV_SEL_EX);
	uint32_t ready = s->proto->ready(s) & want;
	if (ops & CDEV_SEL_NOTIFY) {
		s->sel_vfs = caller;
		s->sel_ops |= want & ~ready;
	}
	return (int)ready;
}

static int c_ioctl(endpoint_t caller, uint32_t minor,
		   const struct cdev_ioctl *q)
{
	struct sock *s = visible(minor);
	if (!s)
		return -EBADF;
	if (q->request == FIONREAD) {
		int n = (int)s->proto->queued(s);
		if (q->len < sizeof(n))
			return -EINVAL;
		return sys_safecopyto(caller, q->grant, 0, &n, sizeof(n)) < 0
			       ? -EFAULT
			       : 0;
	}
	return ifconf_ioctl(s, q->request, caller, q->grant, q->len);
}

static const struct chardriver_ops cdev_ops = {
	.open = c_open,
	.close = c_close,
	.read = c_read,
	.write = c_write,
	.ioctl = c_ioctl,
	.cancel = c_cancel,
	.select = c_select,
};

bool sock_handle(message_t *m, int status)
{
	if (!clients.what)
		peer_init(&clients, "socket requests", "vfs");
	if (m->m_type > SOCK_BASE && m->m_type < SOCK_REPLY) {
		serve_sock(m);
		return true;
	}
	return chardriver_handle(&cdev_ops, m, status);
}
