// SPDX-License-Identifier: BSD-2-Clause
/*
 * The 8254 programmable interval timer: channel 0 as the clock, a
 * square wave at `hz` interrupts per second on IRQ 0; channel 2 once,
 * to measure the TSC's rate.
 *
 * pit_tsc_khz reads the TSC and channel 2's count together, twice,
 * about 20 ms of counting apart (channel 2 free-running, gate on by
 * port 0x61's bit 0, speaker off), three times, and takes the middle
 * rate.  Counting clock interrupts instead depends on when they
 * arrive, and under an emulator on a busy host they come late: five
 * ticks once held 52 % too many cycles.  Here only a pause of the
 * whole machine between a TSC read and the count read next to it can
 * spoil a measurement.  A machine whose channel 2 does not count gets
 * 0, and the caller falls back on the ticks.
 */
#include "arch.h"

#define PIT_FREQ 1193182u
#define PIT_CH0 0x40
#define PIT_CH2 0x42
#define PIT_CMD 0x43
#define PIT_GATE 0x61 /* bit 0: channel 2's gate, 1: speaker, 5: output */
#define PIT_POLLS 50000000u
#define PIT_SPAN 24000u /* counts per measurement: about 20 ms */

void pit_init(unsigned hz)
{
	uint32_t div = PIT_FREQ / hz;
	outb(PIT_CMD, 0x36); /* channel 0, lobyte/hibyte, mode 3 */
	outb(PIT_CH0, div & 0xff);
	outb(PIT_CH0, (div >> 8) & 0xff);
}

/* Channel 2's count now (latched, so both bytes are of one moment). */
static uint16_t ch2_count(void)
{
	outb(PIT_CMD, 0x80);
	uint8_t lo = inb(PIT_CH2);
	return (uint16_t)(lo | inb(PIT_CH2) << 8);
}

uint32_t pit_tsc_khz(void)
{
	uint32_t khz[3];
	outb(PIT_GATE, (uint8_t)((inb(PIT_GATE) & ~0x02) | 0x01));
	outb(PIT_CMD, 0xb4); /* channel 2, lobyte/hibyte, mode 2 */
	outb(PIT_CH2, 0xff);
	outb(PIT_CH2, 0xff); /* counts down from 65535, again and again */
	for (int k = 0; k < 3; k++) {
		uint64_t t0 = rdtsc(), t1 = t0;
		uint16_t c0 = ch2_count(), gone = 0;
		for (uint32_t i = 0; i < PIT_POLLS && gone < PIT_SPAN; i++) {
			t1 = rdtsc();
			gone = (uint16_t)(c0 - ch2_count());
		}
		if (gone < PIT_SPAN)
			return 0; /* it does not count */
		khz[k] = (uint32_t)((t1 - t0) * PIT_FREQ / gone / 1000);
	}
	/* The middle one: a host that stopped us between a TSC read and
	 * the count's spoils one measurement, not the rate. */
	uint32_t lo = khz[0] < khz[1] ? khz[0] : khz[1];
	uint32_t hi = khz[0] < khz[1] ? khz[1] : khz[0];
	return khz[2] < lo ? lo : khz[2] > hi ? hi : khz[2];
}
