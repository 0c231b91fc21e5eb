// SPDX-License-Identifier: BSD-2-Clause
/* sys_mapphys: map physical [phys, phys + len) at vaddr. */
#include "memcall.h"

int sys_mapphys(void *vaddr, uint32_t phys, uint32_t len)
{
	return mem_call(SYS_MAPPHYS, vaddr, len, &phys, 0);
}
