// SPDX-License-Identifier: BSD-2-Clause
/*
 * Starting a program in a process one manages: what PM does for exec(2)
 * and RS does for every service it starts (see libsys.h, "exec_*").
 *
 * The work is split at the point of no return.  exec_prepare() checks
 * the ELF headers (include/elf32.h, the kernel's own rules) and the
 * size the program asks for, and lays out its first stack -- argc, argv,
 * envp, the caller's auxiliary words, the strings -- in a page of the
 * caller's memory, the way crt0 (lib/libc/crt0.asm) reads it.  Nothing
 * has changed yet, so any error leaves the old program running.
 * exec_load() then replaces the process's memory with SYS_MEMMAP
 * (stack, then each PT_LOAD segment filled through the reader, which
 * may take the bytes from a file or from a copy in memory); the caller
 * does its own bookkeeping and starts the program with SYS_EXEC at
 * x->entry, x->sp.  If exec_load fails half-way the process is unusable
 * and the caller must end it.
 */
#include <string.h>

#include "elf32.h"
#include "libsys.h"

#define USER_TOP 0xc0000000u
#define MAX_IMAGE (64u << 20)

int exec_prepare(struct exec_image *x, const uint8_t *hdr, uint32_t n,
		 uint32_t size, const char *strs, uint32_t len, uint32_t argc,
		 uint32_t envc, const uint32_t *aux, uint32_t naux)
{
	const struct ehdr *eh = (const struct ehdr *)hdr;
	if (n < sizeof(*eh) || n > sizeof(x->hdr))
		return -ENOEXEC;
	uint64_t table = (uint64_t)eh->phoff + eh->phnum * sizeof(struct phdr);
	if (table > n ||
	    elf32_check(hdr, size, 0x1000, USER_TOP - EXEC_STACK_SIZE))
		return -ENOEXEC;
	const struct phdr *ph = elf32_phdrs(hdr);
	uint64_t total = 0, end = 0;
	for (int i = 0; i < eh->phnum; i++) {
		if (ph[i].type != ELF_PT_LOAD)
			continue;
		total += ph[i].memsz;
		if ((uint64_t)ph[i].vaddr + ph[i].memsz > end)
			end = (uint64_t)ph[i].vaddr + ph[i].memsz;
	}
	if (total > MAX_IMAGE)
		return -ENOMEM;
	/* argc, argv[] and NULL, envp[] and NULL, the auxiliary words. */
	uint32_t words = 1 + argc + 1 + envc + 1 + naux;
	uint32_t str_bytes = (len + 3) & ~3u;
	x->stack_size = words * 4 + str_bytes;
	if (x->stack_size > sizeof(x->stack))
		return -E2BIG;
	x->sp = USER_TOP - x->stack_size;
	uint32_t *w = (uint32_t *)(void *)x->stack, at = x->sp + words * 4;
	memcpy(x->stack + words * 4, strs, len);
	*w++ = argc;
	for (uint32_t list = 0; list < 2; list++) { /* argv, then envp */
		for (uint32_t i = 0; i < (list ? envc : argc); i++) {
			*w++ = at;
			uint32_t sn = (uint32_t)strnlen(strs, len) + 1;
			at += sn;
			strs += sn;
			len -= sn <= len ? sn : len;
		}
		*w++ = 0;
	}
	for (uint32_t i = 0; i < naux; i++)
		*w++ = aux[i];
	memcpy(x->hdr, hdr, n);
	x->entry = eh->entry;
	x->brk = ((uint32_t)end + 0xfff) & ~0xfffu;
	return 0;
}

static int load_segment(endpoint_t who, const struct phdr *ph,
			exec_read_fn read_at, void *ctx)
{
	static uint8_t chunk[4096]; /* program bytes on their way */
	uint32_t first = ph->vaddr & ~0xfffu;
	uint32_t end = ph->vaddr + ph->memsz;
	int r = sys_memmap(who, first, end - first,
			   ph->flags & ELF_PF_W ? MM_WRITE : 0, 0);
	for (uint32_t done = 0; r == 0 && done < ph->filesz;) {
		uint32_t n = ph->filesz - done < sizeof(chunk)
				     ? ph->filesz - done
				     : sizeof(chunk);
		if (read_at(ctx, ph->offset + done, chunk, n) < 0)
			return -EIO;
		r = sys_memmap(who, ph->vaddr + done, n, MM_COPY, chunk);
		done += n;
	}
	return r;
}

int exec_load(endpoint_t who, const struct exec_image *x, exec_read_fn read_at,
	      void *ctx)
{
	const struct ehdr *eh = (const struct ehdr *)(const void *)x->hdr;
	const struct phdr *ph = elf32_phdrs(x->hdr);
	int r = sys_memmap(who, USER_TOP - EXEC_STACK_SIZE, EXEC_STACK_SIZE,
			   MM_NEW | MM_WRITE, 0);
	for (int i = 0; r == 0 && i < eh->phnum; i++)
		if (ph[i].type == ELF_PT_LOAD && ph[i].memsz)
			r = load_segment(who, &ph[i], read_at, ctx);
	if (r == 0)
		r = sys_memmap(who, x->sp, x->stack_size, MM_COPY, x->stack);
	return r;
}
