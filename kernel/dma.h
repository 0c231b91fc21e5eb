/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * DMA memory and its quarantine (dma.c).
 *
 * The frames SYS_DMAALLOC hands out belong to this table, not to the
 * address space they are mapped in (as_destroy leaves them alone): a
 * region records its owner's endpoint.  When the owner ends, its
 * regions are freed at once if it never held a device, and otherwise
 * quarantined: a bus-master card may go on writing into them until
 * the PCI driver has turned its bus mastering off, so their frames go
 * to nobody until PCI says so (SYS_DMARELEASE).
 *
 * "Held a device" means the PCI driver added a device's resources to
 * the process (SYS_PRIVADD, the only way a process gets a PCI device,
 * and so the only way it can have a bus master of its own); a process
 * inherits the mark from its parent and never loses it.  (A forked
 * child's copies of its parent's DMA pages are its own ordinary memory.)
 *
 * The pool: live and quarantined regions together are at most
 * DMA_REGIONS regions and DMA_POOL_MAX bytes (abi/kcall_msg.h).  So memory nobody releases -- PCI
 * is gone for good, or hung -- is bounded, however often a driver
 * crashes: once the pool is used up DMAALLOC says ENOMEM.
 *
 *   dma_room      whether `pages` more fit in the pool (DMAALLOC's check)
 *   dma_add       record a region just allocated and mapped; there is
 *                 room (dma_room said so, nothing ran in between)
 *   dma_gone      the owner has ended: free or quarantine its regions
 *   dma_release   free the quarantined regions of `owner` (ANY: all of
 *                 them); the pages freed
 *   dma_list      the regions, for GETINFO GI_DMA; how many
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "abi/endpoint.h"
#include "abi/kcall_msg.h"

#define NR_DMA DMA_REGIONS
#define DMA_POOL_PAGES (DMA_POOL_MAX / 4096)

bool dma_room(uint32_t pages);
void dma_add(endpoint_t owner, uint32_t pa, uint32_t pages);
void dma_gone(endpoint_t owner, const char *name, bool devices);
uint32_t dma_release(endpoint_t owner);
uint32_t dma_list(struct kinfo_dma *out);
