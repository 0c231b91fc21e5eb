/* SPDX-License-Identifier: BSD-2-Clause */
/* The one message layout DMAALLOC, UMAP and MAPPHYS share. */
#pragma once

#include "libsys.h"

static inline int mem_call(int nr, const void *vaddr, uint32_t len,
			   uint32_t *phys, uint32_t *contig)
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
