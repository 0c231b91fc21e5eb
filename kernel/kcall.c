// SPDX-License-Identifier: BSD-2-Clause
/*
 * The kernel-call entry: check the call number and the caller's bitmap
 * first (before reading any argument), then copy the message in, run the
 * handler from the table generated from abi/kcalls.h, and copy the
 * message back.
 */
#include "kcall.h"

#include "abi/errno.h"
#include "counters.h"
#include "deny.h"
#include "priv.h"
#include "vm.h"

struct kinfo_counters counters;

typedef int (*kcall_fn)(struct proc *, message_t *);

static const kcall_fn kcall_table[NR_KCALLS] = {
#define KCALL_ENTRY(NAME, name) [SYS_##NAME] = do_##name,
	KCALL_LIST(KCALL_ENTRY)
#undef KCALL_ENTRY
};

static const char *const kcall_names[NR_KCALLS] = {
#define KCALL_NAME(NAME, name) [SYS_##NAME] = #NAME,
	KCALL_LIST(KCALL_NAME)
#undef KCALL_NAME
};

const char *kcall_name(uint32_t nr)
{
	return nr < NR_KCALLS ? kcall_names[nr] : "?";
}

void kcall_trap(struct proc *caller, uint32_t nr, uint32_t msg)
{
	message_t m;
	int r;
	if (nr >= NR_KCALLS)
		r = -EBADCALL;
	else if (!priv_may_call(caller, nr))
		r = deny(caller, DENY_KCALL, nr, -ECALLDENIED);
	else if (!as_range_ok(caller->pd, msg, sizeof(m), true) ||
		 as_read(caller->pd, msg, &m, sizeof(m)) < 0)
		r = -EFAULT;
	else {
		m.m_source = caller->ep;
		m.m_type = (int32_t)nr;
		r = kcall_table[nr](caller, &m);
		if (r == KC_GONE)
			return;
		as_write(caller->pd, msg, &m, sizeof(m));
	}
	caller->regs.eax = (uint32_t)r;
}
