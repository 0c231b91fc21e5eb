// SPDX-License-Identifier: BSD-2-Clause
/*
 * exec: replace a process's program with one read from a file.
 *
 * Everything that can be checked is checked before the old program is
 * thrown away: the arguments, the file (through VFS, like any program
 * reads a file), its ELF headers (include/elf32.h, the kernel's own
 * checks), the size of what it asks for.  Then PM builds the new memory
 * with SYS_MEMMAP, fills it from the file a chunk at a time, writes the
 * initial stack (argc, argv, envp, the strings) and starts it with
 * SYS_EXEC.  A failure after the point of no return ends the process.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abi/startup.h"
#include "elf32.h"
#include "pm.h"

#define STACK_SIZE 0x10000u
#define USER_TOP 0xc0000000u
#define MAX_IMAGE (64u << 20)
#define MAX_ARGS 64

static uint8_t hdr[4096];
static uint8_t chunk[4096];	/* file data on its way */
static uint8_t stack_img[4096]; /* the new stack's top */

static int load_segment(endpoint_t who, int fd, const struct phdr *ph)
{
	uint32_t first = ph->vaddr & ~0xfffu;
	uint32_t end = ph->vaddr + ph->memsz;
	int r = sys_memmap(who, first, end - first,
			   ph->flags & ELF_PF_W ? MM_WRITE : 0, 0);
	for (uint32_t done = 0; r == 0 && done < ph->filesz;) {
		uint32_t n = ph->filesz - done < sizeof(chunk)
				     ? ph->filesz - done
				     : sizeof(chunk);
		if (lseek(fd, (off_t)(ph->offset + done), SEEK_SET) < 0 ||
		    read(fd, chunk, n) != (int)n)
			return -EIO;
		r = sys_memmap(who, ph->vaddr + done, n, MM_COPY, chunk);
		done += n;
	}
	return r;
}

/* Lay out the new stack in `stack_img` the way crt0 expects it, and give
 * its address in the process. */
static int build_stack(const char *strs, uint32_t len, uint32_t argc,
		       uint32_t envc, uint32_t *sp, uint32_t *size)
{
	uint32_t words = 1 + argc + 1 + envc + 1 + 3;
	uint32_t str_bytes = (len + 3) & ~3u;
	*size = words * 4 + str_bytes;
	if (*size > sizeof(stack_img))
		return -E2BIG;
	*sp = USER_TOP - *size;
	uint32_t *w = (uint32_t *)stack_img, at = *sp + words * 4;
	memcpy(stack_img + words * 4, strs, len);
	*w++ = argc;
	for (uint32_t list = 0; list < 2; list++) { /* argv, then envp */
		for (uint32_t i = 0; i < (list ? envc : argc); i++) {
			*w++ = at;
			uint32_t n = (uint32_t)strlen(strs) + 1;
			at += n;
			strs += n;
		}
		*w++ = 0;
	}
	*w++ = STACK_AUX_EXEC;
	*w++ = (uint32_t)pm_self();
	*w = (uint32_t)proc_find("vfs");
	return 0;
}

int pm_exec(struct mproc *p, const struct pm_request *q)
{
	static char block[PM_EXEC_MAX + 1];
	if (q->len == 0 || q->len > PM_EXEC_MAX || q->argc > MAX_ARGS ||
	    q->envc > MAX_ARGS)
		return q->len > PM_EXEC_MAX ? -E2BIG : -EINVAL;
	int r = sys_safecopyfrom(p->ep, q->grant, 0, block, q->len);
	if (r < 0)
		return -EFAULT;
	block[q->len] = 0;
	/* The block must hold exactly 1 + argc + envc strings. */
	uint32_t strings = 0;
	for (uint32_t i = 0; i < q->len; i++)
		strings += block[i] == 0;
	if (block[q->len - 1] != 0 || strings != 1 + q->argc + q->envc)
		return -EINVAL;
	const char *path = block, *args = block + strlen(block) + 1;
	uint32_t args_len = q->len - (uint32_t)(args - block);

	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -errno;
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EACCES; /* not a regular file */
	}
	int n = read(fd, hdr, sizeof(hdr));
	if (n < (int)sizeof(struct ehdr)) {
		close(fd);
		return n < 0 ? -EIO : -ENOEXEC;
	}
	/* The headers must be in what we read; the segments in the file. */
	const struct ehdr *eh = (const struct ehdr *)hdr;
	uint64_t table = (uint64_t)eh->phoff + eh->phnum * sizeof(struct phdr);
	if (!S_ISREG(st.st_mode) || table > (uint64_t)n ||
	    elf32_check(hdr, (uint32_t)st.st_size, 0x1000,
			USER_TOP - STACK_SIZE)) {
		close(fd);
		return -ENOEXEC;
	}
	const struct phdr *ph = elf32_phdrs(hdr);
	uint64_t total = 0, end = 0;
	for (int i = 0; i < eh->phnum; i++) {
		if (ph[i].type != ELF_PT_LOAD)
			continue;
		total += ph[i].memsz;
		if ((uint64_t)ph[i].vaddr + ph[i].memsz > end)
			end = (uint64_t)ph[i].vaddr + ph[i].memsz;
	}
	uint32_t sp, size;
	if (total > MAX_IMAGE) {
		close(fd);
		return -ENOMEM;
	}
	if ((r = build_stack(args, args_len, q->argc, q->envc, &sp, &size)) <
	    0) {
		close(fd);
		return r;
	}

	if (!p->managed) {
		close(fd);
		return -EPERM; /* a boot process: its memory is not ours */
	}
	/* The point of no return: the old program goes. */
	r = sys_memmap(p->ep, USER_TOP - STACK_SIZE, STACK_SIZE,
		       MM_NEW | MM_WRITE, 0);
	for (int i = 0; r == 0 && i < eh->phnum; i++)
		if (ph[i].type == ELF_PT_LOAD && ph[i].memsz)
			r = load_segment(p->ep, fd, &ph[i]);
	close(fd);
	if (r == 0)
		r = sys_memmap(p->ep, sp, size, MM_COPY, stack_img);
	const char *name = strrchr(path, '/');
	name = name ? name + 1 : path;
	if (r < 0) {
		proc_terminate(p, SIGKILL);
		return 1;
	}
	vfs_notice(VFS_PM_EXEC, p->ep, NONE, 0, 0);
	sig_exec(p);
	size_t nlen = strlen(name);
	nlen = nlen < sizeof(p->name) - 1 ? nlen : sizeof(p->name) - 1;
	memcpy(p->name, name, nlen);
	p->name[nlen] = 0;
	p->brk_base = p->brk = p->brk_mapped =
		((uint32_t)end + 0xfff) & ~0xfffu;
	if (sys_exec(p->ep, eh->entry, sp, name) < 0)
		proc_terminate(p, SIGKILL);
	return 1; /* no reply either way */
}
