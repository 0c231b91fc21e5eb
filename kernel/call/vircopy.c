// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_VIRCOPY: copy between any two processes' memory, for the few
 * servers trusted with it (PM and VFS: exec, signal frames).  Everyone
 * else shares memory through grants.  All or nothing.
 */
#include "abi/errno.h"
#include "kcall.h"
#include "vm.h"

int do_vircopy(struct proc *caller, message_t *m)
{
	struct kc_vircopy *a = KC_ARGS(m, kc_vircopy);
	struct proc *src = caller, *dst = caller;
	int r;
	if (a->src != SELF && (r = ep_check(a->src, &src)) < 0)
		return r;
	if (a->dst != SELF && (r = ep_check(a->dst, &dst)) < 0)
		return r;
	return as_copy(dst->pd, a->dst_addr, src->pd, a->src_addr, a->len);
}
