/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Loading a static ELF32 i386 executable into a fresh address space.
 * elf_check() looks at everything first and says what is wrong;
 * elf_load() then maps and fills the segments and cannot half-fail
 * except for lack of memory.
 */
#pragma once

#include <stdint.h>

#include "elf32.h"

const char *elf_check(const uint8_t *img, uint32_t size); /* 0 = fine */
int elf_load(uint32_t pd, const uint8_t *img, uint32_t *entry);
