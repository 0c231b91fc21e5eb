// SPDX-License-Identifier: BSD-2-Clause
/*
 * TCP sockets (SOCK_STREAM) on lwIP's raw TCP API.
 *
 * A socket owns one tcp_pcb; lwIP calls back (with the socket as its
 * argument) when data or a FIN arrives (recv), sent data is acked
 * (sent), a connect completes (connected), a connection waits on a
 * listener (accept) or the pcb is gone (err: lwIP has freed it).  Each
 * callback records what happened and sock_wake()s the socket; the
 * calls themselves (send, recv, accept, connect) run from sock.c and
 * answer REPLY_LATER until they can finish.
 *
 * Received data waits in rcvq and the window opens (tcp_recved) only
 * as the program reads, so a slow reader slows the sender instead of
 * filling INET.  A connection a listener accepts becomes a socket at
 * once (not yet visible to VFS) and waits in the listener's queue;
 * lwIP's backlog counts it until accept() takes it, so a full queue
 * makes further SYNs wait.  Closing hands the pcb back to lwIP, which
 * sends what is queued and the FIN (tcp_close; tcp_abort if it cannot).
 */
#include <string.h>

#include "inet.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/tcp.h"

static struct sock *of(void *arg)
{
	return (struct sock *)arg;
}

static err_t on_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct sock *s = of(arg);
	(void)err;
	if (!s) { /* closed by the program: lwIP's null receiver's job */
		return tcp_recv_null(0, pcb, p, ERR_OK);
	}
	if (!p)
		s->eof = true;
	else if (s->rcvq)
		pbuf_cat(s->rcvq, p);
	else
		s->rcvq = p;
	sock_wake(s);
	return ERR_OK;
}

static err_t on_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	(void)pcb, (void)len;
	if (arg)
		sock_wake(of(arg));
	return ERR_OK;
}

static void on_err(void *arg, err_t err)
{
	struct sock *s = of(arg);
	if (!s)
		return;
	s->tcp = 0; /* lwIP has freed it */
	s->error = s->connecting && err == ERR_RST ? -ECONNREFUSED
						   : sock_errno(err);
	s->connecting = false;
	sock_wake(s);
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct sock *s = of(arg);
	(void)pcb, (void)err;
	if (s) {
		s->connecting = false;
		s->connected = true;
		sock_wake(s);
	}
	return ERR_OK;
}

static void attach(struct sock *s, struct tcp_pcb *pcb)
{
	s->tcp = pcb;
	tcp_arg(pcb, s);
	tcp_recv(pcb, on_recv);
	tcp_sent(pcb, on_sent);
	tcp_err(pcb, on_err);
}

static err_t on_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct sock *l = of(arg);
	if (!l || err != ERR_OK || !pcb)
		return ERR_VAL;
	struct sock *c =
		l->accept_n < (int)(sizeof(l->acceptq) / sizeof(l->acceptq[0]))
			? sock_alloc(SOCK_STREAM, l->protocol, l->uid)
			: 0;
	if (!c) {
		tcp_abort(pcb);
		return ERR_ABRT;
	}
	c->proto = &tcp_proto;
	c->connected = true;
	c->parent = sock_index(l);
	c->nodelay = l->nodelay;
	c->keepalive = l->keepalive;
	attach(c, pcb);
	if (c->nodelay)
		tcp_nagle_disable(pcb);
	tcp_backlog_delayed(pcb); /* counted until accept() takes it */
	l->acceptq[l->accept_n++] = sock_index(c);
	sock_wake(l);
	return ERR_OK;
}

int tcp_sock_new(struct sock *s)
{
	struct tcp_pcb *pcb = tcp_new_ip_type(IPADDR_TYPE_V4);
	if (!pcb)
		return -ENOBUFS;
	s->proto = &tcp_proto;
	attach(s, pcb);
	return 0;
}

static int t_bind(struct sock *s, const struct sockaddr_in *a)
{
	ip_addr_t ip;
	uint16_t port;
	if (!s->tcp || s->listening || s->connected || s->connecting)
		return -EINVAL;
	if (s->tcp->local_port)
		return -EINVAL; /* bound already */
	addr_to_lwip(a, &ip, &port);
	if (s->reuse)
		ip_set_option(s->tcp, SOF_REUSEADDR);
	return sock_errno(tcp_bind(s->tcp, &ip, port));
}

