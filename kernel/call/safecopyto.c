// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_SAFECOPYTO: copy `len` bytes from the caller's buffer to `offset`
 * of a grant the caller holds.  Nothing is copied unless the grant
 * allows writing the whole range and the caller's buffer is readable.
 */
#include "grant.h"
#include "kcall.h"
#include "vm.h"

int do_safecopyto(struct proc *caller, message_t *m)
{
	struct kc_safecopy *a = KC_ARGS(m, kc_safecopy);
	struct proc *owner;
	uint32_t addr;
	int r = grant_check(caller, a->granter, a->gid, a->offset, a->len,
			    GF_WRITE, &owner, &addr);
	if (r < 0)
		return r;
	return as_copy(owner->pd, addr, caller->pd, a->addr, a->len);
}
