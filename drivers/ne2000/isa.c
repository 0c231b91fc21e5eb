// SPDX-License-Identifier: BSD-2-Clause
/*
 * The ISA NE2000 (QEMU's ne2k_isa): a fixed port range and IRQ line,
 * given on the command line after the word `isa` (see ne2000.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ne2000.h"

#define ISA_BASE 0x300
#define ISA_IRQ 9

/* argv[i] as a number in [lo, hi], else -1. */
static long number(int argc, char **argv, int i, long lo, long hi, long dflt)
{
	if (i >= argc || !strncmp(argv[i], "clients=", 8))
		return dflt;
	char *end;
	long v = strtol(argv[i], &end, 0);
	return *end || v < lo || v > hi ? -1 : v;
}

int ne_isa_setup(struct dp8390 *dp, int argc, char **argv)
{
	long base =
		number(argc, argv, 2, 0x100, 0x10000 - NE_NR_PORTS, ISA_BASE);
	long irq = number(argc, argv, 3, 3, 15, ISA_IRQ);
	if (base < 0 || base % NE_NR_PORTS || irq < 0)
		return -EINVAL;
	dp->base = (uint32_t)base;
	dp->irq = (uint32_t)irq;
	strcpy(dp->name, "ne2000 isa");
	return 0;
}
