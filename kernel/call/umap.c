// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_UMAP: the physical address of a byte of the caller's own memory,
 * and how many bytes from there (up to len) are physically contiguous --
 * what a driver hands to a DMA engine.
 */
#include "abi/errno.h"
#include "arch/i386/arch.h"
#include "kcall.h"
#include "vm.h"

int do_umap(struct proc *caller, message_t *m)
{
	struct kc_mem *a = KC_ARGS(m, kc_mem);
	int64_t pa = as_phys(caller->pd, a->vaddr);
	if (pa < 0)
		return -EFAULT;
	uint32_t contig = PAGE_SIZE - (a->vaddr & ~PAGE_MASK);
	while (contig < a->len && a->vaddr + contig >= a->vaddr &&
	       as_phys(caller->pd, a->vaddr + contig) == pa + contig)
		contig += PAGE_SIZE;
	a->phys = (uint32_t)pa;
	a->contig = contig < a->len ? contig : a->len;
	return 0;
}
