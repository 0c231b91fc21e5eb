// SPDX-License-Identifier: BSD-2-Clause
/*
 * A listener under a SYN flood (hooks.h).
 *
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
 */
#include "lwip/priv/tcp_priv.h"
#include "lwip/tcp.h"

#include "hooks.h"

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
