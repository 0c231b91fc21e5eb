// SPDX-License-Identifier: BSD-2-Clause
/*
 * trap_dispatch: where every entry into the kernel lands (trap.asm).
 *
 * From user mode: save the process's registers, handle the exception,
 * interrupt, IPC or kernel call, then load the registers of whichever
 * process should run now into the frame, so that the return path resumes
 * it.  With nothing runnable the kernel idles here with interrupts on;
 * interrupts that arrive then are handled as kernel-mode traps and return
 * straight into the idle loop.
 *
 * An exception in kernel mode is a kernel bug: panic with the registers.
 */
#include "abi/ipc.h"
#include "arch/i386/arch.h"
#include "arch/i386/fpu.h"
#include "clock.h"
#include "counters.h"
#include "ipc.h"
#include "irq.h"
#include "kcall.h"
#include "lib.h"
#include "proc.h"
#include "sched.h"

static void kernel_trap(struct trapframe *f)
{
	if (f->vector >= IRQ_BASE && f->vector < IRQ_BASE + NR_IRQS) {
		irq_handle((int)f->vector - IRQ_BASE);
		return;
	}
	panic("exception %u in kernel: eip 0x%08x err 0x%x cr2 0x%08x "
	      "eax 0x%x ebx 0x%x ecx 0x%x edx 0x%x",
	      f->vector, f->eip, f->err, read_cr2(), f->eax, f->ebx, f->ecx,
	      f->edx);
}

static void user_trap(struct proc *p, struct trapframe *f)
{
	int r;
	if (f->vector < IRQ_BASE) {
		counters.faults++;
		proc_fault(p, (int)f->vector, f->vector == 14 ? read_cr2() : 0);
	} else if (f->vector < IRQ_BASE + NR_IRQS) {
		irq_handle((int)f->vector - IRQ_BASE);
	} else if (f->vector == IPC_VECTOR) {
		counters.ipc_calls++;
		r = ipc_trap(p, f->eax, (endpoint_t)f->ebx, f->ecx);
		if (r != IPC_SUSPEND)
			p->regs.eax = (uint32_t)r;
	} else {
		counters.kernel_calls++;
		kcall_trap(p, f->eax, f->ebx);
	}
}

void trap_dispatch(struct trapframe *f)
{
	if (!frame_from_user(f)) {
		kernel_trap(f);
		return;
	}
	struct proc *p = current;
	p->regs = *f;
	user_trap(p, f);

	struct proc *next;
	while (!(next = sched_pick())) {
		current = 0;
		cpu_idle();
	}
	if (next != p || !current)
		write_cr3(next->pd);
	current = next;
	fpu_switch(next);
	*f = next->regs;
}

/* Start the first process: called once by kmain(). */
void trap_start(void)
{
	extern char kstack_top[];
	uintptr_t top = (uintptr_t)kstack_top;
	struct trapframe *f = (struct trapframe *)(top - sizeof(*f));
	struct proc *next;
	tss_set_kstack((uint32_t)top);
	while (!(next = sched_pick()))
		cpu_idle();
	current = next;
	write_cr3(next->pd);
	fpu_switch(next);
	*f = next->regs;
	enter_frame(f);
}
