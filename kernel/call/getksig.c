// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_GETKSIG: a manager collects one piece of news about a process it
 * manages: that it faulted (it stays stopped until the manager ends it
 * with SYS_EXIT), that it ended by itself (its slot is then freed), or
 * that signals were raised for it with KILL.
 * The kernel tells the manager there is news with a SYSTEM notification.
 */
#include "kcall.h"
#include "lib.h"

int do_getksig(struct proc *caller, message_t *m)
{
	struct kc_getksig *a = KC_ARGS(m, kc_getksig);
	memset(a, 0, sizeof(*a));
	a->who = NONE;
	for (int s = 0; s < NR_PROCS; s++) {
		struct proc *p = &proc_table[s];
		if ((p->rts & RTS_FREE) || p->manager != caller->ep ||
		    (p->ksig.kind == KSIG_NONE && !p->ksigs))
			continue;
		if (p->ksig.kind == KSIG_NONE) { /* signals only */
			a->who = p->ep;
			a->kind = KSIG_SIGNAL;
			a->status = (int32_t)p->ksigs;
			memcpy(a->name, p->name, sizeof(a->name));
			p->ksigs = 0;
			break;
		}
		a->who = p->ep;
		a->kind = p->ksig.kind;
		a->vector = p->ksig.vector;
		a->eip = p->ksig.eip;
		a->addr = p->ksig.addr;
		a->status = p->ksig.status;
		a->user_ticks = p->user_ticks;
		memcpy(a->name, p->name, sizeof(a->name));
		p->ksig.kind = KSIG_NONE;
		if (p->rts & RTS_ZOMBIE)
			proc_free(p);
		break;
	}
	return 0;
}
