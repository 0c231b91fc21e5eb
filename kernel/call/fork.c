// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_FORK: copy a process into a new one.
 *
 * parent = SELF: the caller copies itself, and both return from the
 * call: the caller with the child's endpoint in the message, the child
 * with NONE there.
 *
 * parent = another process: what the process manager does for fork(2).
 * That process must be waiting for the caller's reply (blocked in
 * SENDREC to it); the child is created waiting the same way, so the
 * caller answers both.
 *
 * parent = SELF with FORK_HELD: the child gets an empty address space
 * and is created waiting for the caller's reply, never having run -- a
 * blank the caller (RS) fills with a program through SYS_MEMMAP and
 * SYS_EXEC.
 *
 * The child gets a copy of every page (a blank: none), the registers
 * and privileges, a fresh endpoint (the slot's generation moves on),
 * and the caller as its manager.  Nothing changes unless everything
 * could be allocated.
 */
#include "abi/errno.h"
#include "arch/i386/fpu.h"
#include "kcall.h"
#include "lib.h"
#include "priv.h"
#include "sched.h"
#include "vm.h"

int do_fork(struct proc *caller, message_t *m)
{
	struct kc_fork *a = KC_ARGS(m, kc_fork);
	struct proc *parent = caller;
	uint32_t pd;
	if (a->flags & ~FORK_HELD || (a->flags && a->parent != SELF))
		return -EINVAL;
	if (a->parent != SELF) {
		int r = ep_check(a->parent, &parent);
		if (r < 0)
			return r;
		if (parent->rts != RTS_RECEIVING || !parent->reply_pend ||
		    parent->getfrom != caller->ep)
			return -EINVAL; /* not waiting for our reply */
	}
	struct proc *child = proc_alloc();
	if (!child)
		return -EAGAIN;
	if ((a->flags ? as_create(&pd) : as_fork(parent->pd, &pd)) < 0) {
		proc_free(child);
		return -ENOMEM;
	}
	child->pd = pd;
	child->regs = parent->regs;
	fpu_sync(parent);
	memcpy(child->fpu, parent->fpu, sizeof(child->fpu));
	memcpy(child->name, parent->name, sizeof(child->name));
	priv_inherit(parent, child);
	child->devices = parent->devices;
	child->grant_table = a->flags ? 0 : parent->grant_table;
	child->grant_count = a->flags ? 0 : parent->grant_count;
	child->prio = child->base_prio = parent->base_prio;
	child->quantum = child->ticks_left = parent->quantum;
	child->manager = caller->ep;

	if (parent != caller || a->flags) { /* waiting for the caller */
		child->reply_pend = true;
		child->getfrom = caller->ep;
		child->msg_uva =
			parent != caller ? parent->msg_uva : caller->regs.ebx;
		child->rts = RTS_INIT | RTS_RECEIVING;
	} else {
		child->regs.eax = 0;
		a->child = NONE;
		m->m_source = child->ep;
		as_write(pd, caller->regs.ebx, m, sizeof(*m)); /* its reply */
	}
	a->child = child->ep;
	sched_unblock(child, RTS_INIT);
	return 0;
}
