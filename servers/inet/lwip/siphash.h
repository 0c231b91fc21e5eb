/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit hash of a
 * short message, fast and hard to predict without the 128-bit key.
 * INET uses it for TCP's initial sequence numbers (hooks.c, RFC 6528).
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

uint64_t siphash24(const uint8_t key[16], const void *msg, size_t len);
