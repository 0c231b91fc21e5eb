/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * IPv4 addresses as text (POSIX <arpa/inet.h>, lib/libc/inet_addr.c).
 * Only AF_INET is known; anything else is EAFNOSUPPORT.
 *
 *   inet_pton   "a.b.c.d", four decimal numbers of one to three digits,
 *               each 0-255, and nothing else: 1 (stored in dst), 0 if src
 *               is not such a string
 *   inet_ntop   the dotted quad into dst (size bytes): dst, or 0 with
 *               ENOSPC if it does not fit
 *   inet_aton   the classic forms: a.b.c.d, a.b.c (c 16 bits), a.b (b
 *               24 bits), a (32 bits), each part decimal, octal (0...)
 *               or hexadecimal (0x...): 1, or 0 if cp is not one
 *   inet_addr   inet_aton's value, or INADDR_NONE
 *   inet_ntoa   the dotted quad in a static buffer
 */
#pragma once

#include <netinet/in.h>

int inet_pton(int af, const char *__restrict src, void *__restrict dst);
const char *inet_ntop(int af, const void *__restrict src, char *__restrict dst,
		      socklen_t size);
int inet_aton(const char *cp, struct in_addr *addr);
in_addr_t inet_addr(const char *cp);
char *inet_ntoa(struct in_addr in);
