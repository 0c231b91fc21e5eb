// SPDX-License-Identifier: BSD-2-Clause
/*
 * Process slots: allocation, endpoint checks, and the two ways a process
 * ends -- it exits, or it faults and its manager decides.
 *
 * Rules:
 *  - A slot's generation goes up each time the slot is reused, so old
 *    endpoints stop matching (ep_check() refuses them).
 *  - A process that ends while it has a live manager stays a ZOMBIE until
 *    the manager collects the news with GETKSIG; with no manager its slot
 *    is freed at once.
 *  - A process that faults is STOPPED and its manager is told; with no
 *    manager it simply ends.  Either way the rest of the system runs on.
 */
#include "proc.h"

#include "abi/errno.h"
#include "arch/i386/fpu.h"
#include "clock.h"
#include "dma.h"
#include "ipc.h"
#include "irq.h"
#include "lib.h"
#include "priv.h"
#include "sched.h"
#include "vm.h"

struct proc proc_table[NR_PROCS];
struct proc *current;
static bool slot_used[NR_PROCS];

struct proc *proc_alloc(void)
{
	for (int s = 0; s < NR_PROCS; s++) {
		struct proc *p = &proc_table[s];
		if (!(p->rts & RTS_FREE))
			continue;
		uint32_t gen = p->gen;
		if (slot_used[s])
			gen = gen >= EP_MAX_GEN ? 1 : gen + 1;
		slot_used[s] = true;
		memset(p, 0, sizeof(*p));
		p->gen = gen;
		p->ep = EP_MAKE(gen, s);
		p->rts = RTS_INIT;
		p->manager = NONE;
		fpu_fresh(p);
		return p;
	}
	return 0;
}

int ep_check(endpoint_t ep, struct proc **out)
{
	if (ep < 0 || EP_GEN(ep) > EP_MAX_GEN || EP_SLOT(ep) >= NR_PROCS)
		return -EBADEPT;
	struct proc *p = &proc_table[EP_SLOT(ep)];
	if ((p->rts & (RTS_FREE | RTS_ZOMBIE)) || p->ep != ep)
		return -EDEADEPT;
	*out = p;
	return 0;
}

struct proc *ep_proc(endpoint_t ep)
{
	struct proc *p = 0;
	return ep_check(ep, &p) == 0 ? p : 0;
}

void proc_free(struct proc *p)
{
	p->rts = RTS_FREE;
}

static void tell_manager(struct proc *p)
{
	struct proc *m = ep_proc(p->manager);
	if (m)
		notify_from_kernel(m, SYSTEM, 1);
}

/* Processes managed by p lose their manager; the news they held for it
 * is dropped, and a stopped one is ended. */
static void orphan_managed(struct proc *p)
{
	for (int s = 0; s < NR_PROCS; s++) {
		struct proc *q = &proc_table[s];
		if ((q->rts & RTS_FREE) || q->manager != p->ep)
			continue;
		q->manager = NONE;
		if (q->rts & RTS_ZOMBIE)
			proc_free(q);
		else if (q->rts & RTS_STOPPED)
			proc_exit(q, 0);
	}
}

void proc_exit(struct proc *p, int status)
{
	if (p->core)
		kprintf("kernel: core server %s has died (status %d); the "
			"system cannot recover it\n",
			p->name, status);
	ipc_cleanup(p);
	irq_release(p);
	priv_forget(p);
	if (p->rts == 0)
		sched_remove(p);
	p->alarm_at = 0;
	if (current == p)
		write_cr3(vm_kernel_pd()); /* never run on a freed directory */
	fpu_forget(p);
	if (p->pd)
		as_destroy(p->pd);
	p->pd = 0;
	dma_gone(p->ep, p->name, p->devices);
	if (current == p)
		current = 0;
	orphan_managed(p);
	if (ep_proc(p->manager)) {
		p->rts = RTS_ZOMBIE;
		p->ksig.kind = KSIG_EXIT;
		p->ksig.status = status;
		tell_manager(p);
	} else {
		proc_free(p);
	}
}

static const char *const vector_names[] = {"#DE divide error",
					   "#DB debug",
					   "NMI",
					   "#BP breakpoint",
					   "#OF overflow",
					   "#BR bound",
					   "#UD invalid opcode",
					   "#NM no FPU",
					   "#DF double fault",
					   "coprocessor overrun",
					   "#TS bad TSS",
					   "#NP segment not present",
					   "#SS stack fault",
					   "#GP general protection",
					   "#PF page fault",
					   "reserved",
					   "#MF FPU error",
					   "#AC alignment check",
					   "#MC machine check",
					   "#XM SIMD error"};

void proc_fault(struct proc *p, int vector, uint32_t addr)
{
	const char *what = vector < (int)ARRAY_SIZE(vector_names)
				   ? vector_names[vector]
				   : "exception";
	kprintf("fault: %s (ep %d) vector %d (%s) eip 0x%08x addr 0x%08x\n",
		p->name, p->ep, vector, what, p->regs.eip, addr);
	if (!ep_proc(p->manager)) {
		proc_exit(p, 128 + vector);
		return;
	}
	sched_block(p, RTS_STOPPED);
	if (current == p)
		current = 0;
	p->ksig.kind = KSIG_FAULT;
	p->ksig.vector = vector;
	p->ksig.eip = p->regs.eip;
	p->ksig.addr = addr;
	tell_manager(p);
}

void proc_set_result(struct proc *p, int result)
{
	p->regs.eax = (uint32_t)result;
}
