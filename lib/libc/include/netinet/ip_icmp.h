/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ICMP messages (RFC 792), as ping builds and reads them on a raw
 * IPPROTO_ICMP socket: struct icmp with the BSD names and struct icmphdr
 * with Linux's, both the 8-byte header (type, code, checksum, and an id
 * and sequence number for echoes).  struct icmp goes on with what
 * follows: an echo's data, or the IP header an error message quotes.
 * Multi-byte fields are in network byte order; the checksum is the
 * ones'-complement sum over the whole ICMP message.
 */
#pragma once

#include <stdint.h>

#include <netinet/in.h>
#include <netinet/ip.h>

/* Types (BSD and Linux names), and the codes of "unreachable". */
#define ICMP_ECHOREPLY 0
#define ICMP_UNREACH 3
#define ICMP_DEST_UNREACH ICMP_UNREACH
#define ICMP_SOURCEQUENCH 4
#define ICMP_SOURCE_QUENCH ICMP_SOURCEQUENCH
#define ICMP_REDIRECT 5
#define ICMP_ECHO 8
#define ICMP_TIMXCEED 11
#define ICMP_TIME_EXCEEDED ICMP_TIMXCEED
#define ICMP_PARAMPROB 12
#define ICMP_PARAMETERPROB ICMP_PARAMPROB
#define ICMP_TSTAMP 13
#define ICMP_TSTAMPREPLY 14

#define ICMP_UNREACH_NET 0
#define ICMP_UNREACH_HOST 1
#define ICMP_UNREACH_PROTOCOL 2
#define ICMP_UNREACH_PORT 3
#define ICMP_UNREACH_NEEDFRAG 4

#define ICMP_MINLEN 8 /* the header alone */

struct icmphdr {
	uint8_t type;
	uint8_t code;
	uint16_t checksum;
	union {
		struct {
			uint16_t id;
			uint16_t sequence;
		} echo;
		uint32_t gateway; /* redirect */
		struct {
			uint16_t unused;
			uint16_t mtu;
		} frag; /* unreachable, needs fragmentation */
	} un;
};

struct icmp {
	uint8_t icmp_type;
	uint8_t icmp_code;
	uint16_t icmp_cksum;
	union {
		struct {
			uint16_t icd_id;
			uint16_t icd_seq;
		} ih_idseq;
		struct in_addr ih_gwaddr;
		uint32_t ih_void;
	} icmp_hun;
	union {
		struct ip id_ip;     /* an error: the datagram's header */
		uint8_t id_data[20]; /* an echo: its data (often longer) */
	} icmp_dun;
};
#define icmp_id icmp_hun.ih_idseq.icd_id
#define icmp_seq icmp_hun.ih_idseq.icd_seq
#define icmp_gwaddr icmp_hun.ih_gwaddr
#define icmp_void icmp_hun.ih_void
#define icmp_ip icmp_dun.id_ip
#define icmp_data icmp_dun.id_data

_Static_assert(sizeof(struct icmphdr) == ICMP_MINLEN, "struct icmphdr");
_Static_assert(sizeof(struct icmp) == ICMP_MINLEN + 20, "struct icmp");
