// SPDX-License-Identifier: BSD-2-Clause
/*
 * TCP's hooks (hooks.h): a listener under a SYN flood, and initial
 * sequence numbers.
 *
 * SYN floods.
 * lwIP counts a connection against its listener's backlog from the SYN
 * on, while it is still half-open (SYN_RCVD), and ignores every SYN
 * that finds the backlog full.  A flood of SYNs from addresses that
 * never answer would so shut a listener to everybody until the
 * half-open connections time out (TCP_SYN_RCVD_TIMEOUT, 20 s), and a
 * new flood shuts it again.
 *
 * port_tcp_inpacket runs before lwIP looks at each segment.  For a SYN
 * to a listener whose backlog is full it drops the listener's oldest
 * half-open connection, quietly (no reset to a forged address), so the
 * new SYN finds room, as BSD's SYN cache does.  A genuine client whose
 * half-open connection was dropped sends its SYN again and gets in.
 * Connections that are established and wait for accept() are never
 * dropped: a backlog full of those still refuses new SYNs, which is
 * what the backlog is for.
 *
 * Initial sequence numbers.  lwIP's own ISN only grows by the ticks
 * between connections, so anyone who sees one connection's ISN can
 * guess the next and forge segments into it.  RFC 6528's ISN is a
 * clock M, ticking every 4 microseconds, plus F, a keyed hash of the
 * connection's addresses and ports (SipHash-2-4, siphash.c): the ISNs
 * of one connection's incarnations still grow with time, as TCP wants,
 * and those of other connections tell an outsider nothing.  The key is
 * drawn from the port's generator at the first connection (LWIP_RAND:
 * seeded from the time-stamp counter and the restart count, so it is
 * as unpredictable as that, and new for every INET instance).
 */
#include <stdbool.h>
#include <string.h>

#include "libsys.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/tcp.h"

#include "hooks.h"
#include "siphash.h"

unsigned long port_syn_evicted;

/* The listener's half-open connection with the oldest timer, or 0. */
static struct tcp_pcb *oldest_half_open(const struct tcp_pcb_listen *l)
{
	struct tcp_pcb *oldest = 0;
	for (struct tcp_pcb *c = tcp_active_pcbs; c; c = c->next) {
		if (c->state != SYN_RCVD || c->listener != l)
			continue;
		if (!oldest || (u32_t)(tcp_ticks - c->tmr) >
				       (u32_t)(tcp_ticks - oldest->tmr))
			oldest = c;
	}
	return oldest;
}

signed char port_tcp_inpacket(struct tcp_pcb *pcb, struct tcp_hdr *hdr,
			      unsigned short optlen, unsigned short opt1len,
			      unsigned char *opt2, struct pbuf *p)
{
	(void)optlen;
	(void)opt1len;
	(void)opt2;
	(void)p;
	if (pcb->state != LISTEN ||
	    (TCPH_FLAGS(hdr) & (TCP_SYN | TCP_ACK | TCP_RST)) != TCP_SYN)
		return ERR_OK;
	struct tcp_pcb_listen *l = (struct tcp_pcb_listen *)pcb;
	if (l->accepts_pending < l->backlog)
		return ERR_OK;
	struct tcp_pcb *victim = oldest_half_open(l);
	if (victim) {
		tcp_abandon(victim, 0);
		port_syn_evicted++;
	}
	return ERR_OK;
}

unsigned int port_tcp_isn(const struct ip4_addr *local_ip,
			  unsigned short local_port,
			  const struct ip4_addr *remote_ip,
			  unsigned short remote_port)
{
	static uint8_t key[16];
	static bool keyed;
	if (!keyed) {
		for (int i = 0; i < 4; i++) {
			uint32_t w = LWIP_RAND();
			memcpy(key + 4 * i, &w, 4);
		}
		keyed = true;
	}
	uint8_t m[12];
	memcpy(m, &local_ip->addr, 4);
	memcpy(m + 4, &remote_ip->addr, 4);
	memcpy(m + 8, &local_port, 2);
	memcpy(m + 10, &remote_port, 2);
	uint32_t clock = (uint32_t)(clock_us() / 4);
	return clock + (uint32_t)siphash24(key, m, sizeof(m));
}
