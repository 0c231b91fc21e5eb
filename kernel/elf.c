// SPDX-License-Identifier: BSD-2-Clause
/*
 * ELF32 executables (see elf.h).  Only what a static i386 program needs:
 * the file header and the PT_LOAD program headers.  Every offset and size
 * read from the file is checked against the file's size and the user
 * part of the address space, with overflow-safe arithmetic, before any
 * memory is touched.
 */
#include "elf.h"

#include "abi/errno.h"
#include "arch/i386/arch.h"
#include "lib.h"
#include "stack.h"
#include "vm.h"

#define PT_LOAD 1
#define PF_X 1
#define PF_W 2
#define MAX_PHDRS 16

static const struct phdr *phdrs(const uint8_t *img)
{
	return (const struct phdr *)(img + ((const struct ehdr *)img)->phoff);
}

static const char *check_segment(const struct phdr *ph, uint32_t size)
{
	if (ph->filesz > ph->memsz)
		return "segment file size exceeds memory size";
	if ((uint64_t)ph->offset + ph->filesz > size)
		return "truncated: segment data beyond end of file";
	if (ph->vaddr < PAGE_SIZE ||
	    (uint64_t)ph->vaddr + ph->memsz > USER_STACK_BOTTOM)
		return "segment outside the user address space";
	return 0;
}

const char *elf_check(const uint8_t *img, uint32_t size)
{
	const struct ehdr *eh = (const struct ehdr *)img;
	if (size < sizeof(*eh) || memcmp(eh->ident, "\177ELF", 4) != 0)
		return "not an ELF file";
	if (eh->ident[4] != 1 || eh->ident[5] != 1 || eh->machine != 3)
		return "not a 32-bit little-endian i386 ELF file";
	if (eh->type != 2)
		return "not an executable (ET_EXEC)";
	if (eh->phentsize != sizeof(struct phdr) || eh->phnum == 0 ||
	    eh->phnum > MAX_PHDRS)
		return "bad program header table";
	if ((uint64_t)eh->phoff + eh->phnum * sizeof(struct phdr) > size)
		return "truncated: program headers beyond end of file";
	const struct phdr *ph = phdrs(img);
	bool entry_ok = false;
	int loads = 0;
	for (int i = 0; i < eh->phnum; i++) {
		if (ph[i].type != PT_LOAD)
			continue;
		loads++;
		const char *why = check_segment(&ph[i], size);
		if (why)
			return why;
		if ((ph[i].flags & PF_X) && eh->entry >= ph[i].vaddr &&
		    eh->entry - ph[i].vaddr < ph[i].memsz)
			entry_ok = true;
		for (int j = 0; j < i; j++)
			if (ph[j].type == PT_LOAD &&
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

/* Copy bytes into pages already mapped in pd (ignoring read-only). */
static void fill(uint32_t pd, uint32_t va, const uint8_t *src, uint32_t n)
{
	while (n) {
		uint32_t chunk = PAGE_SIZE - (va & ~PAGE_MASK);
		if (chunk > n)
			chunk = n;
		memcpy(as_kaddr(pd, va), src, chunk);
		va += chunk;
		src += chunk;
		n -= chunk;
	}
}

int elf_load(uint32_t pd, const uint8_t *img, uint32_t *entry)
{
	const struct ehdr *eh = (const struct ehdr *)img;
	const struct phdr *ph = phdrs(img);
	for (int i = 0; i < eh->phnum; i++) {
		if (ph[i].type != PT_LOAD || ph[i].memsz == 0)
			continue;
		int flags = (ph[i].flags & PF_W) ? AS_WRITE : 0;
		uint32_t end = ph[i].vaddr + ph[i].memsz;
		for (uint32_t va = ph[i].vaddr & PAGE_MASK; va < end;
		     va += PAGE_SIZE) {
			int r = as_alloc(pd, va, flags);
			if (r < 0)
				return r;
		}
		fill(pd, ph[i].vaddr, img + ph[i].offset, ph[i].filesz);
	}
	*entry = eh->entry;
	return 0;
}
