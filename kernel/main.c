// SPDX-License-Identifier: BSD-2-Clause
/*
 * kmain: from the multiboot hand-over to the first process.
 *
 * Order matters: the log first (so anything after can complain), then
 * physical memory from the multiboot map (reserving the kernel, the boot
 * information and the modules), the direct map, the CPU tables, the
 * interrupt controller and clock, the process table, and finally the
 * boot processes, one per module.  Then the kernel only ever runs on
 * behalf of a trap.
 */
#include "arch/i386/arch.h"
#include "arch/i386/fpu.h"
#include "arch/i386/multiboot.h"
#include "boot.h"
#include "clock.h"
#include "frame.h"
#include "lib.h"
#include "proc.h"
#include "vm.h"

extern char _kernel_start[], _kernel_end[];
void trap_start(void) __attribute__((noreturn));

static void reserve_bytes(uint32_t pa, uint32_t len)
{
	frame_reserve(pa & PAGE_MASK, pa + len);
}

static void memory_init(const struct mb_info *mbi)
{
	if (!(mbi->flags & MB_INFO_MMAP))
		panic("boot: the boot loader gave no memory map");
	uint32_t off = 0;
	while (off + sizeof(struct mb_mmap) <= mbi->mmap_length) {
		const struct mb_mmap *e = P2V(mbi->mmap_addr + off);
		if (e->type == 1)
			frame_add(e->addr, e->addr + e->len);
		off += e->size + 4;
	}
	frame_reserve(0, 0x100000); /* BIOS data, VGA, ROMs */
	frame_reserve(V2P(_kernel_start), V2P(_kernel_end));
	reserve_bytes(V2P(mbi), sizeof(*mbi));
	if (mbi->flags & MB_INFO_MODS) {
		const struct mb_module *m = P2V(mbi->mods_addr);
		reserve_bytes(mbi->mods_addr, mbi->mods_count * sizeof(*m));
		for (uint32_t i = 0; i < mbi->mods_count; i++) {
			if (m[i].end > m[i].start)
				frame_reserve(m[i].start, m[i].end);
			if (m[i].cmdline)
				reserve_bytes(m[i].cmdline, 256);
		}
	}
	vm_init(frame_top());
	kprintf("memory: %u KiB free of %u KiB\n",
		frame_free_count() * (PAGE_SIZE / 1024), frame_top() / 1024);
}

static void proc_init(void)
{
	for (int s = 0; s < NR_PROCS; s++)
		proc_table[s].rts = RTS_FREE;
}

void kmain(uint32_t magic, uint32_t mbi_phys)
{
	serial_init();
	kprintf("Samsara kernel booting\n");
	if (magic != MULTIBOOT_BOOT_MAGIC)
		panic("boot: not started by a multiboot loader (0x%x)", magic);
	const struct mb_info *mbi = P2V(mbi_phys);
	if (mbi->flags & MB_INFO_CMDLINE) /* before its frame is reused */
		strlcpy(boot_cmdline, P2V(mbi->cmdline), sizeof(boot_cmdline));
	memory_init(mbi);
	gdt_init();
	fpu_init();
	idt_init();
	pic_init();
	clock_init();
	proc_init();
	if (mbi->flags & MB_INFO_MODS)
		boot_start_modules(P2V(mbi->mods_addr), mbi->mods_count);
	trap_start();
}
