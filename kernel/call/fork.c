// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_FORK: copy the caller into a new process.
 *
 * The child gets a copy of every page, the same registers and
 * privileges, a fresh endpoint (the slot's generation moves on), and the
 * caller as its manager.  Both return from the call: the caller with the
 * child's endpoint in the message, the child with NONE there.  Nothing
 * changes unless everything could be allocated.
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
	uint32_t pd;
	struct proc *child = proc_alloc();
	if (!child)
		return -EAGAIN;
	if (as_fork(caller->pd, &pd) < 0) {
		proc_free(child);
		return -ENOMEM;
	}
	child->pd = pd;
	child->regs = caller->regs;
	child->regs.eax = 0;
	fpu_sync(caller);
	memcpy(child->fpu, caller->fpu, sizeof(child->fpu));
	memcpy(child->name, caller->name, sizeof(child->name));
	priv_inherit(caller, child);
	child->grant_table = caller->grant_table;
	child->grant_count = caller->grant_count;
	child->prio = caller->prio;
	child->quantum = child->ticks_left = caller->quantum;
	child->manager = caller->ep;

	a->child = NONE;
	m->m_source = child->ep;
	as_write(pd, caller->regs.ebx, m, sizeof(*m)); /* the child's reply */
	a->child = child->ep;
	sched_unblock(child, RTS_INIT);
	return 0;
}
