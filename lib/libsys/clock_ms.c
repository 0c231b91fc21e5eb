// SPDX-License-Identifier: BSD-2-Clause
/*
 * Milliseconds for servers and drivers, on top of the kernel's clock
 * ticks: clock_ms, the time since boot; alarm_ms, a CLOCK notification
 * at least `ms` from now (rounded up to whole ticks, plus one, so it
 * never comes early), or none with 0.  clock_us measures finer than a
 * tick, from the CPU's time-stamp counter (as fast as the kernel says
 * it runs): for intervals, not for dates.
 */
#include "libsys.h"

uint64_t clock_ms(void)
{
	struct kc_times t;
	if (sys_times(&t) < 0 || t.hz == 0)
		return 0;
	return t.ticks * 1000 / t.hz;
}

uint64_t clock_us(void)
{
	struct kc_times t;
	uint64_t tsc;
	if (sys_times(&t) < 0 || t.tsc_khz == 0)
		return clock_ms() * 1000;
	__asm__ volatile("rdtsc" : "=A"(tsc));
	return tsc / t.tsc_khz * 1000 + tsc % t.tsc_khz * 1000 / t.tsc_khz;
}

int alarm_ms(uint32_t ms)
{
	struct kc_times t;
	if (ms == 0)
		return sys_setalarm(0, 0);
	int r = sys_times(&t);
	if (r < 0)
		return r;
	return sys_setalarm((uint32_t)((uint64_t)ms * t.hz / 1000) + 1, 0);
}
