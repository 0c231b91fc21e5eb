// SPDX-License-Identifier: BSD-2-Clause
/*
 * The generator behind /dev/random: ChaCha20 (RFC 8439) as a stream of
 * key-stream blocks, with "fast key erasure": every read produces one
 * more block than it hands out and makes the extra block's first 32
 * bytes the new key.  Whoever later reads the driver's memory -- its
 * next incarnation, a debugger -- cannot run the generator backwards.
 *
 * Mixing in (seeding at start, and anything written to the device)
 * hashes nothing fancy: the new bytes are XORed into the key 32 at a
 * time, and each round is followed by a rekey, so every input byte
 * influences all later output.
 */
#include <string.h>

#include "random.h"

static uint32_t key[8];
static uint32_t nonce[3] = {0x736d7341, 0x61726173, 0}; /* "AsmSsara" */

static uint32_t rotl(uint32_t v, int n)
{
	return v << n | v >> (32 - n);
}

#define QUARTER(a, b, c, d)                                                    \
	do {                                                                   \
		a += b;                                                        \
		d = rotl(d ^ a, 16);                                           \
		c += d;                                                        \
		b = rotl(b ^ c, 12);                                           \
		a += b;                                                        \
		d = rotl(d ^ a, 8);                                            \
		c += d;                                                        \
		b = rotl(b ^ c, 7);                                            \
	} while (0)

void chacha20_block(const uint32_t k[8], uint32_t counter, const uint32_t n[3],
		    uint8_t out[64])
{
	uint32_t in[16] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
	memcpy(&in[4], k, 32);
	in[12] = counter;
	memcpy(&in[13], n, 12);
	uint32_t x[16];
	memcpy(x, in, sizeof(x));
	for (int i = 0; i < 10; i++) {
		QUARTER(x[0], x[4], x[8], x[12]); /* columns */
		QUARTER(x[1], x[5], x[9], x[13]);
		QUARTER(x[2], x[6], x[10], x[14]);
		QUARTER(x[3], x[7], x[11], x[15]);
		QUARTER(x[0], x[5], x[10], x[15]); /* diagonals */
		QUARTER(x[1], x[6], x[11], x[12]);
		QUARTER(x[2], x[7], x[8], x[13]);
		QUARTER(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++) {
		uint32_t v = x[i] + in[i]; /* little-endian words out */
		out[4 * i] = (uint8_t)v;
		out[4 * i + 1] = (uint8_t)(v >> 8);
		out[4 * i + 2] = (uint8_t)(v >> 16);
		out[4 * i + 3] = (uint8_t)(v >> 24);
	}
}

static void rekey(void)
{
	uint8_t block[64];
	chacha20_block(key, 0, nonce, block);
	memcpy(key, block, sizeof(key));
	nonce[2]++;
	memset(block, 0, sizeof(block));
}

void rng_mix(const void *data, size_t len)
{
	const uint8_t *p = data;
	while (len > 0) {
		size_t n = len < sizeof(key) ? len : sizeof(key);
		uint8_t *k = (uint8_t *)key;
		for (size_t i = 0; i < n; i++)
			k[i] ^= p[i];
		rekey();
		p += n;
		len -= n;
	}
}

void rng_read(void *out, size_t len)
{
	uint8_t *p = out, block[64];
	for (uint32_t counter = 1; len > 0; counter++) {
		chacha20_block(key, counter, nonce, block);
		size_t n = len < sizeof(block) ? len : sizeof(block);
		memcpy(p, block, n);
		p += n;
		len -= n;
	}
	memset(block, 0, sizeof(block));
	rekey();
}
