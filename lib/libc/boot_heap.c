// SPDX-License-Identifier: BSD-2-Clause
/*
 * The default arena of a boot process's or service's malloc (mem.c):
 * 512 KiB in its bss.  A program that needs more defines both symbols
 * itself (RS: servers/rs/heap.c, INET); then the linker never takes
 * this file from the library.  It is a file of its own so that mem.c
 * reads the size at run time instead of assuming this one.
 */
#include <stdint.h>

#define BOOT_HEAP_SIZE (512 * 1024)

char __boot_heap[BOOT_HEAP_SIZE] __attribute__((weak, aligned(16)));
const uint32_t __boot_heap_size __attribute__((weak)) = BOOT_HEAP_SIZE;
