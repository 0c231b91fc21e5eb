/* SPDX-License-Identifier: BSD-2-Clause */
/* The one message layout the three grant-copy wrappers share. */
#pragma once

#include "libsys.h"

static inline int safecopy_call(int nr, endpoint_t granter, grant_id_t gid,
				uint32_t offset, uint32_t addr, uint32_t len)
{
	message_t m;
	struct kc_safecopy *a = KC_ARGS(&m, kc_safecopy);
	a->granter = granter;
	a->gid = gid;
	a->offset = offset;
	a->addr = addr;
	a->len = len;
	return kcall(nr, &m);
}
