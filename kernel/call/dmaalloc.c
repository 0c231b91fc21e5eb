// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_DMAALLOC: physically contiguous, zeroed memory for a driver's DMA
 * buffers, mapped at the (page-aligned, unused) address the caller
 * chooses; the physical address comes back.  At most DMA_MAX bytes a
 * call, from a pool shared by all (dma.h).  The memory is the caller's
 * while it lives; when it ends the memory is freed, or quarantined
 * until the PCI driver has turned off bus mastering for the caller's
 * devices (dma.h says which, and why).  Errors: EINVAL for a bad
 * address or length, EFAULT if the range is not free in the caller,
 * ENOMEM if the pool or memory is used up.
 */
#include "abi/errno.h"
#include "arch/i386/arch.h"
#include "dma.h"
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
	if (!dma_room(n))
		return -ENOMEM;
	uint32_t pa = frame_alloc_contig(n);
	if (!pa)
		return -ENOMEM;
	if (as_map(caller->pd, a->vaddr, pa, n, AS_WRITE | AS_DMA) < 0) {
		for (uint32_t i = 0; i < n; i++)
			frame_free(pa + i * PAGE_SIZE);
		return -ENOMEM;
	}
	dma_add(caller->ep, pa, n);
	a->phys = pa;
	return 0;
}
