// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_KILL: raise a signal for a process.  The kernel does not act on
 * it: it records the signal and tells the process's manager (PM for
 * user processes, RS for services), who collects it with GETKSIG and
 * decides.  A process with no manager cannot be signalled.
 */
#include "abi/errno.h"
#include "ipc.h"
#include "kcall.h"

int do_kill(struct proc *caller, message_t *m)
{
	struct kc_kill *a = KC_ARGS(m, kc_kill);
	struct proc *p, *mgr;
	(void)caller;
	if (a->sig == 0 || a->sig > 31)
		return -EINVAL;
	int r = ep_check(a->who, &p);
	if (r < 0)
		return r;
	if (ep_check(p->manager, &mgr) < 0)
		return -ESRCH;
	p->ksigs |= 1u << a->sig;
	notify_from_kernel(mgr, SYSTEM, 1);
	return 0;
}
