// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_SAFEMEMSET: fill `len` bytes at `offset` of a grant the caller
 * holds with one byte (given in `addr`).  Needs write access.
 */
#include "abi/errno.h"
#include "grant.h"
#include "kcall.h"
#include "vm.h"

int do_safememset(struct proc *caller, message_t *m)
{
	struct kc_safecopy *a = KC_ARGS(m, kc_safecopy);
	struct proc *owner;
	uint32_t addr;
	if (a->addr > 0xff)
		return -EINVAL;
	int r = grant_check(caller, a->granter, a->gid, a->offset, a->len,
			    GF_WRITE, &owner, &addr);
	if (r < 0)
		return r;
	return as_memset(owner->pd, addr, (uint8_t)a->addr, a->len);
}
