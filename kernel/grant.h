/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Checking a grant (see abi/grant.h for the rules).
 *
 * grant_check() follows (granter, gid) for `user`, who wants `access`
 * (GF_READ and/or GF_WRITE) to [offset, offset+len) of it.  On success
 * it gives the process whose memory that is and the address there.  A
 * refusal is counted and logged as a DENY_GRANT of `user` and returns
 * -EPERM; a granter that is not a living process gives its endpoint
 * error.
 */
#pragma once

#include "abi/grant.h"
#include "proc.h"

int grant_check(struct proc *user, endpoint_t granter, grant_id_t gid,
		uint32_t offset, uint32_t len, uint32_t access,
		struct proc **owner, uint32_t *addr);
