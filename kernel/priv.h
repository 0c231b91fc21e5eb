/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Privilege checks, one predicate per kind of resource: IPC primitives,
 * kernel calls, I/O ports, physical memory and IPC targets.  Every path
 * into the kernel asks here before acting, and every refusal is a
 * counted, logged denial (deny.c).
 */
#pragma once

#include <stdbool.h>

#include "abi/ipc.h"
#include "abi/kcalls.h"
#include "proc.h"

#define TRAPS_ALL IPC_TRAPS_ALL

/* What every user process may call: end itself, read the clock,
 * register its own grant table (needed to pass any buffer to a server)
 * and copy through grants made to it (the C library checks pointers
 * with self grants, see grant.c). */
#define PRIV_USER_CALLS                                                        \
	(KCALL_BIT(SYS_EXIT) | KCALL_BIT(SYS_TIMES) |                          \
	 KCALL_BIT(SYS_SETGRANT) | KCALL_BIT(SYS_SAFECOPYFROM) |               \
	 KCALL_BIT(SYS_SAFECOPYTO))

static inline bool priv_may_trap(const struct proc *p, uint32_t prim)
{
	return (p->priv.traps >> prim) & 1;
}

static inline bool priv_may_call(const struct proc *p, uint32_t nr)
{
	return (p->priv.calls >> nr) & 1;
}

/* May p use ports [port, port + size)? */
static inline bool priv_may_io(const struct proc *p, uint32_t port,
			       uint32_t size)
{
	for (int i = 0; i < p->priv.nr_io; i++)
		if (port >= p->priv.io[i].first &&
		    port + size - 1 <= p->priv.io[i].last)
			return true;
	return false;
}

/* May p map physical [base, base + len)? (len > 0, no wrap) */
static inline bool priv_may_map(const struct proc *p, uint32_t base,
				uint32_t len)
{
	for (int i = 0; i < p->priv.nr_mem; i++) {
		const struct priv_mem *r = &p->priv.mem[i];
		if (base >= r->base && base - r->base <= r->len &&
		    len <= r->len - (base - r->base))
			return true;
	}
	return false;
}

/* May p send to `to`?  Users reach servers only; system processes
 * need the target's slot bit, or PRIV_TO_USERS for a user process. */
static inline bool priv_may_send(const struct proc *p, const struct proc *to)
{
	if (!(p->priv.flags & PRIV_SYSTEM))
		return to->priv.flags & PRIV_SERVER;
	if (!(to->priv.flags & PRIV_SYSTEM))
		return p->priv.flags & PRIV_TO_USERS;
	int s = EP_SLOT(to->ep);
	return (p->priv.ipc_to[s / 32] >> (s % 32)) & 1;
}

void priv_set_target(struct proc *p, struct proc *to, bool on);
void priv_inherit(struct proc *parent, struct proc *child);
void priv_forget(struct proc *p);
void priv_install(struct proc *p, const struct priv_desc *d);
