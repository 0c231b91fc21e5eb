/* SPDX-License-Identifier: BSD-2-Clause */
/* Boot processes from multiboot modules (boot.c). */
#pragma once

#include <stdint.h>

#include "abi/kcall_msg.h"
#include "arch/i386/multiboot.h"

extern struct kinfo_module boot_data[BOOT_DATA_MAX];
extern int nr_boot_data;
extern char boot_cmdline[KCMDLINE_MAX]; /* "root=c0d0p1", from GRUB */

void boot_start_modules(const struct mb_module *mods, uint32_t count);
