/* SPDX-License-Identifier: BSD-2-Clause */
/* The RANDOM driver's parts (see random.c). */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* chacha.c: the generator.  rng_mix folds bytes into the key; rng_read
 * fills out and then replaces the key, so output already given cannot
 * be recomputed from the driver's memory afterwards. */
void rng_mix(const void *data, size_t len);
void rng_read(void *out, size_t len);

/* The ChaCha20 block function (RFC 8439, section 2.3): 64 bytes of key
 * stream for key, block counter and nonce. */
void chacha20_block(const uint32_t key[8], uint32_t counter,
		    const uint32_t nonce[3], uint8_t out[64]);
