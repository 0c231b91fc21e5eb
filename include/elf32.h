/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Static ELF32 i386 executables: the two structures a loader reads and
 * the checks that come before any loading, shared by the kernel (boot
 * modules) and the process manager (exec).  elf32_check() says what is
 * wrong, or returns 0: every offset and size read from the file is
 * checked against the file's size and the allowed address range
 * [lo, hi), with overflow-safe arithmetic; segments may not overlap and
 * the entry point must be in an executable one.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

struct ehdr {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

#define ELF_PT_LOAD 1
#define ELF_PF_X 1
#define ELF_PF_W 2
#define ELF_MAX_PHDRS 16

static inline const struct phdr *elf32_phdrs(const uint8_t *img)
{
	return (const struct phdr *)(img + ((const struct ehdr *)img)->phoff);
}

static inline const char *elf32_check_segment(const struct phdr *ph,
					      uint32_t size, uint32_t lo,
					      uint32_t hi)
{
	if (ph->filesz > ph->memsz)
		return "segment file size exceeds memory size";
	if ((uint64_t)ph->offset + ph->filesz > size)
		return "truncated: segment data beyond end of file";
	if (ph->vaddr < lo || (uint64_t)ph->vaddr + ph->memsz > hi)
		return "segment outside the user address space";
	return 0;
}

static inline const char *elf32_check(const uint8_t *img, uint32_t size,
				      uint32_t lo, uint32_t hi)
{
	const struct ehdr *eh = (const struct ehdr *)img;
	if (size < sizeof(*eh) || img[0] != 0x7f || img[1] != 'E' ||
	    img[2] != 'L' || img[3] != 'F')
		return "not an ELF file";
	if (eh->ident[4] != 1 || eh->ident[5] != 1 || eh->machine != 3)
		return "not a 32-bit little-endian i386 ELF file";
	if (eh->type != 2)
		return "not an executable (ET_EXEC)";
	if (eh->phentsize != sizeof(struct phdr) || eh->phnum == 0 ||
	    eh->phnum > ELF_MAX_PHDRS)
		return "bad program header table";
	if ((uint64_t)eh->phoff + eh->phnum * sizeof(struct phdr) > size)
		return "truncated: program headers beyond end of file";
	const struct phdr *ph = elf32_phdrs(img);
	bool entry_ok = false;
	int loads = 0;
	for (int i = 0; i < eh->phnum; i++) {
		if (ph[i].type != ELF_PT_LOAD)
			continue;
		loads++;
		const char *why = elf32_check_segment(&ph[i], size, lo, hi);
		if (why)
			return why;
		if ((ph[i].flags & ELF_PF_X) && eh->entry >= ph[i].vaddr &&
		    eh->entry - ph[i].vaddr < ph[i].memsz)
			entry_ok = true;
		for (int j = 0; j < i; j++)
			if (ph[j].type == ELF_PT_LOAD &&
			    ph[i].vaddr < ph[j].vaddr + ph[j].memsz &&
			    ph[j].vaddr < ph[i].vaddr + ph[i].memsz)
				return "overlapping segments";
	}
	if (!loads)
		return "no loadable segment";
	if (!entry_ok)
		return "entry point outside executable segments";
	return 0;
}
