// SPDX-License-Identifier: BSD-2-Clause
/*
 * Datagram sockets (UDP and raw ICMP): what they share.
 *
 * lwIP hands each datagram that arrives for a socket to its receive
 * callback; udpsock.c and rawsock.c queue it here with its sender, up
 * to SOCK_DGRAMS of them (more are dropped and counted: a datagram
 * socket that is not read loses datagrams, it does not stall the
 * network).  A receive takes one whole datagram: what does not fit in
 * the buffer is lost, as POSIX says, and MSG_PEEK leaves it queued.
 */
#include "inet.h"
#include "lwip/pbuf.h"

void dgram_push(struct sock *s, struct pbuf *p, const ip_addr_t *ip,
		uint16_t port)
{
	if (s->dq_n == SOCK_DGRAMS) {
		s->rx_dropped++;
		pbuf_free(p);
		return;
	}
	struct dgram *d = &s->dq[(s->dq_head + s->dq_n++) % SOCK_DGRAMS];
	d->p = p;
	addr_from_lwip(ip, port, &d->from);
	sock_wake(s);
}

int dgram_recv(struct sock *s, struct sock_op *op)
{
	if (s->dq_n == 0)
		return s->error ? s->error : REPLY_LATER;
	struct dgram *d = &s->dq[s->dq_head];
	uint32_t n = d->p->tot_len < op->len ? d->p->tot_len : op->len;
	int r = op_copyout_pbuf(op, d->p, 0, n);
	if (r < 0)
		return r;
	if (op_put_addr(op, &d->from) < 0)
		return -EFAULT;
	if (!(op->msg_flags & MSG_PEEK)) {
		pbuf_free(d->p);
		s->dq_head = (s->dq_head + 1) % SOCK_DGRAMS;
		s->dq_n--;
	}
	return r;
}

void dgram_flush(struct sock *s)
{
	while (s->dq_n) {
		pbuf_free(s->dq[s->dq_head].p);
		s->dq_head = (s->dq_head + 1) % SOCK_DGRAMS;
		s->dq_n--;
	}
}

uint32_t dgram_queued(struct sock *s)
{
	return s->dq_n ? s->dq[s->dq_head].p->tot_len : 0;
}

/* The datagram a send carries, in a new pbuf of the given layer. */
int dgram_payload(struct sock_op *op, int layer, struct pbuf **out)
{
	if (op->len > INET_UDP_MAX)
		return -EMSGSIZE;
	struct pbuf *p =
		pbuf_alloc((pbuf_layer)layer, (u16_t)op->len, PBUF_RAM);
	if (!p)
		return -ENOBUFS;
	if (op->len && op_copyin(op, 0, p->payload, op->len) < 0) {
		pbuf_free(p);
		return -EFAULT;
	}
	*out = p;
	return 0;
}
