// SPDX-License-Identifier: BSD-2-Clause
/*
 * Raw ICMP sockets (SOCK_RAW, IPPROTO_ICMP), for root only (sock.c):
 * what ping uses.  A send is an ICMP message (header and data, no IP
 * header), which lwIP puts in an IP packet to the address given; a
 * receive gives a whole IP packet with its header, as on BSD and
 * Linux.  Every ICMP packet INET receives is copied to each raw
 * socket (dgram.c queues the copy) and still reaches lwIP's own ICMP,
 * so echo requests are answered whatever raw sockets exist.
 */
#include "inet.h"
#include "lwip/raw.h"

static u8_t on_recv(void *arg, struct raw_pcb *pcb, struct pbuf *p,
		    const ip_addr_t *addr)
{
	(void)pcb;
	struct pbuf *copy = pbuf_clone(PBUF_RAW, PBUF_RAM, p);
	if (copy)
		dgram_push((struct sock *)arg, copy, addr, 0);
	return 0; /* not eaten: lwIP's ICMP sees it too */
}

int raw_sock_new(struct sock *s)
{
	s->raw = raw_new_ip_type(IPADDR_TYPE_V4, IP_PROTO_ICMP);
	if (!s->raw)
		return -ENOBUFS;
	s->proto = &raw_proto;
	raw_recv(s->raw, on_recv, s);
	return 0;
}

static int r_bind(struct sock *s, const struct sockaddr_in *a)
{
	ip_addr_t ip;
	uint16_t port;
	addr_to_lwip(a, &ip, &port);
	return sock_errno(raw_bind(s->raw, &ip));
}

static int r_connect(struct sock *s, const struct sockaddr_in *a,
		     struct sock_op *op)
{
	(void)op;
	if (!a)
		return 0;
	ip_addr_t ip;
	uint16_t port;
	addr_to_lwip(a, &ip, &port);
	int r = sock_errno(raw_connect(s->raw, &ip));
	s->connected = r == 0;
	return r;
}

static int r_none(struct sock *s, int n)
{
	(void)s, (void)n;
	return -EOPNOTSUPP;
}

static int r_accept(struct sock *s, struct sock_op *op)
{
	(void)s, (void)op;
	return -EOPNOTSUPP;
}

static int r_send(struct sock *s, struct sock_op *op)
{
	ip_addr_t ip;
	uint16_t port;
	if (op->has_to)
		addr_to_lwip(&op->to, &ip, &port);
	else if (s->connected)
		ip = s->raw->remote_ip;
	else
		return -EDESTADDRREQ;
	if (op->len < 8)
		return -EINVAL; /* not even an ICMP header */
	struct pbuf *p;
	int r = dgram_payload(op, PBUF_IP, &p);
	if (r < 0)
		return r;
	r = sock_errno(raw_sendto(s->raw, p, &ip));
	pbuf_free(p);
	return r < 0 ? r : (int)op->len;
}

static uint32_t r_ready(struct sock *s)
{
	return (s->dq_n ? CDEV_SEL_RD : 0) | CDEV_SEL_WR;
}

static int r_name(struct sock *s, int peer, struct sockaddr_in *out)
{
	if (peer && !s->connected)
		return -ENOTCONN;
	addr_from_lwip(peer ? &s->raw->remote_ip : &s->raw->local_ip, 0, out);
	return 0;
}

static void r_close(struct sock *s)
{
	raw_remove(s->raw);
	s->raw = 0;
	dgram_flush(s);
	sock_free(s);
}

const struct sock_proto raw_proto = {
	.bind = r_bind,
	.connect = r_connect,
	.listen = r_none,
	.accept = r_accept,
	.send = r_send,
	.recv = dgram_recv,
	.shutdown = r_none,
	.ready = r_ready,
	.name = r_name,
	.close = r_close,
	.queued = dgram_queued,
};
