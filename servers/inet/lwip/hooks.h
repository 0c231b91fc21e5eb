/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hooks INET sets in lwIP (lwipopts.h names this file as
 * LWIP_HOOK_FILENAME; lwIP's tcp_in.c and tcp.c include it after their
 * own headers).  hooks.c has them:
 *
 *   port_tcp_inpacket  run for every TCP segment before lwIP handles
 *                      it: makes room under a SYN flood (hooks.c)
 *   port_tcp_isn       a new connection's initial sequence number, as
 *                      RFC 6528 says (hooks.c)
 *
 * port_syn_evicted counts the half-open connections it dropped; INET
 * reports it with the protocol counters (netstat -s).
 */
#pragma once

struct tcp_pcb;
struct tcp_hdr;
struct pbuf;
struct ip4_addr;

extern unsigned long port_syn_evicted;

signed char port_tcp_inpacket(struct tcp_pcb *pcb, struct tcp_hdr *hdr,
			      unsigned short optlen, unsigned short opt1len,
			      unsigned char *opt2, struct pbuf *p);

unsigned int port_tcp_isn(const struct ip4_addr *local_ip,
			  unsigned short local_port,
			  const struct ip4_addr *remote_ip,
			  unsigned short remote_port);
