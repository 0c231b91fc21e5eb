// SPDX-License-Identifier: BSD-2-Clause
/*
 * Grant checking (see grant.h).  The entry is read from the granter's
 * memory on every use, so a revoke by the granter takes effect at once.
 * Each level of an indirect chain is checked in full: the one who passes
 * a grant on must be its grantee, and range and access must fit at
 * every level.
 *
 * A self grant (granter SELF, grantee SELF) names the caller's own
 * memory: it is how the C library copies a program's pointer arguments
 * with the kernel's check, so that a bad one is EFAULT, not SIGSEGV.
 */
#include "grant.h"

#include "abi/errno.h"
#include "arch/i386/arch.h"
#include "deny.h"
#include "vm.h"

_Static_assert(GRANT_USER_TOP == USER_TOP, "programs know where they end");

static int refuse(struct proc *user, grant_id_t gid)
{
	return deny(user, DENY_GRANT, (uint32_t)gid, -EPERM);
}

int grant_check(struct proc *user, endpoint_t granter, grant_id_t gid,
		uint32_t offset, uint32_t len, uint32_t access,
		struct proc **owner, uint32_t *addr)
{
	struct proc *want = user, *g;
	grant_id_t first = gid;
	if (granter == SELF)
		granter = user->ep;
	for (int depth = 0; depth < GRANT_MAX_DEPTH; depth++) {
		int r = ep_check(granter, &g);
		if (r < 0)
			return depth ? refuse(user, first) : r;
		struct grant_entry e;
		uint32_t slot = GRANT_SLOT(gid);
		if (gid < 0 || slot >= g->grant_count ||
		    as_read(g->pd, g->grant_table + slot * sizeof(e), &e,
			    sizeof(e)) < 0)
			return refuse(user, first);
		bool self = e.grantee == SELF && g == want;
		if (!(e.flags & GF_VALID) || e.seq != GRANT_SEQ(gid) ||
		    (e.grantee != want->ep && !self) ||
		    (e.flags & access) != access)
			return refuse(user, first);
		if (offset > e.len || len > e.len - offset)
			return refuse(user, first);
		if (!(e.flags & GF_INDIRECT)) {
			if ((uint64_t)e.base + e.len > USER_TOP)
				return refuse(user, first); /* wraps */
			*owner = g;
			*addr = e.base + offset;
			return 0;
		}
		if ((uint64_t)e.base + offset > UINT32_MAX)
			return refuse(user, first);
		want = g; /* g must hold the grant it passes on */
		granter = e.owner;
		gid = e.ref;
		offset += e.base;
	}
	return refuse(user, first);
}
