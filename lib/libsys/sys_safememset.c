// SPDX-License-Identifier: BSD-2-Clause
/* sys_safememset: fill part of a grant we hold with one byte. */
#include "safecopy.h"

int sys_safememset(endpoint_t granter, grant_id_t gid, uint32_t offset,
		   uint8_t byte, uint32_t len)
{
	return safecopy_call(SYS_SAFEMEMSET, granter, gid, offset, byte, len);
}
