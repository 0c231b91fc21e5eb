// SPDX-License-Identifier: BSD-2-Clause
/*
 * The caller's grant table (see abi/grant.h).
 *
 * GRANT_LIB_ENTRIES slots in the program's own memory, registered with
 * SETGRANT on first use.  Making a grant fills a free slot with a new
 * sequence number and sets GF_VALID last, so the kernel never sees a
 * half-made entry; revoking clears GF_VALID.  A slot's sequence number
 * moves on each time it is reused, so an old grant id stops working.
 */
#include "libsys.h"

#define GRANT_LIB_ENTRIES 256

static struct grant_entry table[GRANT_LIB_ENTRIES];
static int registered;

static int free_slot(void)
{
	if (!registered) {
		int r = sys_setgrant(table, GRANT_LIB_ENTRIES);
		if (r < 0)
			return r;
		registered = 1;
	}
	for (int s = 0; s < GRANT_LIB_ENTRIES; s++)
		if (!(table[s].flags & GF_VALID))
			return s;
	return -ENOMEM;
}

static grant_id_t fill(int slot, struct grant_entry e)
{
	e.seq = table[slot].seq >= GRANT_SEQ_MAX ? 1 : table[slot].seq + 1;
	e.flags |= GF_VALID;
	uint32_t flags = e.flags;
	e.flags = 0;
	table[slot] = e;
	__asm__ volatile("" ::: "memory");
	table[slot].flags = flags;
	return GRANT_ID(e.seq, (uint32_t)slot);
}

grant_id_t grant_create(endpoint_t grantee, const void *base, uint32_t len,
			uint32_t access)
{
	if (access & ~(GF_READ | GF_WRITE))
		return -EINVAL;
	int s = free_slot();
	if (s < 0)
		return s;
	struct grant_entry e = {.flags = access,
				.grantee = grantee,
				.base = (uint32_t)(uintptr_t)base,
				.len = len};
	return fill(s, e);
}

grant_id_t grant_create_indirect(endpoint_t grantee, endpoint_t owner,
				 grant_id_t ref, uint32_t offset, uint32_t len,
				 uint32_t access)
{
	if (access & ~(GF_READ | GF_WRITE))
		return -EINVAL;
	int s = free_slot();
	if (s < 0)
		return s;
	struct grant_entry e = {.flags = access | GF_INDIRECT,
				.grantee = grantee,
				.owner = owner,
				.ref = ref,
				.base = offset,
				.len = len};
	return fill(s, e);
}

int grant_revoke(grant_id_t gid)
{
	uint32_t s = GRANT_SLOT(gid);
	if (gid < 0 || s >= GRANT_LIB_ENTRIES || !(table[s].flags & GF_VALID) ||
	    table[s].seq != GRANT_SEQ(gid))
		return -EINVAL;
	table[s].flags = 0;
	return 0;
}
