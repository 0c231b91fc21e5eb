// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_TRACE: read or write a byte or word of another process's memory,
 * or one of its saved registers -- for debuggers and the fault injector,
 * and only for processes holding the call.  Memory writes go through
 * even to read-only pages (that is how a fault is injected into code).
 * Registers are those saved while the process is not running; of eflags
 * only the arithmetic flags, the direction and the trap flag can change,
 * never the interrupt flag or the I/O privilege level.  A process can
 * also be stopped and resumed (PM's job control, and a safe moment to
 * edit registers), and its scheduling state read: whether it is blocked
 * sending or receiving, or stopped (T_STATE, RTS_* bits).
 */
#include "abi/errno.h"
#include "kcall.h"
#include "lib.h"
#include "sched.h"
#include "vm.h"

#define EFLAGS_USER 0xcd5 /* CF PF AF ZF SF TF DF OF */

static uint32_t *reg(struct proc *p, uint32_t n)
{
	struct trapframe *f = &p->regs;
	uint32_t *regs[T_NR_REGS] = {&f->eax, &f->ebx,	 &f->ecx, &f->edx,
				     &f->esi, &f->edi,	 &f->ebp, &f->esp,
				     &f->eip, &f->eflags};
	return n < T_NR_REGS ? regs[n] : 0;
}

static int mem(struct proc *p, struct kc_trace *a, uint32_t size)
{
	if (a->addr & (size - 1))
		return -EINVAL; /* aligned, so it stays in one page */
	uint8_t *k = as_kaddr(p->pd, a->addr);
	if (!k || !as_range_ok(p->pd, a->addr, size, false))
		return -EFAULT;
	if (a->op == T_READB || a->op == T_READW) {
		a->data = 0;
		memcpy(&a->data, k, size);
	} else {
		memcpy(k, &a->data, size);
	}
	return 0;
}

int do_trace(struct proc *caller, message_t *m)
{
	struct kc_trace *a = KC_ARGS(m, kc_trace);
	struct proc *p;
	int r = ep_check(a->who == SELF ? caller->ep : a->who, &p);
	if (r < 0)
		return r;
	uint32_t *rp;
	switch (a->op) {
	case T_READB:
	case T_WRITEB:
		return mem(p, a, 1);
	case T_READW:
	case T_WRITEW:
		return mem(p, a, 4);
	case T_STOP:
		if (p == caller)
			return -EINVAL;
		if (!(p->rts & RTS_STOPPED))
			sched_block(p, RTS_STOPPED);
		return 0;
	case T_RESUME:
		if (p->ksig.kind == KSIG_FAULT)
			return -EBUSY; /* the fault news is not collected yet */
		if (p->rts & RTS_STOPPED)
			sched_unblock(p, RTS_STOPPED);
		return 0;
	case T_STATE:
		a->data = p->rts & (RTS_SENDING | RTS_RECEIVING | RTS_STOPPED);
		return 0;
	case T_GETREG:
	case T_SETREG:
		if (p == caller || !(rp = reg(p, a->addr)))
			return -EINVAL; /* our own are live, not saved */
		if (a->op == T_GETREG)
			a->data = *rp;
		else if (a->addr == T_REG_EFLAGS)
			*rp = (*rp & ~EFLAGS_USER) | (a->data & EFLAGS_USER);
		else
			*rp = a->data;
		return 0;
	default:
		return -EINVAL;
	}
}
