/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The IPv4 header (RFC 791) as a raw socket delivers it in front of
 * what it carries: struct ip with the BSD names and struct iphdr with
 * Linux's, the same 20 bytes (options, if any, follow; the header is
 * ip_hl / ihl 32-bit words long).  Multi-byte fields are in network byte
 * order.  Bit-fields follow the compiler's byte order.
 */
#pragma once

#include <stdint.h>

#include <netinet/in.h>

#define IPVERSION 4
#define IP_MAXPACKET 65535 /* the largest datagram, header included */
#define IPDEFTTL 64

/* ip_off / frag_off: flags and the fragment's offset in 8-byte units. */
#define IP_RF 0x8000 /* reserved */
#define IP_DF 0x4000 /* don't fragment */
#define IP_MF 0x2000 /* more fragments */
#define IP_OFFMASK 0x1fff

struct ip {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	uint8_t ip_v : 4, ip_hl : 4;
#else
	uint8_t ip_hl : 4, ip_v : 4; /* header length in words, version */
#endif
	uint8_t ip_tos;
	uint16_t ip_len; /* the whole datagram, in bytes */
	uint16_t ip_id;
	uint16_t ip_off;
	uint8_t ip_ttl;
	uint8_t ip_p; /* IPPROTO_* of the payload */
	uint16_t ip_sum;
	struct in_addr ip_src, ip_dst;
};

struct iphdr {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	uint8_t version : 4, ihl : 4;
#else
	uint8_t ihl : 4, version : 4;
#endif
	uint8_t tos;
	uint16_t tot_len;
	uint16_t id;
	uint16_t frag_off;
	uint8_t ttl;
	uint8_t protocol;
	uint16_t check;
	uint32_t saddr;
	uint32_t daddr;
};

_Static_assert(sizeof(struct ip) == 20, "struct ip");
_Static_assert(sizeof(struct iphdr) == 20, "struct iphdr");
