// SPDX-License-Identifier: BSD-2-Clause
/*
 * Memory for drivers: sys_dmaalloc (contiguous memory at vaddr, its
 * physical address in *phys), sys_umap (physical address of our own
 * byte, and how far it is contiguous), sys_mapphys (map an allowed
 * physical range at vaddr).  One file: they share a message layout.
 */
#include "libsys.h"

static int mem_call(int nr, void *vaddr, uint32_t len, uint32_t *phys,
		    uint32_t *contig)
{
	message_t m;
	struct kc_mem *a = KC_ARGS(&m, kc_mem);
	a->vaddr = (uint32_t)(uintptr_t)vaddr;
	a->len = len;
	a->phys = *phys;
	int r = kcall(nr, &m);
	if (r == 0) {
		*phys = a->phys;
		if (contig)
			*contig = a->contig;
	}
	return r;
}

int sys_dmaalloc(void *vaddr, uint32_t len, uint32_t *phys)
{
	return mem_call(SYS_DMAALLOC, vaddr, len, phys, 0);
}

int sys_umap(const void *vaddr, uint32_t len, uint32_t *phys, uint32_t *contig)
{
	return mem_call(SYS_UMAP, (void *)vaddr, len, phys, contig);
}

int sys_mapphys(void *vaddr, uint32_t phys, uint32_t len)
{
	return mem_call(SYS_MAPPHYS, vaddr, len, &phys, 0);
}
