// SPDX-License-Identifier: BSD-2-Clause
/*
 * SipHash-2-4 (siphash.h).  Four 64-bit words of state start as the
 * key XORed with four constants ("somepseudorandomlygeneratedbytes").
 * Each 8-byte little-endian word of the message is XORed into v3, two
 * rounds ("SipRound": additions, rotations, XORs) mix it, and it is
 * XORed into v0.  The last word holds the message's remaining bytes
 * and its length mod 256 in the top byte.  Then 0xff goes into v2,
 * four rounds follow, and the hash is v0 ^ v1 ^ v2 ^ v3.
 */
#include "siphash.h"

static uint64_t rotl(uint64_t x, int b)
{
	return x << b | x >> (64 - b);
}

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void rounds(uint64_t v[4], int n)
{
	while (n-- > 0) {
		v[0] += v[1];
		v[1] = rotl(v[1], 13) ^ v[0];
		v[0] = rotl(v[0], 32);
		v[2] += v[3];
		v[3] = rotl(v[3], 16) ^ v[2];
		v[0] += v[3];
		v[3] = rotl(v[3], 21) ^ v[0];
		v[2] += v[1];
		v[1] = rotl(v[1], 17) ^ v[2];
		v[2] = rotl(v[2], 32);
	}
}

uint64_t siphash24(const uint8_t key[16], const void *msg, size_t len)
{
	const uint8_t *m = msg;
	uint64_t k0 = le64(key), k1 = le64(key + 8);
	uint64_t v[4] = {k0 ^ 0x736f6d6570736575ull, k1 ^ 0x646f72616e646f6dull,
			 k0 ^ 0x6c7967656e657261ull,
			 k1 ^ 0x7465646279746573ull};
	size_t whole = len & ~(size_t)7;
	for (size_t i = 0; i < whole; i += 8) {
		uint64_t w = le64(m + i);
		v[3] ^= w;
		rounds(v, 2);
		v[0] ^= w;
	}
	uint64_t last = (uint64_t)(len & 0xff) << 56;
	for (size_t i = whole; i < len; i++)
		last |= (uint64_t)m[i] << (8 * (i - whole));
	v[3] ^= last;
	rounds(v, 2);
	v[0] ^= last;
	v[2] ^= 0xff;
	rounds(v, 4);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}
