// SPDX-License-Identifier: BSD-2-Clause
/*
 * i386 two-level paging (see vm.h for the interface and its rules).
 *
 * The kernel directory maps physical memory 0 .. phys_top at KERNEL_BASE
 * with 4 MiB global pages, supervisor-only.  A process directory copies
 * those entries and adds its own page tables below USER_TOP.  Page tables
 * and pages are frames from the frame allocator, reached through the
 * direct map.
 */
#include "abi/errno.h"
#include "arch.h"
#include "frame.h"
#include "lib.h"
#include "vm.h"

#define PTE_P 0x001
#define PTE_W 0x002
#define PTE_U 0x004
#define PDE_PS 0x080
#define PTE_G 0x100
#define PTE_DEV 0x200 /* available bit: device memory, not ours */
#define PTE_DMA 0x400 /* available bit: DMA memory, dma.c's to free */
#define KERNEL_PDE (KERNEL_BASE >> 22)

static uint32_t kernel_pd;

static uint32_t *table(uint32_t pa)
{
	return P2V(pa & PAGE_MASK);
}

void vm_init(uint32_t phys_top)
{
	kernel_pd = frame_alloc();
	if (!kernel_pd)
		panic("vm: no memory for the kernel page directory");
	uint32_t *pd = table(kernel_pd);
	for (uint32_t pa = 0; pa < phys_top && pa < FRAME_MAX_PHYS;
	     pa += 0x400000)
		pd[KERNEL_PDE + (pa >> 22)] =
			pa | PTE_P | PTE_W | PDE_PS | PTE_G;
	uint32_t cr4;
	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4 | 0x90)); /* PSE, PGE */
	write_cr3(kernel_pd);
}

uint32_t vm_kernel_pd(void)
{
	return kernel_pd;
}

int as_create(uint32_t *pd)
{
	uint32_t f = frame_alloc();
	if (!f)
		return -ENOMEM;
	memcpy(table(f) + KERNEL_PDE, table(kernel_pd) + KERNEL_PDE,
	       (1024 - KERNEL_PDE) * 4);
	*pd = f;
	return 0;
}

void as_destroy(uint32_t pd)
{
	uint32_t *dir = table(pd);
	for (uint32_t i = 0; i < KERNEL_PDE; i++) {
		if (!(dir[i] & PTE_P))
			continue;
		uint32_t *pt = table(dir[i]);
		for (int j = 0; j < 1024; j++)
			if ((pt[j] & PTE_P) && !(pt[j] & (PTE_DEV | PTE_DMA)))
				frame_free(pt[j] & PAGE_MASK);
		frame_free(dir[i] & PAGE_MASK);
	}
	frame_free(pd);
}

/* The page-table entry for va, creating its page table if `create`. */
static uint32_t *pte_of(uint32_t pd, uint32_t va, bool create)
{
	uint32_t *dir = table(pd);
	uint32_t *pde = &dir[va >> 22];
	if (!(*pde & PTE_P)) {
		if (!create)
			return 0;
		uint32_t f = frame_alloc();
		if (!f)
			return 0;
		*pde = f | PTE_P | PTE_W | PTE_U;
	}
	return &table(*pde)[(va >> 12) & 1023];
}

int as_alloc(uint32_t pd, uint32_t va, int flags)
{
	if (va >= USER_TOP || va < PAGE_SIZE)
		return -EFAULT;
	uint32_t *pte = pte_of(pd, va, true);
	if (!pte)
		return -ENOMEM;
	if (*pte & PTE_P) { /* already there: widen the access only */
		if (flags & AS_WRITE)
			*pte |= PTE_W;
		return 0;
	}
	uint32_t f = frame_alloc();
	if (!f)
		return -ENOMEM;
	*pte = f | PTE_P | PTE_U | ((flags & AS_WRITE) ? PTE_W : 0);
	return 0;
}

int as_fork(uint32_t src, uint32_t *dst)
{
	int r = as_create(dst);
	if (r < 0)
		return r;
	uint32_t *sdir = table(src);
	for (uint32_t i = 0; i < KERNEL_PDE; i++) {
		if (!(sdir[i] & PTE_P))
			continue;
		uint32_t *spt = table(sdir[i]);
		for (uint32_t j = 0; j < 1024; j++) {
			if (!(spt[j] & PTE_P))
				continue;
			uint32_t va = (i << 22) | (j << 12);
			uint32_t *pte = pte_of(*dst, va, true);
			if (pte &&
			    (spt[j] & PTE_DEV)) { /* shared, not copied */
				*pte = spt[j];
				continue;
			}
			uint32_t f = pte ? frame_alloc() : 0;
			if (!f) {
				as_destroy(*dst);
				return -ENOMEM;
			}
			memcpy(P2V(f), table(spt[j]), PAGE_SIZE);
			*pte = f | (spt[j] & (PTE_P | PTE_W | PTE_U));
		}
	}
	return 0;
}

