// SPDX-License-Identifier: BSD-2-Clause
/* sys_umap: the physical address of our byte at vaddr, and how many
 * bytes from there (up to len) are physically contiguous. */
#include "memcall.h"

int sys_umap(const void *vaddr, uint32_t len, uint32_t *phys, uint32_t *contig)
{
	return mem_call(SYS_UMAP, vaddr, len, phys, contig);
}
