// SPDX-License-Identifier: BSD-2-Clause
/*
 * sbrk, for malloc.  A program started by exec asks PM to move its
 * break (PM maps the pages).  A boot process was laid out by the kernel,
 * not PM, so it takes memory from a fixed arena in its own bss (and so
 * does a service RS starts).  A program that needs a bigger one (RS,
 * which keeps programs in memory) defines __boot_heap and
 * __boot_heap_size itself; boot_heap.c has the defaults.
 */
#include <stdint.h>
#include <unistd.h>

#include "libc.h"

/* The arena and its size: a program's own, or boot_heap.c's defaults.
 * They are defined in another file so that the compiler cannot take
 * the default size for the program's (a weak constant defined here was
 * folded into this file's code, and RS's 6 MiB heap was 512 KiB). */
extern char __boot_heap[];
extern const uint32_t __boot_heap_size;
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
