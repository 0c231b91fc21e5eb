/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * SHA-256 (FIPS 180-4), streamed: sha256_init, then sha256_update with
 * the message in pieces of any size, then sha256_final for the 32-byte
 * digest.  sha256.c has the algorithm.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST 32

struct sha256 {
	uint32_t h[8];	   /* the hash value so far */
	uint64_t bytes;	   /* message length so far */
	uint8_t block[64]; /* the block being filled */
	size_t used;	   /* bytes in block */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
void sha256_final(struct sha256 *s, uint8_t out[SHA256_DIGEST]);
