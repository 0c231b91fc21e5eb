/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The i386 machine as the rest of the kernel sees it: the saved-register
 * frame, segment selectors, the address-space layout, and one-line
 * wrappers for the instructions C cannot express.
 *
 * Address space of every process:
 *   0x00000000 - 0x00000fff  never mapped (null pointers fault)
 *   0x00001000 - 0xbfffffff  the process's own pages (USER_TOP)
 *   0xc0000000 - ...         the kernel: a direct map of physical memory,
 *                            supervisor-only, the same in every directory
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#define KERNEL_BASE 0xC0000000u
#define USER_TOP 0xC0000000u
#define PAGE_SIZE 4096u
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define P2V(pa) ((void *)((uintptr_t)(pa) + KERNEL_BASE))
#define V2P(va) ((uint32_t)(uintptr_t)(va)-KERNEL_BASE)

#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_UCODE 0x1b
#define SEL_UDATA 0x23
#define SEL_TSS 0x28

#define EFLAGS_IF 0x200
#define EFLAGS_RESERVED 0x2

#define IRQ_BASE 32 /* vector of IRQ 0 */
#define NR_IRQS 16

/* Pushed by trap.asm; esp and ss are only valid for traps from user mode. */
struct trapframe {
	uint32_t gs, fs, es, ds;
	uint32_t edi, esi, ebp, esp_kernel, ebx, edx, ecx, eax;
	uint32_t vector, err;
	uint32_t eip, cs, eflags, esp, ss;
};

static inline bool frame_from_user(const struct trapframe *f)
{
	return (f->cs & 3) == 3;
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint32_t read_cr2(void)
{
	uint32_t v;
	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(uint32_t v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline uint64_t rdtsc(void)
{
	uint64_t v;
	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}

static inline void cpu_idle(void)
{
	__asm__ volatile("sti; hlt; cli" ::: "memory");
}

__attribute__((noreturn)) static inline void cpu_halt_forever(void)
{
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* Set up by the arch files; called once from kmain(). */
void gdt_init(void);
void idt_init(void);
void tss_set_kstack(uint32_t esp0);
void serial_init(void);
void serial_putc(char c);
void pic_init(void);
void pic_mask(int irq);
void pic_unmask(int irq);
void pic_eoi(int irq);
void pit_init(unsigned hz);
uint32_t pit_tsc_khz(void); /* the TSC's rate by channel 2; 0 if none */
void enter_frame(struct trapframe *f) __attribute__((noreturn));
void machine_reset(void) __attribute__((noreturn));
void machine_poweroff(void) __attribute__((noreturn));
void machine_debug_exit(uint32_t code) __attribute__((noreturn));
