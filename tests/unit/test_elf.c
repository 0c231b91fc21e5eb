// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for kernel/elf.c's elf_check(): the checks that stand
 * between a boot module's bytes and the kernel's memory.  Each test
 * builds a small ELF image in memory and breaks one thing.
 */
#include <stdint.h>
#include <string.h>

#include "elf.h"
#include "unit.h"

/* elf_load() needs these; the checks under test do not call them. */
int as_alloc(uint32_t pd, uint32_t va, int flags)
{
	(void)pd;
	(void)va;
	(void)flags;
	return -1;
}

void *as_kaddr(uint32_t pd, uint32_t uva)
{
	(void)pd;
	(void)uva;
	return 0;
}

static uint8_t img[8192];

/* A valid executable: text at 0x08048000 (R X), data at 0x08049000 (RW). */
static uint32_t make(void)
{
	memset(img, 0, sizeof(img));
	struct ehdr *e = (struct ehdr *)img;
	memcpy(e->ident, "\177ELF\1\1\1", 7);
	e->type = 2;
	e->machine = 3;
	e->version = 1;
	e->entry = 0x08048100;
	e->phoff = sizeof(*e);
	e->ehsize = sizeof(*e);
	e->phentsize = sizeof(struct phdr);
	e->phnum = 2;
	struct phdr *p = (struct phdr *)(img + e->phoff);
	p[0] = (struct phdr){1,	     0,	     0x08048000, 0x08048000,
			     0x1000, 0x1000, 5,		 0x1000};
	p[1] = (struct phdr){1,	    0x1000, 0x08049000, 0x08049000,
			     0x800, 0x3000, 6,		0x1000};
	return 0x1800;
}

static struct ehdr *E(void)
{
	return (struct ehdr *)img;
}

static struct phdr *P(int i)
{
	return (struct phdr *)(img + E()->phoff) + i;
}

static void valid(void)
{
	CHECK(elf_check(img, make()) == 0);
}

static void not_elf(void)
{
	uint32_t n = make();
	img[1] = 'X';
	CHECK(strcmp(elf_check(img, n), "not an ELF file") == 0);
	CHECK(elf_check(img, 10) != 0); /* shorter than a header */
	CHECK(elf_check(img, 0) != 0);
}

static void wrong_kind(void)
{
	uint32_t n = make();
	E()->machine = 62; /* x86-64 */
	CHECK(elf_check(img, n) != 0);
	make();
	E()->type = 3; /* shared object */
	CHECK(elf_check(img, n) != 0);
	make();
	img[4] = 2; /* 64-bit class */
	CHECK(elf_check(img, n) != 0);
}

static void truncated(void)
{
	uint32_t n = make();
	CHECK(strncmp(elf_check(img, n - 1), "truncated", 9) == 0);
	CHECK(strncmp(elf_check(img, 60), "truncated", 9) == 0);
}

static void offsets_overflow(void)
{
	uint32_t n = make();
	P(1)->offset = 0xfffff000; /* offset + filesz wraps */
	CHECK(elf_check(img, n) != 0);
	make();
	E()->phoff = 0xffffffe0;
	CHECK(elf_check(img, n) != 0);
	make();
	E()->phnum = 60000;
	CHECK(elf_check(img, n) != 0);
}

static void bad_addresses(void)
{
	uint32_t n = make();
	P(1)->vaddr = 0; /* the null page */
	CHECK(elf_check(img, n) != 0);
	make();
	P(1)->vaddr = 0xbfffe000; /* into the stack / kernel */
	CHECK(elf_check(img, n) != 0);
	make();
	P(1)->vaddr = 0xfffff000; /* vaddr + memsz wraps */
	CHECK(elf_check(img, n) != 0);
	make();
	P(1)->filesz = P(1)->memsz + 1;
	CHECK(elf_check(img, n) != 0);
}

static void overlapping(void)
{
	uint32_t n = make();
	P(1)->vaddr = 0x08048800;
	CHECK(strcmp(elf_check(img, n), "overlapping segments") == 0);
	make();
	P(1)->vaddr = 0x08047800; /* overlaps the start of segment 0 */
	CHECK(elf_check(img, n) != 0);
}

static void entry_point(void)
{
	uint32_t n = make();
	E()->entry = 0x08049010; /* in the data segment, not executable */
	CHECK(elf_check(img, n) != 0);
	make();
	E()->entry = 0x10000000;
	CHECK(elf_check(img, n) != 0);
	make();
	P(0)->type = 4;
	P(1)->type = 4; /* no PT_LOAD left */
	CHECK(strcmp(elf_check(img, n), "no loadable segment") == 0);
}

int main(void)
{
	unit_file = "elf";
	RUN(valid);
	RUN(not_elf);
	RUN(wrong_kind);
	RUN(truncated);
	RUN(offsets_overflow);
	RUN(bad_addresses);
	RUN(overlapping);
	RUN(entry_point);
	return unit_done();
}
