// SPDX-License-Identifier: BSD-2-Clause
/*
 * DMA regions: who owns them, and the quarantine of a dead device
 * holder's (see dma.h for the rules).
 *
 * Why a quarantine: a driver's card keeps the addresses the driver gave
 * it.  An RTL8139 writes every frame it receives into its ring, unasked,
 * until bus mastering is turned off in its command register -- which
 * only the PCI driver may write, and which it does when RS tells it the
 * claimant is gone (PCI_FORGET).  That comes well after the kernel has
 * torn the dead driver down.  Frames freed at its death could meanwhile
 * become somebody else's page table or file cache, and the card would
 * write into them.  So the frames wait, with the owner's endpoint, until
 * PCI has turned mastering off for that endpoint's devices and says so.
 *
 * A process no device was ever given to has no card of its own that
 * could write there (the ATA driver's DMA, too, needs the IDE
 * controller's claim): its regions are freed at once.
 *
 * Counters: GI_COUNTERS's dma_quarantined and dma_released count pages
 * put in and taken out of the quarantine; the difference is what it
 * holds now.  Each quarantine and each release is logged.
 */
#include "dma.h"

#include "arch/i386/arch.h"
#include "counters.h"
#include "frame.h"
#include "lib.h"

static struct kinfo_dma regions[NR_DMA]; /* state 0: a free entry */
static uint32_t pool_used;		 /* pages, live and quarantined */

bool dma_room(uint32_t pages)
{
	bool slot = false;
	for (int i = 0; i < NR_DMA; i++)
		slot |= regions[i].state == 0;
	return slot && pages <= DMA_POOL_PAGES - pool_used;
}

void dma_add(endpoint_t owner, uint32_t pa, uint32_t pages)
{
	for (int i = 0; i < NR_DMA; i++) {
		if (regions[i].state != 0)
			continue;
		regions[i] = (struct kinfo_dma){owner, pa, pages, DMA_LIVE};
		pool_used += pages;
		return;
	}
	panic("dma: no free region after dma_room");
}

static void free_region(struct kinfo_dma *r)
{
	for (uint32_t i = 0; i < r->pages; i++)
		frame_free(r->phys + i * PAGE_SIZE);
	pool_used -= r->pages;
	r->state = 0;
}

void dma_gone(endpoint_t owner, const char *name, bool devices)
{
	uint32_t held = 0;
	for (int i = 0; i < NR_DMA; i++) {
		struct kinfo_dma *r = &regions[i];
		if (r->state != DMA_LIVE || r->owner != owner)
			continue;
		if (!devices) {
			free_region(r);
			continue;
		}
		r->state = DMA_QUARANTINED;
		held += r->pages;
	}
	if (!held)
		return;
	counters.dma_quarantined += held;
	kprintf("dma: %u pages of %s (ep %d) held until PCI has turned its "
		"devices' bus mastering off\n",
		held, name, owner);
}

uint32_t dma_release(endpoint_t owner)
{
	uint32_t freed = 0;
	for (int i = 0; i < NR_DMA; i++) {
		struct kinfo_dma *r = &regions[i];
		if (r->state != DMA_QUARANTINED ||
		    (owner != ANY && r->owner != owner))
			continue;
		freed += r->pages;
		free_region(r);
	}
	if (!freed)
		return 0;
	counters.dma_released += freed;
	if (owner == ANY)
		kprintf("dma: %u quarantined pages released\n", freed);
	else
		kprintf("dma: %u pages of ep %d released\n", freed, owner);
	return freed;
}

uint32_t dma_list(struct kinfo_dma *out)
{
	uint32_t n = 0;
	for (int i = 0; i < NR_DMA; i++)
		if (regions[i].state != 0)
			out[n++] = regions[i];
	return n;
}
