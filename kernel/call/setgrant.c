// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_SETGRANT: tell the kernel where the caller's grant table is.  The
 * table stays in the caller's memory; the kernel reads an entry each
 * time a grant is used, so the address is only checked for sanity here
 * (a bad entry later simply refuses the grant).
 */
#include "abi/errno.h"
#include "abi/grant.h"
#include "arch/i386/arch.h"
#include "kcall.h"

int do_setgrant(struct proc *caller, message_t *m)
{
	struct kc_setgrant *a = KC_ARGS(m, kc_setgrant);
	if (a->count > GRANT_MAX_ENTRIES)
		return -EINVAL;
	if (a->addr >= USER_TOP ||
	    a->count * sizeof(struct grant_entry) > USER_TOP - a->addr)
		return -EFAULT;
	caller->grant_table = a->addr;
	caller->grant_count = a->count;
	return 0;
}
