// SPDX-License-Identifier: BSD-2-Clause
/*
 * The interrupt descriptor table.
 *
 * Vectors 0-31 are CPU exceptions, 32-47 the two 8259s, IPC_VECTOR and
 * KCALL_VECTOR the two traps a process may raise (their gates have
 * DPL 3; any other `int n` from user mode is a general-protection fault).
 * All are interrupt gates, so the kernel always runs with interrupts off.
 */
#include "arch.h"

#include "abi/ipc.h"

#define NR_STUBS 50

extern const uint32_t trap_stubs[NR_STUBS];

static uint64_t idt[256];

static uint64_t gate(uint32_t handler, int dpl)
{
	uint64_t d = handler & 0xffff;
	d |= (uint64_t)SEL_KCODE << 16;
	d |= (uint64_t)(0x8e | (dpl << 5)) << 40;
	d |= (uint64_t)(handler >> 16) << 48;
	return d;
}

void idt_init(void)
{
	_Static_assert(IPC_VECTOR == 48 && KCALL_VECTOR == 49,
		       "trap.asm has stubs up to vector 49");
	for (int v = 0; v < NR_STUBS; v++)
		idt[v] = gate(trap_stubs[v], v >= IPC_VECTOR ? 3 : 0);

	struct {
		uint16_t limit;
		uint32_t base;
	} __attribute__((packed))
	idtr = {sizeof(idt) - 1, (uint32_t)(uintptr_t)idt};
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
