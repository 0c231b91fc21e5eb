/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Loading a static ELF32 i386 executable into a fresh address space.
 * elf_check() looks at everything first and says what is wrong;
 * elf_load() then maps and fills the segments and cannot half-fail
 * except for lack of memory.
 */
#pragma once

#include <stdint.h>

/* The two ELF32 structures the loader reads. */
struct ehdr {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

const char *elf_check(const uint8_t *img, uint32_t size); /* 0 = fine */
int elf_load(uint32_t pd, const uint8_t *img, uint32_t *entry);
