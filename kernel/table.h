/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The boot-image table: for each program the kernel may start from a
 * multiboot module, its scheduling class and initial privileges.  A
 * module whose name matches no entry is not started: an absent entry
 * grants nothing.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "proc.h"

struct boot_entry {
	const char *name; /* a trailing '*' matches any suffix */
	int prio;
	int quantum; /* clock ticks */
	uint32_t traps;
	uint32_t calls;
	struct io_range io[NR_IO_RANGES];
	uint32_t irqs;
	uint32_t flags; /* PRIV_* besides PRIV_SYSTEM */
	struct priv_mem mem[PRIV_MAX_MEM];
	bool boot_data;	     /* may map the boot data modules (the RAM disk) */
	bool core;	     /* a core server: nothing restarts it, so its end
			 * is reported on the console */
	const char *manager; /* the boot process that manages it (RS), if
			      * booted: it gets the news of its end */
};

const struct boot_entry *boot_entry_find(const char *name);
