// SPDX-License-Identifier: BSD-2-Clause
/*
 * Clock interrupt handling (see clock.h).  Each tick charges the running
 * process, may end its quantum, and fires the alarms that are due.  The
 * TSC rate is measured against the 8254 once at boot (pit.c: channel 2's
 * count, not the ticks, which come late on a busy emulator host), so
 * that benchmarks and clock_us can turn cycles into time.
 */
#include "clock.h"

#include "arch/i386/arch.h"
#include "ipc.h"
#include "lib.h"
#include "proc.h"
#include "sched.h"

uint64_t clock_ticks;
uint32_t tsc_khz;
uint32_t boot_time;
static uint64_t next_alarm; /* earliest alarm tick, 0 = none */

static void fire_alarms(void)
{
	next_alarm = 0;
	for (int s = 0; s < NR_PROCS; s++) {
		struct proc *p = &proc_table[s];
		if ((p->rts & (RTS_FREE | RTS_ZOMBIE)) || !p->alarm_at)
			continue;
		if (p->alarm_at <= clock_ticks) {
			p->alarm_at = 0;
			notify_from_kernel(p, CLOCK, 0);
		} else if (!next_alarm || p->alarm_at < next_alarm) {
			next_alarm = p->alarm_at;
		}
	}
}

void clock_alarm_changed(uint64_t at)
{
	if (at && (!next_alarm || at < next_alarm))
		next_alarm = at;
}

void clock_tick(void)
{
	clock_ticks++;
	if (current) {
		current->user_ticks++;
		sched_tick(current);
	}
	if (next_alarm && next_alarm <= clock_ticks)
		fire_alarms();
}

void clock_init(void)
{
	pit_init(HZ);
	pic_unmask(0);
	/* The TSC's rate by the PIT's channel 2 (pit.c), or else over a
	 * few ticks (interrupts on, while idle). */
	tsc_khz = pit_tsc_khz();
	if (tsc_khz == 0) {
		uint64_t t0 = clock_ticks;
		while (clock_ticks == t0)
			cpu_idle();
		uint64_t c0 = rdtsc(), start = clock_ticks;
		while (clock_ticks < start + 5)
			cpu_idle();
		tsc_khz = (uint32_t)((rdtsc() - c0) * HZ / 5 / 1000);
	}
	boot_time = rtc_read();
	kprintf("clock: %d Hz, TSC %u kHz\n", HZ, tsc_khz);
}
