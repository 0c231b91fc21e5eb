// SPDX-License-Identifier: BSD-2-Clause
/*
 * IPv4 addresses as text (<arpa/inet.h>): two grammars, one printer.
 *
 * inet_pton reads POSIX's form and nothing else: exactly four decimal
 * numbers of one to three digits, each at most 255, joined by single
 * dots, with no sign, space or anything else before, between or after.
 * POSIX says "one to three digit decimal number", so a leading zero is
 * allowed and is still decimal: "010.1.1.1" is 10.1.1.1 (glibc, the
 * BSDs and musl refuse it instead; a portable program does not rely on
 * either), while "0001.1.1.1" has four digits and is refused.
 *
 * inet_aton (and inet_addr) read the classic forms of 4.2BSD that POSIX
 * describes for inet_addr: one to four parts, each decimal, octal after
 * a leading 0 or hexadecimal after 0x/0X; in "a.b.c.d" each part is a
 * byte, in "a.b.c" the last is 16 bits, in "a.b" 24 bits, and "a" alone
 * is the whole 32 bits.  The whole string is the address: unlike glibc
 * and the BSDs, which stop at the first space, anything after it (a
 * space included) makes the string invalid.
 *
 * Both store the address in network byte order.  inet_ntop and
 * inet_ntoa print "a.b.c.d" in decimal without leading zeros.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The value of hex digit c, or -1. */
static int hex_value(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int inet_pton(int af, const char *src, void *dst)
{
	uint8_t b[4];
	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	for (int i = 0; i < 4; i++) {
		unsigned v = 0;
		int digits = 0;
		if (i > 0 && *src++ != '.')
			return 0;
		while (is_digit(*src) && digits < 4) {
			v = v * 10 + (unsigned)(*src++ - '0');
			digits++;
		}
		if (digits == 0 || digits > 3 || v > 255)
			return 0;
		b[i] = (uint8_t)v;
	}
	if (*src != 0)
		return 0;
	memcpy(dst, b, 4);
	return 1;
}

/*
 * One part of a classic address at *s: its value in *v and *s moved
 * past it; false if there is no number there or it exceeds 32 bits.
 */
static bool aton_part(const char **s, uint32_t *v)
{
	const char *p = *s;
	unsigned base = 10;
	uint64_t n = 0;
	int digits = 0, d;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	} else if (p[0] == '0') {
		base = 8;
	}
	while ((d = hex_value(*p)) >= 0 && (unsigned)d < base) {
		n = n * base + (unsigned)d;
		if (n > UINT32_MAX)
			return false;
		digits++;
		p++;
	}
	if (digits == 0 || is_digit(*p))
		return false; /* "0x", or an 8 or 9 in octal */
	*s = p;
	*v = (uint32_t)n;
	return true;
}

int inet_aton(const char *cp, struct in_addr *addr)
{
	/* The largest value of the last part, by the number of parts. */
	static const uint32_t last_max[5] = {0, UINT32_MAX, 0xffffff, 0xffff,
					     0xff};
	uint32_t part[4], a = 0;
	int n = 0;
	for (;;) {
		if (n == 4 || !aton_part(&cp, &part[n]))
			return 0;
		n++;
		if (*cp == 0)
			break;
		if (*cp++ != '.')
			return 0;
	}
	for (int i = 0; i < n - 1; i++) {
		if (part[i] > 255)
			return 0;
		a |= part[i] << (24 - 8 * i);
	}
	if (part[n - 1] > last_max[n])
		return 0;
	a |= part[n - 1];
	if (addr)
		addr->s_addr = htonl(a);
	return 1;
}

in_addr_t inet_addr(const char *cp)
{
	struct in_addr a;
	return inet_aton(cp, &a) ? a.s_addr : htonl(INADDR_NONE);
}

/* b as "a.b.c.d" into out; its length. */
static int format_quad(const uint8_t b[4], char out[INET_ADDRSTRLEN])
{
	char *p = out;
	for (int i = 0; i < 4; i++) {
		unsigned v = b[i];
		if (i > 0)
			*p++ = '.';
		if (v >= 100)
			*p++ = (char)('0' + v / 100);
		if (v >= 10)
			*p++ = (char)('0' + v / 10 % 10);
		*p++ = (char)('0' + v % 10);
	}
	*p = 0;
	return (int)(p - out);
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	char text[INET_ADDRSTRLEN];
	uint8_t b[4];
	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return 0;
	}
	memcpy(b, src, 4);
	socklen_t n = (socklen_t)format_quad(b, text) + 1;
	if (n > size) {
		errno = ENOSPC;
		return 0;
	}
	memcpy(dst, text, n);
	return dst;
}

char *inet_ntoa(struct in_addr in)
{
	static char text[INET_ADDRSTRLEN];
	uint8_t b[4];
	memcpy(b, &in.s_addr, 4);
	format_quad(b, text);
	return text;
}
