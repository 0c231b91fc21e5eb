/* SPDX-License-Identifier: BSD-2-Clause */
/* Boot processes from multiboot modules (boot.c). */
#pragma once

#include <stdint.h>

#include "arch/i386/multiboot.h"

void boot_start_modules(const struct mb_module *mods, uint32_t count);
