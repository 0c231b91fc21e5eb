/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The physical frame allocator: one bit per 4 KiB frame of RAM below
 * FRAME_MAX_PHYS (the part of memory the kernel's direct map covers).
 *
 * At boot every frame starts "used"; frame_add() frees the ranges the
 * multiboot memory map calls available, and frame_reserve() takes back
 * what is already occupied (the kernel, the modules, the boot info).
 * After that frame_alloc() hands out zero-filled frames.
 */
#pragma once

#include <stdint.h>

#define FRAME_MAX_PHYS 0x30000000u /* 768 MiB: the direct map's size */

void frame_add(uint64_t start, uint64_t end);
void frame_reserve(uint32_t start, uint32_t end);
uint32_t frame_alloc(void); /* physical address of a zeroed frame, or 0 */
uint32_t frame_alloc_contig(uint32_t n); /* n zeroed frames in a row */
void frame_free(uint32_t pa);
uint32_t frame_free_count(void);
uint32_t frame_top(void); /* highest usable physical address + 1 */
