// SPDX-License-Identifier: BSD-2-Clause
/* sys_safecopyfrom: copy from a grant we hold into our buffer. */
#include "safecopy.h"

int sys_safecopyfrom(endpoint_t granter, grant_id_t gid, uint32_t offset,
		     void *dst, uint32_t len)
{
	return safecopy_call(SYS_SAFECOPYFROM, granter, gid, offset,
			     (uint32_t)(uintptr_t)dst, len);
}
