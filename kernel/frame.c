// SPDX-License-Identifier: BSD-2-Clause
/*
 * Physical frame allocator (see frame.h).  A bitmap, searched from a
 * rotating hint; frame 0 is never handed out, so 0 can mean "none".
 */
#include "frame.h"

#include "arch/i386/arch.h"
#include "lib.h"

#define NR_FRAMES (FRAME_MAX_PHYS / PAGE_SIZE)

static uint32_t used[NR_FRAMES / 32];
static uint32_t nfree;
static uint32_t hint;
static uint32_t top;
static int bitmap_ready;

static void set_used(uint32_t f, int on)
{
	uint32_t bit = 1u << (f % 32);
	if (on && !(used[f / 32] & bit)) {
		used[f / 32] |= bit;
		nfree--;
	} else if (!on && (used[f / 32] & bit)) {
		used[f / 32] &= ~bit;
		nfree++;
	}
}

void frame_add(uint64_t start, uint64_t end)
{
	if (!bitmap_ready) {
		memset(used, 0xff, sizeof(used));
		bitmap_ready = 1;
	}
	if (end > FRAME_MAX_PHYS)
		end = FRAME_MAX_PHYS;
	start = (start + PAGE_SIZE - 1) & PAGE_MASK;
	for (uint64_t a = start; a + PAGE_SIZE <= end; a += PAGE_SIZE)
		if (a != 0)
			set_used((uint32_t)(a / PAGE_SIZE), 0);
	if (end > top)
		top = (uint32_t)end;
}

void frame_reserve(uint32_t start, uint32_t end)
{
	if (end > FRAME_MAX_PHYS)
		end = FRAME_MAX_PHYS;
	for (uint32_t f = start / PAGE_SIZE;
	     f < (end + PAGE_SIZE - 1) / PAGE_SIZE; f++)
		set_used(f, 1);
}

uint32_t frame_alloc(void)
{
	for (uint32_t n = 0; n < NR_FRAMES; n++) {
		uint32_t f = (hint + n) % NR_FRAMES;
		if (!(used[f / 32] & (1u << (f % 32)))) {
			set_used(f, 1);
			hint = f + 1;
			memset(P2V(f * PAGE_SIZE), 0, PAGE_SIZE);
			return f * PAGE_SIZE;
		}
	}
	return 0;
}

static bool is_used(uint32_t f)
{
	return used[f / 32] & (1u << (f % 32));
}

uint32_t frame_alloc_contig(uint32_t n)
{
	uint32_t run = 0;
	for (uint32_t f = 1; f < NR_FRAMES && n; f++) {
		run = is_used(f) ? 0 : run + 1;
		if (run < n)
			continue;
		uint32_t first = f + 1 - n;
		for (uint32_t g = first; g <= f; g++) {
			set_used(g, 1);
			memset(P2V(g * PAGE_SIZE), 0, PAGE_SIZE);
		}
		return first * PAGE_SIZE;
	}
	return 0;
}

void frame_free(uint32_t pa)
{
	if (pa != 0 && pa < FRAME_MAX_PHYS)
		set_used(pa / PAGE_SIZE, 0);
}

uint32_t frame_free_count(void)
{
	return nfree;
}

uint32_t frame_top(void)
{
	return top;
}
