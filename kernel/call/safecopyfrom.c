// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_SAFECOPYFROM: copy `len` bytes at `offset` of a grant the caller
 * holds into the caller's buffer.  Nothing is copied unless the grant
 * allows reading the whole range and the caller's buffer is writable.
 */
#include "grant.h"
#include "kcall.h"
#include "vm.h"

int do_safecopyfrom(struct proc *caller, message_t *m)
{
	struct kc_safecopy *a = KC_ARGS(m, kc_safecopy);
	struct proc *owner;
	uint32_t addr;
	int r = grant_check(caller, a->granter, a->gid, a->offset, a->len,
			    GF_READ, &owner, &addr);
	if (r < 0)
		return r;
	return as_copy(caller->pd, a->addr, owner->pd, addr, a->len);
}