static int t_connect(struct sock *s, const struct sockaddr_in *a,
		     struct sock_op *op)
{
	(void)op;
	if (!a) { /* a kept connect, tried again */
		if (s->connected)
			return 0;
		if (s->error) {
			int r = s->error;
			s->error = 0;
			return r;
		}
		return REPLY_LATER;
	}
	if (s->listening)
		return -EOPNOTSUPP;
	if (s->connected)
		return -EISCONN;
	if (s->connecting)
		return -EALREADY;
	if (!s->tcp)
		return s->error ? s->error : -EINVAL;
	ip_addr_t ip;
	uint16_t port;
	addr_to_lwip(a, &ip, &port);
	if (port == 0)
		return -EADDRNOTAVAIL;
	if (s->reuse)
		ip_set_option(s->tcp, SOF_REUSEADDR);
	err_t e = tcp_connect(s->tcp, &ip, port, on_connected);
	if (e != ERR_OK)
		return sock_errno(e);
	s->connecting = true;
	return REPLY_LATER;
}

static int t_listen(struct sock *s, int backlog)
{
	if (!s->tcp || s->connected || s->connecting)
		return -EINVAL;
	if (s->listening) {
		tcp_backlog_set(s->tcp, (u8_t)backlog);
		s->backlog = backlog;
		return 0;
	}
	if (s->reuse)
		ip_set_option(s->tcp, SOF_REUSEADDR);
	if (!s->tcp->local_port) {
		err_t e = tcp_bind(s->tcp, IP4_ADDR_ANY, 0);
		if (e != ERR_OK)
			return sock_errno(e);
	}
	err_t e;
	struct tcp_pcb *l =
		tcp_listen_with_backlog_and_err(s->tcp, (u8_t)backlog, &e);
	if (!l)
		return sock_errno(e);
	s->tcp = l; /* lwIP freed the old pcb */
	tcp_arg(l, s);
	tcp_accept(l, on_accept);
	s->listening = true;
	s->backlog = backlog;
	return 0;
}

static int t_accept(struct sock *s, struct sock_op *op)
{
	if (!s->listening)
		return -EINVAL;
	if (s->accept_n == 0)
		return REPLY_LATER;
	struct sock *c = sock_get((uint32_t)s->acceptq[0]);
	s->accept_n--;
	memmove(s->acceptq, s->acceptq + 1, sizeof(int) * (size_t)s->accept_n);
	if (!c)
		return REPLY_LATER;
	struct sockaddr_in peer;
	addr_from_lwip(c->tcp ? &c->tcp->remote_ip : 0,
		       c->tcp ? c->tcp->remote_port : 0, &peer);
	if (c->tcp)
		tcp_backlog_accepted(c->tcp);
	c->parent = -1;
	c->visible = true;
	if (op_put_addr(op, &peer) < 0) {
		c->proto->close(c);
		return -EFAULT;
	}
	return sock_index(c);
}

static int pending_error(struct sock *s)
{
	int r = s->error;
	s->error = 0;
	return r;
}

static int t_send(struct sock *s, struct sock_op *op)
{
	static uint8_t buf[SOCK_COPY];
	if (s->listening)
		return -ENOTCONN;
	if (s->error && !op->done)
		return pending_error(s);
	if (s->shut_wr || (!s->tcp && s->connected))
		return op->done ? (int)op->done : -EPIPE;
	if (!s->connected)
		return s->connecting ? REPLY_LATER : -ENOTCONN;
	while (op->done < op->len) {
		uint32_t room = tcp_sndbuf(s->tcp), n = op->len - op->done;
		if (room == 0 ||
		    tcp_sndqueuelen(s->tcp) >= TCP_SND_QUEUELEN - 4)
			break;
		n = n < room ? n : room;
		n = n < SOCK_COPY ? n : SOCK_COPY;
		if (op_copyin(op, op->done, buf, n) < 0)
			return op->done ? (int)op->done : -EFAULT;
		u8_t more = op->done + n < op->len ? TCP_WRITE_FLAG_MORE : 0;
		err_t e = tcp_write(s->tcp, buf, (u16_t)n,
				    TCP_WRITE_FLAG_COPY | more);
		if (e == ERR_MEM)
			break;
		if (e != ERR_OK)
			return op->done ? (int)op->done : sock_errno(e);
		op->done += n;
	}
	tcp_output(s->tcp);
	return op->done == op->len ? (int)op->done : REPLY_LATER;
}

/* Drop n bytes from the front of the receive queue; open the window. */
static void consume(struct sock *s, uint32_t n)
{
	uint32_t left = n;
	while (left && s->rcvq) {
		uint16_t k = left > 0xffff ? 0xffff : (uint16_t)left;
		if (k > s->rcvq->tot_len)
			k = s->rcvq->tot_len;
		s->rcvq = pbuf_free_header(s->rcvq, k);
		left -= k;
	}
	for (uint32_t done = 0; s->tcp && done < n;) {
		uint16_t k = n - done > 0xffff ? 0xffff : (uint16_t)(n - done);
		tcp_recved(s->tcp, k);
		done += k;
	}
}

