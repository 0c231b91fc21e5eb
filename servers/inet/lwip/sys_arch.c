// SPDX-License-Identifier: BSD-2-Clause
/*
 * What lwIP needs from Samsara when it runs as NO_SYS (lwipopts.h):
 *
 *   sys_now()           milliseconds since boot, from libsys clock_ms();
 *                       lwIP's timers (sys_check_timeouts) and TCP's
 *                       clocks run on it, and it may wrap (lwIP
 *                       compares differences).
 *   lwip_port_rand()    LWIP_RAND (arch/cc.h): 32 pseudo-random bits
 *                       for DHCP transaction ids, ephemeral ports and
 *                       the like.  An xorshift64* generator, seeded at
 *                       its first use from the time-stamp counter (which
 *                       only grows, so INET and its restarted successor
 *                       start from different states) and the restart
 *                       count.  Not for secrets.
 *   lwip_port_stir()    mixes more entropy into that state.
 *   lwip_port_assert()  LWIP_PLATFORM_ASSERT: one panic line through
 *                       sef_panic(), which ends the process for RS to
 *                       see; lwIP's own default would abort() after
 *                       printing, with no label and no file name.
 *
 * There are no semaphores, mailboxes or threads: with NO_SYS lwIP asks
 * for none, and INET calls lwIP from its one loop only.
 */
#include <stdio.h>
#include <string.h>

#include "libsys.h"
#include "lwip/sys.h"

static uint64_t rand_state;

u32_t sys_now(void)
{
	return (u32_t)clock_ms();
}

static uint64_t tsc(void)
{
	uint64_t v;
	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}

/* Fold one 64-bit value into the state; the state never becomes 0,
 * the one value xorshift cannot leave. */
static void rand_mix(uint64_t v)
{
	rand_state = (rand_state ^ v) * 0x9e3779b97f4a7c15ull;
	rand_state ^= rand_state >> 29;
	if (rand_state == 0)
		rand_state = 0x853c49e6748fea9bull;
}

void lwip_port_stir(const void *data, unsigned n)
{
	const uint8_t *p = data;
	for (unsigned i = 0; i < n; i++)
		rand_mix((uint64_t)p[i] << (8 * (i & 7)));
	rand_mix(tsc());
}

uint32_t lwip_port_rand(void)
{
	if (rand_state == 0) {
		rand_mix(tsc());
		rand_mix((uint64_t)sef_restarts() << 32 | clock_ms());
	}
	rand_state ^= rand_state >> 12;
	rand_state ^= rand_state << 25;
	rand_state ^= rand_state >> 27;
	return (uint32_t)((rand_state * 0x2545f4914f6cdd1dull) >> 32);
}

void lwip_port_assert(const char *what, const char *file, int line)
{
	char why[192];
	const char *src = strstr(file, "/src/");
	snprintf(why, sizeof(why), "lwIP assertion \"%s\" failed at %s:%d",
		 what, src ? src + 5 : file, line);
	fflush(stdout);
	sef_panic(why);
}
