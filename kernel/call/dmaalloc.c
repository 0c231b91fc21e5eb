// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_DMAALLOC: physically contiguous, zeroed memory for a driver's DMA
 * buffers, mapped at the (page-aligned, unused) address the caller
 * chooses; the physical address comes back.  At most DMA_MAX bytes.
 * The memory is the caller's own: it goes when the caller does.
 */
#include "abi/errno.h"
#include "arch/i386/arch.h"
#include "frame.h"
#include "kcall.h"
#include "vm.h"

int do_dmaalloc(struct proc *caller, message_t *m)
{
	struct kc_mem *a = KC_ARGS(m, kc_mem);
	if (a->vaddr & ~PAGE_MASK || a->len == 0 || a->len > DMA_MAX)
		return -EINVAL;
	uint32_t n = (a->len + PAGE_SIZE - 1) / PAGE_SIZE;
	if (!as_unmapped(caller->pd, a->vaddr, n * PAGE_SIZE))
		return -EFAULT;
	uint32_t pa = frame_alloc_contig(n);
	if (!pa)
		return -ENOMEM;
	if (as_map(caller->pd, a->vaddr, pa, n, AS_WRITE) < 0) {
		for (uint32_t i = 0; i < n; i++)
			frame_free(pa + i * PAGE_SIZE);
		return -ENOMEM;
	}
	a->phys = pa;
	return 0;
}
