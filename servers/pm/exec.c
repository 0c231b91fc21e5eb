// SPDX-License-Identifier: BSD-2-Clause
/*
 * exec: replace a process's program with one read from a file.
 *
 * Everything that can be checked is checked before the old program is
 * thrown away: the arguments, the file (through VFS, like any program
 * reads a file), its ELF headers and the size of what it asks for, the
 * first stack (exec_prepare in lib/libsys/exec_elf.c).  Then
 * exec_load builds the new memory from the file, and SYS_EXEC starts it.  A
 * failure after that point of no return ends the process.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abi/startup.h"
#include "elf32.h"
#include "pm.h"

#define MAX_ARGS 64

static uint8_t hdr[4096];
static struct exec_image image;

static int read_file(void *ctx, uint32_t off, void *buf, uint32_t n)
{
	int fd = *(int *)ctx;
	if (lseek(fd, (off_t)off, SEEK_SET) < 0 || read(fd, buf, n) != (int)n)
		return -EIO;
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
	uint32_t aux[3] = {STACK_AUX_EXEC, (uint32_t)proc_self(),
			   (uint32_t)proc_find("vfs")};
	r = exec_prepare(&image, hdr, (uint32_t)n, (uint32_t)st.st_size, args,
			 args_len, q->argc, q->envc, aux, 3);
	if (r < 0) {
		close(fd);
		return r;
	}

	if (!p->managed) {
		close(fd);
		return -EPERM; /* a boot process: its memory is not ours */
	}
	/* The point of no return: the old program goes. */
	const char *name = strrchr(path, '/');
	name = name ? name + 1 : path;
	r = exec_load(p->ep, &image, read_file, &fd);
	close(fd);
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
	p->brk_base = p->brk = p->brk_mapped = image.brk;
	if (sys_exec(p->ep, image.entry, image.sp, name) < 0)
		proc_terminate(p, SIGKILL);
	return 1; /* no reply either way */
}
