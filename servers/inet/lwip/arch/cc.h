/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * lwIP's compiler and platform layer for Samsara (lwIP includes it as
 * "arch/cc.h" from lwip/arch.h, before anything else of its own).
 *
 * Types come from newlib's stdint.h and inttypes.h, which lwIP uses by
 * itself; this file only states what lwIP cannot guess:
 *   - the byte order (i386: little-endian);
 *   - LWIP_PLATFORM_DIAG: lwIP's diagnostics go to printf, i.e. to the
 *     kernel log for a service (lib/libc/io.c);
 *   - LWIP_PLATFORM_ASSERT: a broken invariant inside lwIP ends INET
 *     cleanly: lwip_port_assert() flushes what was printed and calls
 *     sef_panic() with the message, file and line, so RS sees a panic
 *     and the console one line saying where; it never returns, never
 *     spins;
 *   - LWIP_RAND: lwip_port_rand(), lwIP's source of DHCP transaction
 *     ids, local port numbers and the like (not secrets).
 * The two functions are in ../sys_arch.c, with sys_now().
 */
#pragma once

#include <stdint.h>
#include <stdio.h>

/* newlib's machine/endian.h (through stdio.h) may have said it. */
#ifndef BYTE_ORDER
#define BYTE_ORDER LITTLE_ENDIAN
#endif
#if BYTE_ORDER != LITTLE_ENDIAN
#error "i386 is little-endian"
#endif

#define LWIP_PLATFORM_DIAG(x)                                                  \
	do {                                                                   \
		printf x;                                                      \
	} while (0)

#define LWIP_PLATFORM_ASSERT(x) lwip_port_assert((x), __FILE__, __LINE__)

#define LWIP_RAND() lwip_port_rand()

void lwip_port_assert(const char *what, const char *file, int line)
	__attribute__((noreturn));
uint32_t lwip_port_rand(void);
/* Mix n bytes of entropy (from /dev/random, say) into lwip_port_rand. */
void lwip_port_stir(const void *data, unsigned n);
