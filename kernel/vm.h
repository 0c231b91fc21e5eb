/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Address spaces.  Each process has its own page directory; the kernel's
 * part (the direct map of physical memory above KERNEL_BASE) is the same
 * in all of them and supervisor-only.
 *
 * The kernel never dereferences a user pointer.  as_read() and as_write()
 * walk the target's page tables, check that every page is present,
 * user-accessible and (for writes) writable, and copy through the direct
 * map.  So a bad pointer from a process is an EFAULT, never a kernel page
 * fault, and a copy between two processes needs no address-space switch.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#define AS_WRITE 0x1  /* page is writable by the process */
#define AS_DEVICE 0x2 /* not the process's own memory: never freed */
#define AS_DMA 0x4    /* DMA memory: dma.c frees it, not as_destroy */

void vm_init(uint32_t phys_top);
uint32_t vm_kernel_pd(void);

int as_create(uint32_t *pd);
void as_destroy(uint32_t pd);
int as_alloc(uint32_t pd, uint32_t va, int flags); /* map a zeroed page */
int as_fork(uint32_t src, uint32_t *dst);
bool as_unmapped(uint32_t pd, uint32_t va, uint32_t len);
int as_map(uint32_t pd, uint32_t va, uint32_t pa, uint32_t n, int flags);
int64_t as_phys(uint32_t pd, uint32_t uva); /* -1 if not mapped */
bool as_range_ok(uint32_t pd, uint32_t uva, uint32_t len, bool write);
int as_read(uint32_t pd, uint32_t uva, void *dst, uint32_t len);
int as_write(uint32_t pd, uint32_t uva, const void *src, uint32_t len);
int as_copy(uint32_t dst_pd, uint32_t dst, uint32_t src_pd, uint32_t src,
	    uint32_t len);
int as_memset(uint32_t pd, uint32_t uva, uint8_t byte, uint32_t len);
void *as_kaddr(uint32_t pd, uint32_t uva); /* kernel address of a mapped page */
