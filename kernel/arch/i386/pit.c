// SPDX-License-Identifier: BSD-2-Clause
/*
 * The 8254 programmable interval timer, channel 0, as the clock: a
 * square wave at `hz` interrupts per second on IRQ 0.
 */
#include "arch.h"

#define PIT_FREQ 1193182u
#define PIT_CH0 0x40
#define PIT_CMD 0x43

void pit_init(unsigned hz)
{
	uint32_t div = PIT_FREQ / hz;
	outb(PIT_CMD, 0x36); /* channel 0, lobyte/hibyte, mode 3 */
	outb(PIT_CH0, div & 0xff);
	outb(PIT_CH0, (div >> 8) & 0xff);
}
