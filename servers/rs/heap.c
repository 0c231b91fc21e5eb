// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS's heap.  RS is a boot process, so malloc takes memory from an arena
 * in its bss (lib/libc/mem.c); RS needs a bigger one than the default:
 * it reads each program whole before starting it, and keeps the ones
 * whose policy says `copy yes` for as long as they may be restarted.
 */
#include <stdint.h>

#define RS_HEAP (6u << 20)

char __boot_heap[RS_HEAP] __attribute__((aligned(16)));
const uint32_t __boot_heap_size = RS_HEAP;
