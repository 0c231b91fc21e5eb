/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Privilege checks, one predicate per kind of resource.  Every path into
 * the kernel asks here before acting.  The primitive mask and the
 * kernel-call bitmap are enforced now; the isolation issue adds IPC
 * targets, I/O ports, IRQ lines and memory ranges (each with a counted,
 * logged denial).
 */
#pragma once

#include <stdbool.h>

#include "abi/ipc.h"
#include "abi/kcalls.h"
#include "proc.h"

#define TRAPS_ALL                                                              \
	((1u << SEND) | (1u << RECEIVE) | (1u << SENDREC) | (1u << NOTIFY) |   \
	 (1u << SENDNB))

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

/* IPC targets are not restricted yet: every process may send to every
 * other.  The isolation issue replaces this with a per-target bitmap. */
static inline bool priv_may_send(const struct proc *p, const struct proc *to)
{
	(void)p;
	(void)to;
	return true;
}
