// SPDX-License-Identifier: BSD-2-Clause
/*
 * UDP sockets (SOCK_DGRAM) on lwIP's raw UDP API.  Each datagram lwIP
 * delivers is queued (dgram.c); a send builds one datagram from the
 * program's buffer and hands it to lwIP at once, so a send never
 * waits.  connect() only sets the default peer (and filters what is
 * received, as lwIP's connected pcbs do).  Sending to a broadcast
 * address needs SO_BROADCAST (EACCES otherwise).
 */
#include "inet.h"
#include "lwip/udp.h"

static void on_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p,
		    const ip_addr_t *addr, u16_t port)
{
	(void)pcb;
	dgram_push((struct sock *)arg, p, addr, port);
}

int udp_sock_new(struct sock *s)
{
	s->udp = udp_new_ip_type(IPADDR_TYPE_V4);
	if (!s->udp)
		return -ENOBUFS;
	s->proto = &udp_proto;
	udp_recv(s->udp, on_recv, s);
	return 0;
}

static int u_bind(struct sock *s, const struct sockaddr_in *a)
{
	ip_addr_t ip;
	uint16_t port;
	if (s->udp->local_port)
		return -EINVAL;
	addr_to_lwip(a, &ip, &port);
	if (s->reuse)
		ip_set_option(s->udp, SOF_REUSEADDR);
	return sock_errno(udp_bind(s->udp, &ip, port));
}

static int u_connect(struct sock *s, const struct sockaddr_in *a,
		     struct sock_op *op)
{
	(void)op;
	if (!a)
		return 0;
	ip_addr_t ip;
	uint16_t port;
	addr_to_lwip(a, &ip, &port);
	int r = sock_errno(udp_connect(s->udp, &ip, port));
	s->connected = r == 0;
	return r;
}

static int u_listen(struct sock *s, int backlog)
{
	(void)s, (void)backlog;
	return -EOPNOTSUPP;
}

static int u_accept(struct sock *s, struct sock_op *op)
{
	(void)s, (void)op;
	return -EOPNOTSUPP;
}

static bool is_broadcast(const ip_addr_t *ip)
{
	uint32_t a = ip4_addr_get_u32(ip_2_ip4(ip));
	if (a == 0xffffffffu)
		return true;
	for (struct netif *n = netif_list; n; n = n->next)
		if (ip4_addr_isbroadcast(ip_2_ip4(ip), n))
			return true;
	return false;
}

static int u_send(struct sock *s, struct sock_op *op)
{
	ip_addr_t ip;
	uint16_t port;
	if (s->shut_wr)
		return -EPIPE;
	if (op->has_to)
		addr_to_lwip(&op->to, &ip, &port);
	else if (!s->connected)
		return -EDESTADDRREQ;
	else {
		ip = s->udp->remote_ip;
		port = s->udp->remote_port;
	}
	if (port == 0)
		return -EINVAL;
	if (is_broadcast(&ip) && !s->broadcast)
		return -EACCES;
	struct pbuf *p;
	int r = dgram_payload(op, PBUF_TRANSPORT, &p);
	if (r < 0)
		return r;
	r = sock_errno(udp_sendto(s->udp, p, &ip, port));
	pbuf_free(p);
	return r < 0 ? r : (int)op->len;
}

static int u_recv(struct sock *s, struct sock_op *op)
{
	if (s->eof && s->dq_n == 0)
		return 0;
	return dgram_recv(s, op);
}

static int u_shutdown(struct sock *s, int how)
{
	if (how != SHUT_WR) {
		dgram_flush(s);
		s->eof = true;
	}
	if (how != SHUT_RD)
		s->shut_wr = true;
	sock_wake(s);
	return 0;
}

static uint32_t u_ready(struct sock *s)
{
	return (s->dq_n || s->eof || s->error ? CDEV_SEL_RD : 0) | CDEV_SEL_WR;
}

static int u_name(struct sock *s, int peer, struct sockaddr_in *out)
{
	if (peer && !s->connected)
		return -ENOTCONN;
	if (peer)
		addr_from_lwip(&s->udp->remote_ip, s->udp->remote_port, out);
	else
		addr_from_lwip(&s->udp->local_ip, s->udp->local_port, out);
	return 0;
}

static void u_close(struct sock *s)
{
	udp_remove(s->udp);
	s->udp = 0;
	dgram_flush(s);
	sock_free(s);
}

const struct sock_proto udp_proto = {
	.bind = u_bind,
	.connect = u_connect,
	.listen = u_listen,
	.accept = u_accept,
	.send = u_send,
	.recv = u_recv,
	.shutdown = u_shutdown,
	.ready = u_ready,
	.name = u_name,
	.close = u_close,
	.queued = dgram_queued,
};