bool as_unmapped(uint32_t pd, uint32_t va, uint32_t len)
{
	if (va < PAGE_SIZE || va >= USER_TOP || len > USER_TOP - va)
		return false;
	for (uint32_t a = va & PAGE_MASK; a < va + len; a += PAGE_SIZE) {
		uint32_t *pte = pte_of(pd, a, false);
		if (pte && (*pte & PTE_P))
			return false;
	}
	return true;
}

/* Map n pages from pa at va (checked unmapped by the caller).  All or
 * nothing: on failure what was mapped is taken back. */
int as_map(uint32_t pd, uint32_t va, uint32_t pa, uint32_t n, int flags)
{
	uint32_t bits = PTE_P | PTE_U | (flags & AS_WRITE ? PTE_W : 0) |
			(flags & AS_DEVICE ? PTE_DEV : 0) |
			(flags & AS_DMA ? PTE_DMA : 0);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t *pte = pte_of(pd, va + i * PAGE_SIZE, true);
		if (!pte) {
			/* Never present before, so never in the TLB. */
			while (i--)
				*pte_of(pd, va + i * PAGE_SIZE, false) = 0;
			return -ENOMEM;
		}
		*pte = (pa + i * PAGE_SIZE) | bits;
	}
	return 0;
}

/* Physical address of the byte at uva, or -1 if the access is not
 * allowed to the process itself. */
static int64_t translate(uint32_t pd, uint32_t uva, bool write)
{
	if (uva >= USER_TOP)
		return -1;
	uint32_t *pte = pte_of(pd, uva, false);
	if (!pte || !(*pte & PTE_P) || !(*pte & PTE_U))
		return -1;
	if (write && !(*pte & PTE_W))
		return -1;
	return (*pte & PAGE_MASK) | (uva & ~PAGE_MASK);
}

bool as_range_ok(uint32_t pd, uint32_t uva, uint32_t len, bool write)
{
	if (len == 0)
		return true;
	if (uva >= USER_TOP || len > USER_TOP - uva) /* overflow-safe */
		return false;
	for (uint32_t va = uva & PAGE_MASK; va < uva + len; va += PAGE_SIZE)
		if (translate(pd, va, write) < 0)
			return false;
	return true;
}

static int copy(uint32_t pd, uint32_t uva, void *kbuf, uint32_t len,
		bool to_user)
{
	if (!as_range_ok(pd, uva, len, to_user))
		return -EFAULT;
	uint8_t *k = kbuf;
	while (len) {
		uint32_t n = PAGE_SIZE - (uva & ~PAGE_MASK);
		if (n > len)
			n = len;
		void *u = P2V(translate(pd, uva, to_user));
		if (to_user)
			memcpy(u, k, n);
		else
			memcpy(k, u, n);
		uva += n;
		k += n;
		len -= n;
	}
	return 0;
}

int as_read(uint32_t pd, uint32_t uva, void *dst, uint32_t len)
{
	return copy(pd, uva, dst, len, false);
}

int as_write(uint32_t pd, uint32_t uva, const void *src, uint32_t len)
{
	return copy(pd, uva, (void *)src, len, true);
}

/* Copy between two address spaces, page piece by page piece, after
 * checking both ranges whole: it either copies everything or nothing. */
int as_copy(uint32_t dst_pd, uint32_t dst, uint32_t src_pd, uint32_t src,
	    uint32_t len)
{
	if (!as_range_ok(src_pd, src, len, false) ||
	    !as_range_ok(dst_pd, dst, len, true))
		return -EFAULT;
	while (len) {
		uint32_t n = PAGE_SIZE - (src & ~PAGE_MASK);
		if (PAGE_SIZE - (dst & ~PAGE_MASK) < n)
			n = PAGE_SIZE - (dst & ~PAGE_MASK);
		if (n > len)
			n = len;
		memcpy(P2V(translate(dst_pd, dst, true)),
		       P2V(translate(src_pd, src, false)), n);
		src += n;
		dst += n;
		len -= n;
	}
	return 0;
}

int as_memset(uint32_t pd, uint32_t uva, uint8_t byte, uint32_t len)
{
	if (!as_range_ok(pd, uva, len, true))
		return -EFAULT;
	while (len) {
		uint32_t n = PAGE_SIZE - (uva & ~PAGE_MASK);
		if (n > len)
			n = len;
		memset(P2V(translate(pd, uva, true)), byte, n);
		uva += n;
		len -= n;
	}
	return 0;
}

int64_t as_phys(uint32_t pd, uint32_t uva)
{
	return translate(pd, uva, false);
}

void *as_kaddr(uint32_t pd, uint32_t uva)
{
	int64_t pa = translate(pd, uva, false);
	return pa < 0 ? 0 : P2V(pa);
}
