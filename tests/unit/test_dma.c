// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for kernel/dma.c, the table of DMA regions: a dead owner
 * that never held a device has its frames freed at once; a device
 * holder's wait in quarantine until released by endpoint or all at once
 * (ANY), and nobody else's go with them; the pool counts quarantined
 * pages, so that memory nobody releases is bounded; the counters and
 * GI_DMA's list follow.  The frame allocator is a fake that records
 * which frames were freed.
 */
#include <stdarg.h>
#include <string.h>

#include "counters.h"
#include "dma.h"
#include "unit.h"

struct kinfo_counters counters;

#define NR_FAKE_FRAMES 8192
static bool freed[NR_FAKE_FRAMES]; /* by frame number */
static int frees;

void frame_free(uint32_t pa)
{
	freed[pa / 4096] = true;
	frees++;
}

void kprintf(const char *fmt, ...)
{
	(void)fmt;
}

void panic(const char *fmt, ...)
{
	(void)fmt;
	printf("    panic\n");
	unit_failed_checks++;
	for (;;)
		;
}

static bool all_freed(uint32_t pa, uint32_t pages, bool want)
{
	for (uint32_t i = 0; i < pages; i++)
		if (freed[pa / 4096 + i] != want)
			return false;
	return true;
}

static uint32_t listed(endpoint_t owner, uint32_t state)
{
	struct kinfo_dma r[NR_DMA];
	uint32_t n = dma_list(r), pages = 0;
	for (uint32_t i = 0; i < n; i++)
		if (r[i].owner == owner && r[i].state == state)
			pages += r[i].pages;
	return pages;
}

/* Leave the table empty for the next test. */
static void empty(void)
{
	struct kinfo_dma r[NR_DMA];
	uint32_t n = dma_list(r);
	for (uint32_t i = 0; i < n; i++)
		dma_gone(r[i].owner, "x", false);
	dma_release(ANY);
	memset(freed, 0, sizeof(freed));
	frees = 0;
	memset(&counters, 0, sizeof(counters));
}

static void freed_at_once(void)
{
	dma_add(100, 0x10000, 4);
	dma_add(101, 0x20000, 2);
	CHECK(listed(100, DMA_LIVE) == 4 && listed(101, DMA_LIVE) == 2);
	dma_gone(100, "plain", false);
	CHECK(all_freed(0x10000, 4, true) && frees == 4);
	CHECK(listed(100, DMA_LIVE) == 0 && listed(100, DMA_QUARANTINED) == 0);
	CHECK(all_freed(0x20000, 2, false) && listed(101, DMA_LIVE) == 2);
	CHECK(counters.dma_quarantined == 0);
	dma_gone(100, "plain", true); /* nothing left of it: no effect */
	CHECK(counters.dma_quarantined == 0 && frees == 4);
	empty();
}

static void quarantined_until_released(void)
{
	dma_add(200, 0x40000, 17);
	dma_add(200, 0x60000, 1);
	dma_add(201, 0x70000, 3);
	dma_gone(200, "rtl8139", true);
	CHECK(frees == 0);
	CHECK(listed(200, DMA_QUARANTINED) == 18);
	CHECK(counters.dma_quarantined == 18 && counters.dma_released == 0);
	dma_gone(201, "rtl8139", true);
	CHECK(listed(201, DMA_QUARANTINED) == 3);
	CHECK(dma_release(999) == 0 && frees == 0); /* someone else's */
	CHECK(dma_release(200) == 18);
	CHECK(all_freed(0x40000, 17, true) && all_freed(0x60000, 1, true));
	CHECK(all_freed(0x70000, 3, false));
	CHECK(listed(200, DMA_QUARANTINED) == 0);
	CHECK(dma_release(200) == 0); /* once only */
	CHECK(counters.dma_released == 18);
	CHECK(dma_release(ANY) == 3 && all_freed(0x70000, 3, true));
	CHECK(counters.dma_quarantined == 21 && counters.dma_released == 21);
	empty();
}

static void live_never_released(void)
{
	dma_add(300, 0x80000, 2);
	CHECK(dma_release(300) == 0 && dma_release(ANY) == 0 && frees == 0);
	CHECK(listed(300, DMA_LIVE) == 2);
	empty();
}

/* A driver that holds a device crashes again and again and nobody
 * releases its memory: the pool runs out, then DMAALLOC is refused. */
static void pool_bounds_quarantine(void)
{
	uint32_t pages = 18, crashes = 0;
	for (endpoint_t ep = 1000; dma_room(pages); ep++, crashes++) {
		dma_add(ep, 0x100000 + crashes * pages * 4096, pages);
		dma_gone(ep, "loop", true);
	}
	uint32_t held = crashes * pages;
	CHECK(held <= DMA_POOL_PAGES);
	CHECK(crashes == NR_DMA || held + pages > DMA_POOL_PAGES);
	CHECK(counters.dma_quarantined == held && frees == 0);
	CHECK(!dma_room(1) || crashes < NR_DMA);
	CHECK(dma_release(ANY) == held);
	CHECK(dma_room(pages) && dma_room(DMA_POOL_PAGES));
	CHECK(!dma_room(DMA_POOL_PAGES + 1));
	empty();
	/* By pages: one big region fills the pool for all. */
	dma_add(1, 0x200000, DMA_POOL_PAGES - 1);
	CHECK(dma_room(1) && !dma_room(2));
	dma_gone(1, "big", true);
	CHECK(dma_room(1) && !dma_room(2));
	CHECK(dma_release(1) == DMA_POOL_PAGES - 1 && dma_room(DMA_POOL_PAGES));
	empty();
	/* By regions: the table's size. */
	for (int i = 0; i < NR_DMA; i++) {
		CHECK(dma_room(1));
		dma_add(2, 0x300000 + (uint32_t)i * 4096, 1);
	}
	CHECK(!dma_room(1));
	dma_gone(2, "many", false);
	CHECK(dma_room(1) && frees == NR_DMA);
	empty();
}

int main(void)
{
	unit_file = "test_dma";
	RUN(freed_at_once);
	RUN(quarantined_until_released);
	RUN(live_never_released);
	RUN(pool_bounds_quarantine);
	return unit_done();
}
