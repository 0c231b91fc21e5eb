/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Memory grants: how one process lets another read or write a piece of
 * its memory, and nothing else.
 *
 * A process keeps a table of grant entries in its own memory and tells
 * the kernel where it is (SETGRANT).  A grant id names a slot and the
 * slot's sequence number at the time the grant was made, so once a slot
 * is revoked and reused the old id no longer matches.  On every SAFECOPY
 * the kernel re-reads the entry and checks: valid, same sequence, the
 * caller is the grantee, the access (read/write) is granted, and the
 * range lies inside the grant (overflow-safe).  Revoking is clearing
 * GF_VALID: O(1), and effective at once.
 *
 * An indirect grant passes on part of a grant the granter itself holds
 * from `owner`: [base, base+len) of grant `ref`.  It can narrow the range
 * and the access, never widen them, since every level is checked.
 * Chains are at most GRANT_MAX_DEPTH long.
 *
 * A self grant (grantee SELF) may be used only by its granter, who names
 * SELF as the granter too: a program copying its own memory with the
 * kernel's checks (the C library does, to turn a bad pointer into
 * EFAULT).  No grant reaches GRANT_USER_TOP, where the kernel begins.
 */
#pragma once

#include <stdint.h>

#include "endpoint.h"
#include "message.h"

typedef int32_t grant_id_t;

#define GRANT_INVALID (-1)
#define GRANT_SLOT_BITS 12
#define GRANT_MAX_ENTRIES (1 << GRANT_SLOT_BITS)
#define GRANT_SEQ_MAX ((1u << (31 - GRANT_SLOT_BITS)) - 1)
#define GRANT_ID(seq, slot) ((grant_id_t)(((seq) << GRANT_SLOT_BITS) | (slot)))
#define GRANT_SLOT(id) ((uint32_t)(id) & (GRANT_MAX_ENTRIES - 1))
#define GRANT_SEQ(id) ((uint32_t)(id) >> GRANT_SLOT_BITS)
#define GRANT_MAX_DEPTH 4
#define GRANT_USER_TOP 0xC0000000u

#define GF_VALID 0x1
#define GF_READ 0x2	/* the grantee may copy from it */
#define GF_WRITE 0x4	/* the grantee may copy to it */
#define GF_INDIRECT 0x8 /* passes on part of grant `ref` from `owner` */

struct grant_entry {
	uint32_t flags;
	uint32_t seq;
	endpoint_t grantee;
	endpoint_t owner; /* GF_INDIRECT only */
	grant_id_t ref;	  /* GF_INDIRECT only */
	uint32_t base;	  /* address; GF_INDIRECT: offset into `ref` */
	uint32_t len;
};
