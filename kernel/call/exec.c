// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_EXEC: the process manager starts a process it manages on the
 * program it has just built in its memory (SYS_MEMMAP): fresh registers
 * at the entry point and stack, a clean FPU, a new name, no alarm, and
 * no longer waiting for the manager's reply.
 */
#include "abi/errno.h"
#include "arch/i386/fpu.h"
#include "kcall.h"
#include "lib.h"
#include "sched.h"

int do_exec(struct proc *caller, message_t *m)
{
	struct kc_exec *a = KC_ARGS(m, kc_exec);
	struct proc *p;
	int r = ep_check(a->who, &p);
	if (r < 0)
		return r;
	if (p->manager != caller->ep || p == caller ||
	    p->rts != RTS_RECEIVING || p->getfrom != caller->ep)
		return -EPERM;
	if (a->eip >= USER_TOP || a->esp >= USER_TOP || a->esp < PAGE_SIZE)
		return -EINVAL;
	memset(&p->regs, 0, sizeof(p->regs));
	p->regs.cs = SEL_UCODE;
	p->regs.ds = p->regs.es = p->regs.fs = p->regs.gs = p->regs.ss =
		SEL_UDATA;
	p->regs.eflags = EFLAGS_IF | EFLAGS_RESERVED;
	p->regs.eip = a->eip;
	p->regs.esp = a->esp;
	fpu_forget(p);
	fpu_fresh(p);
	memcpy(p->name, a->name, sizeof(p->name));
	p->name[sizeof(p->name) - 1] = 0;
	p->alarm_at = 0;
	p->reply_pend = false;
	sched_unblock(p, RTS_RECEIVING);
	return 0;
}
