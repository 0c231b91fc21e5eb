// SPDX-License-Identifier: BSD-2-Clause
/*
 * ELF32 executables (see elf.h): the checks are include/elf32.h's,
 * shared with the process manager's exec; loading is here.
 */
#include "elf.h"

#include "abi/errno.h"
#include "arch/i386/arch.h"
#include "lib.h"
#include "stack.h"
#include "vm.h"

const char *elf_check(const uint8_t *img, uint32_t size)
{
	return elf32_check(img, size, PAGE_SIZE, USER_STACK_BOTTOM);
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
	const struct phdr *ph = elf32_phdrs(img);
	for (int i = 0; i < eh->phnum; i++) {
		if (ph[i].type != ELF_PT_LOAD || ph[i].memsz == 0)
			continue;
		int flags = (ph[i].flags & ELF_PF_W) ? AS_WRITE : 0;
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
