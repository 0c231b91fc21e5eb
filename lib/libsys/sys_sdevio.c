// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_sdevio: string I/O between a port and a grant (granter = SELF:
 * `offset` is an address in our own memory).
 */
#include "libsys.h"

int sys_sdevio(uint32_t port, uint32_t flags, endpoint_t granter,
	       grant_id_t gid, uint32_t offset, uint32_t len)
{
	message_t m;
	struct kc_sdevio *a = KC_ARGS(&m, kc_sdevio);
	a->port = port;
	a->flags = flags;
	a->granter = granter;
	a->gid = gid;
	a->offset = offset;
	a->len = len;
	return kcall(SYS_SDEVIO, &m);
}
