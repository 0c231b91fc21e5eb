// SPDX-License-Identifier: BSD-2-Clause
/*
 * p_crash: takes a page fault at once.  Booted under a core server's
 * name (tests/core/ds.elf, guest test "core_death"), it plays a core
 * server that dies; t_core watches for the end.
 */
#include <stdint.h>

static volatile uintptr_t nowhere = 0x10; /* never mapped */

int main(void)
{
	*(volatile uint32_t *)nowhere = 1;
	return 0;
}
