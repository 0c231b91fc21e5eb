// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_EXIT: end the caller (who = SELF), or a process the caller manages
 * (for example one that faulted and was stopped).  A process ending by
 * itself leaves news for its manager; one ended by its manager does not.
 */
#include "abi/errno.h"
#include "kcall.h"

int do_exit(struct proc *caller, message_t *m)
{
	struct kc_exit *a = KC_ARGS(m, kc_exit);
	struct proc *p;
	if (a->who == SELF) {
		proc_exit(caller, a->status);
		return KC_GONE;
	}
	int r = ep_check(a->who, &p);
	if (r < 0)
		return r;
	if (p->manager != caller->ep)
		return -EPERM;
	p->manager = NONE;
	proc_exit(p, a->status);
	return 0;
}
