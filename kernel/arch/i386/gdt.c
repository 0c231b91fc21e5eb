// SPDX-License-Identifier: BSD-2-Clause
/*
 * Segments and the task-state segment.
 *
 * Samsara uses flat segments: kernel code and data at ring 0, user code
 * and data at ring 3, all spanning the whole 4 GiB; protection comes from
 * paging.  The TSS is used only for esp0: where the CPU puts the trap
 * frame when a user process enters the kernel (the top of the one kernel
 * stack).  Its I/O bitmap is empty, so `in`/`out` from user mode fault.
 */
#include "arch.h"

struct tss {
	uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
} __attribute__((packed));

static struct tss tss;
static uint64_t gdt[6];

static uint64_t seg(uint32_t base, uint32_t limit, uint8_t access,
		    uint8_t flags)
{
	uint64_t d = limit & 0xffff;
	d |= (uint64_t)(base & 0xffffff) << 16;
	d |= (uint64_t)access << 40;
	d |= (uint64_t)((limit >> 16) & 0xf) << 48;
	d |= (uint64_t)(flags & 0xf) << 52;
	d |= (uint64_t)(base >> 24) << 56;
	return d;
}

void gdt_init(void)
{
	gdt[1] = seg(0, 0xfffff, 0x9a, 0xc); /* kernel code */
	gdt[2] = seg(0, 0xfffff, 0x92, 0xc); /* kernel data */
	gdt[3] = seg(0, 0xfffff, 0xfa, 0xc); /* user code */
	gdt[4] = seg(0, 0xfffff, 0xf2, 0xc); /* user data */
	tss.ss0 = SEL_KDATA;
	tss.iomap_base = sizeof(tss); /* no I/O bitmap: every port denied */
	gdt[5] = seg((uint32_t)(uintptr_t)&tss, sizeof(tss) - 1, 0x89, 0);

	struct {
		uint16_t limit;
		uint32_t base;
	} __attribute__((packed))
	gdtr = {sizeof(gdt) - 1, (uint32_t)(uintptr_t)gdt};
	__asm__ volatile("lgdt %0\n\t"
			 "ljmp $0x08, $1f\n"
			 "1:\n\t"
			 "mov $0x10, %%ax\n\t"
			 "mov %%ax, %%ds\n\t"
			 "mov %%ax, %%es\n\t"
			 "mov %%ax, %%fs\n\t"
			 "mov %%ax, %%gs\n\t"
			 "mov %%ax, %%ss\n\t"
			 "mov $0x28, %%ax\n\t"
			 "ltr %%ax"
			 :
			 : "m"(gdtr)
			 : "eax", "memory");
}

void tss_set_kstack(uint32_t esp0)
{
	tss.esp0 = esp0;
}
