// SPDX-License-Identifier: BSD-2-Clause
/* sys_dmaalloc: contiguous memory at vaddr; *phys gets its address. */
#include "memcall.h"

int sys_dmaalloc(void *vaddr, uint32_t len, uint32_t *phys)
{
	return mem_call(SYS_DMAALLOC, vaddr, len, phys, 0);
}