static int t_recv(struct sock *s, struct sock_op *op)
{
	if (s->listening)
		return -ENOTCONN;
	if (s->rcvq && op->done < op->len) {
		uint32_t n = op->len - op->done;
		if (n > s->rcvq->tot_len)
			n = s->rcvq->tot_len;
		int r = op_copyout_pbuf(op, s->rcvq, 0, n);
		if (r < 0)
			return op->done ? (int)op->done : r;
		if (!(op->msg_flags & MSG_PEEK))
			consume(s, (uint32_t)r);
		op->done += (uint32_t)r;
		if (op->addr_grant != GRANT_INVALID) {
			struct sockaddr_in peer;
			s->proto->name(s, 1, &peer);
			op_put_addr(op, &peer);
		}
		if (!(op->msg_flags & MSG_WAITALL) || op->done == op->len ||
		    op->msg_flags & MSG_PEEK)
			return (int)op->done;
	}
	if (s->eof || op->done)
		return s->eof || !(op->msg_flags & MSG_WAITALL) ? (int)op->done
								: REPLY_LATER;
	if (s->error)
		return pending_error(s);
	if (!s->connected && !s->connecting)
		return s->tcp ? -ENOTCONN : 0;
	return REPLY_LATER;
}

static int t_shutdown(struct sock *s, int how)
{
	if (!s->connected)
		return -ENOTCONN;
	if (how != SHUT_WR) { /* reading: the rest is thrown away */
		if (s->rcvq)
			consume(s, s->rcvq->tot_len);
		s->eof = true;
	}
	if (how != SHUT_RD && !s->shut_wr) {
		s->shut_wr = true;
		if (s->tcp)
			return sock_errno(tcp_shutdown(s->tcp, 0, 1));
	}
	sock_wake(s);
	return 0;
}

static uint32_t t_ready(struct sock *s)
{
	uint32_t r = 0;
	if (s->listening)
		return s->accept_n ? CDEV_SEL_RD : 0;
	if (s->rcvq || s->eof || s->error || (!s->tcp && s->connected))
		r |= CDEV_SEL_RD;
	if (s->error || !s->tcp ||
	    (s->connected && !s->shut_wr && tcp_sndbuf(s->tcp) > 0))
		r |= CDEV_SEL_WR;
	if (!s->connected && !s->connecting && s->tcp)
		r |= CDEV_SEL_WR; /* never connected: writes fail at once */
	return r;
}

static int t_name(struct sock *s, int peer, struct sockaddr_in *out)
{
	if (peer && (!s->connected || !s->tcp))
		return -ENOTCONN;
	if (!s->tcp) {
		addr_from_lwip(0, 0, out);
		return 0;
	}
	if (peer)
		addr_from_lwip(&s->tcp->remote_ip, s->tcp->remote_port, out);
	else
		addr_from_lwip(&s->tcp->local_ip, s->tcp->local_port, out);
	return 0;
}

static void detach(struct tcp_pcb *pcb, bool listening)
{
	tcp_arg(pcb, 0);
	if (listening) {
		tcp_accept(pcb, 0);
		tcp_close(pcb);
		return;
	}
	tcp_recv(pcb, 0);
	tcp_sent(pcb, 0);
	tcp_err(pcb, 0);
	if (tcp_close(pcb) != ERR_OK)
		tcp_abort(pcb);
}

static void t_close(struct sock *s)
{
	if (s->listening)
		for (int i = 0; i < s->accept_n; i++) {
			struct sock *c = sock_get((uint32_t)s->acceptq[i]);
			if (c)
				c->proto->close(c);
		}
	if (s->rcvq)
		pbuf_free(s->rcvq);
	s->rcvq = 0;
	if (s->tcp)
		detach(s->tcp, s->listening);
	s->tcp = 0;
	sock_free(s);
}

static uint32_t t_queued(struct sock *s)
{
	return s->rcvq ? s->rcvq->tot_len : 0;
}

const struct sock_proto tcp_proto = {
	.bind = t_bind,
	.connect = t_connect,
	.listen = t_listen,
	.accept = t_accept,
	.send = t_send,
	.recv = t_recv,
	.shutdown = t_shutdown,
	.ready = t_ready,
	.name = t_name,
	.close = t_close,
	.queued = t_queued,
};
