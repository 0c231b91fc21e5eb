/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The boot-image table: for each program the kernel may start from a
 * multiboot module, its scheduling class and initial privileges.  A
 * module whose name matches no entry is not started: an absent entry
 * grants nothing.
 *
 * The table is not written by hand: the build generates it from the
 * boot processes' policy files (tools/boottable.c, into
 * build/kernel/boot_table.c), so a policy file is the only place a
 * process's rights are written.  A test build's kernel
 * (build/tests/kernel.elf) has the test programs' policies too
 * (tests/guest/policy/); the kernel that build/samsara.iso boots has
 * none of them.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "abi/kcall_msg.h"

struct boot_entry {
	const char *name; /* a trailing '*' matches any suffix */
	int prio;
	int quantum;		/* clock ticks */
	struct priv_desc priv;	/* all but the targets (see ipc) */
	const char *const *ipc; /* names it may reach, 0-terminated */
	bool boot_data;	     /* may map the boot data modules (the RAM disk) */
	bool core;	     /* a core server: nothing restarts it, so its end
				 * is reported on the console */
	const char *manager; /* the boot process that manages it (RS), if
				 * booted: it gets the news of its end */
};

extern const struct boot_entry boot_table[];
extern const int nr_boot_entries;

const struct boot_entry *boot_entry_find(const char *name);
