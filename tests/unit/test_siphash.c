// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for servers/inet/lwip/siphash.c: the test vector of the
 * SipHash paper (key 00..0f, message 00..0e), the empty message, every
 * length around the 8-byte word boundary giving a different hash, and
 * one bit of key or message changing it.
 */
#include <string.h>

#include "siphash.h"
#include "unit.h"

static uint8_t key[16], msg[64];

static void setup(void)
{
	for (int i = 0; i < 16; i++)
		key[i] = (uint8_t)i;
	for (int i = 0; i < 64; i++)
		msg[i] = (uint8_t)i;
}

static void paper_vector(void)
{
	setup();
	CHECK(siphash24(key, msg, 15) == 0xa129ca6149be45e5ull);
	CHECK(siphash24(key, msg, 0) == 0x726fdb47dd0e0e31ull);
}

static void lengths_differ(void)
{
	setup();
	uint64_t seen[20];
	for (int n = 0; n < 20; n++) {
		seen[n] = siphash24(key, msg, (size_t)n);
		for (int k = 0; k < n; k++)
			CHECK(seen[k] != seen[n]);
	}
}

static void one_bit_changes(void)
{
	setup();
	uint64_t h = siphash24(key, msg, 12);
	msg[5] ^= 1;
	CHECK(siphash24(key, msg, 12) != h);
	msg[5] ^= 1;
	key[15] ^= 0x80;
	CHECK(siphash24(key, msg, 12) != h);
	key[15] ^= 0x80;
	CHECK(siphash24(key, msg, 12) == h);
}

int main(void)
{
	unit_file = "test_siphash";
	RUN(paper_vector);
	RUN(lengths_differ);
	RUN(one_bit_changes);
	return unit_done();
}
