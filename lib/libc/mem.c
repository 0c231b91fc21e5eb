// SPDX-License-Identifier: BSD-2-Clause
/*
 * sbrk, for malloc.  A program started by exec asks PM to move its
 * break (PM maps the pages).  A boot process was laid out by the kernel,
 * not PM, so it takes memory from a fixed arena in its own bss (and so
 * does a service RS starts).  A program that needs a bigger one (RS,
 * which keeps programs in memory) defines __boot_heap and
 * __boot_heap_size itself; these are only the weak defaults.
 */
#include <stdint.h>
#include <unistd.h>

#include "libc.h"

#define BOOT_HEAP_SIZE (512 * 1024)

char __boot_heap[BOOT_HEAP_SIZE] __attribute__((weak, aligned(16)));
const uint32_t __boot_heap_size __attribute__((weak)) = BOOT_HEAP_SIZE;
static uint32_t arena_used;
static uintptr_t brk_now;

static void *arena_sbrk(intptr_t incr)
{
	if (incr < 0 ? (uint32_t)-incr > arena_used
		     : (uint32_t)incr > __boot_heap_size - arena_used) {
		errno = ENOMEM;
		return (void *)-1;
	}
	void *old = __boot_heap + arena_used;
	arena_used += (uint32_t)incr;
	return old;
}

static int set_brk(uintptr_t want)
{
	union pm_req q = {.brk = {.addr = (uint32_t)want}};
	union pm_rep rep;
	int r = pm_call(PM_BRK, &q, &rep);
	if (r < 0)
		return r;
	brk_now = rep.brk.brk;
	return 0;
}

void *sbrk(intptr_t incr)
{
	if (libc_is_boot())
		return arena_sbrk(incr);
	if (!brk_now && set_brk(0) < 0)
		return (void *)-1;
	uintptr_t old = brk_now;
	if (incr == 0)
		return (void *)old;
	if ((incr > 0 && old + (uintptr_t)incr < old) ||
	    (incr < 0 && (uintptr_t)-incr > old) ||
	    set_brk(old + (uintptr_t)incr) < 0) {
		errno = ENOMEM;
		return (void *)-1;
	}
	return (void *)old;
}
