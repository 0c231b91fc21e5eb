// SPDX-License-Identifier: BSD-2-Clause
/*
 * Stopping the machine: reset through the keyboard controller, power-off
 * through the ports QEMU and Bochs listen on (ACPI on the PIIX4 PM block
 * and the old 0x604/0xb004 shortcuts), and QEMU's isa-debug-exit device
 * (port 0xf4), which the test harness uses to end a run with a code.
 * Each falls back to halting with interrupts off.
 */
#include "arch.h"

#define DEBUG_EXIT_PORT 0xf4

void machine_reset(void)
{
	for (int spin = 0; spin < 100000 && (inb(0x64) & 0x02); spin++)
		;
	outb(0x64, 0xfe); /* pulse the CPU reset line */
	cpu_halt_forever();
}

void machine_poweroff(void)
{
	outw(0x604, 0x2000);  /* QEMU (PIIX4 ACPI at 0x600) */
	outw(0xb004, 0x2000); /* Bochs and old QEMU */
	cpu_halt_forever();
}

void machine_debug_exit(uint32_t code)
{
	__asm__ volatile("outl %0, %1" : : "a"(code), "Nd"(DEBUG_EXIT_PORT));
	cpu_halt_forever();
}
