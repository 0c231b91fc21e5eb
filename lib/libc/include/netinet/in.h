/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * IPv4 addresses and ports (POSIX <netinet/in.h>).  struct in_addr,
 * struct sockaddr_in, in_addr_t, in_port_t, the INADDR_ and IPPROTO_
 * numbers are the socket ABI of include/abi/socket.h; this header adds
 * the byte-order conversions (macros, and functions of the same names in
 * lib/libc/byteorder.c) and the sizes of address strings.
 */
#pragma once

#include <stdint.h>

#include <abi/socket.h>

/* The longest dotted-quad with its NUL, "255.255.255.255". */
#define INET_ADDRSTRLEN 16
/* The same for IPv6 text, which this C library does not parse. */
#define INET6_ADDRSTRLEN 46

uint32_t htonl(uint32_t host);
uint16_t htons(uint16_t host);
uint32_t ntohl(uint32_t net);
uint16_t ntohs(uint16_t net);

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define htonl(x) ((uint32_t)(x))
#define htons(x) ((uint16_t)(x))
#else
#define htonl(x) __builtin_bswap32((uint32_t)(x))
#define htons(x) __builtin_bswap16((uint16_t)(x))
#endif
#define ntohl(x) htonl(x)
#define ntohs(x) htons(x)
