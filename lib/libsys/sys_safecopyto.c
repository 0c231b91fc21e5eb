// SPDX-License-Identifier: BSD-2-Clause
/* sys_safecopyto: copy from our buffer into a grant we hold. */
#include "safecopy.h"

int sys_safecopyto(endpoint_t granter, grant_id_t gid, uint32_t offset,
		   const void *src, uint32_t len)
{
	return safecopy_call(SYS_SAFECOPYTO, granter, gid, offset,
			     (uint32_t)(uintptr_t)src, len);
}
