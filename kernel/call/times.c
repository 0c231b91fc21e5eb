// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_TIMES: the clock as the caller sees it: ticks since boot, the TSC
 * and its measured rate, and how many ticks the caller has run.
 */
#include "arch/i386/arch.h"
#include "clock.h"
#include "kcall.h"

int do_times(struct proc *caller, message_t *m)
{
	struct kc_times *a = KC_ARGS(m, kc_times);
	a->ticks = clock_ticks;
	a->tsc = rdtsc();
	a->hz = HZ;
	a->tsc_khz = tsc_khz;
	a->user_ticks = caller->user_ticks;
	a->boot_time = boot_time;
	return 0;
}
