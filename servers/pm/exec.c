// SPDX-License-Identifier: BSD-2-Clause
/*
 * exec: replace a process's program with one read from a file.
 *
 * Everything that can be checked is checked before the old program is
 * thrown away: the arguments; the file, which VFS opens for PM on the
 * process's behalf (vfs_pm_execopen: the path resolved from the
 * process's working directory with its effective ids, a regular file
 * with an x bit for them, else EACCES); its ELF headers and the size of
 * what it asks for, the first stack (exec_prepare in
 * lib/libsys/exec_elf.c).  Then exec_load builds the new memory from
 * the file, the set-user-ID and set-group-ID bits give the process the
 * file's owner and group as its effective ids (the real ones stay; VFS
 * learns them with vfs_pm_setid, as after setuid), and SYS_EXEC starts
 * it.  A failure after that point of no return ends the process.
 *
 * A script is not PM's business: its "#!" line is not ELF, so exec says
 * ENOEXEC and the shell runs it (commands/sh/path.c).
 */
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

/* The set-user-ID and set-group-ID bits of the program p now runs. */
static void exec_ids(struct mproc *p, const struct fs_stat *st)
{
	if (!(st->mode & (S_ISUID | S_ISGID)))
		return;
	if (st->mode & S_ISUID)
		p->euid = st->uid;
	if (st->mode & S_ISGID)
		p->egid = st->gid;
	vfs_pm_setid(p->ep, (uint32_t)p->euid, (uint32_t)p->egid);
}

int do_exec(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	const struct pm_exec *q = &req->exec;
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

	struct fs_stat st;
	int fd = vfs_pm_execopen(p->ep, path, &st);
	if (fd < 0)
		return fd;
	int n = read(fd, hdr, sizeof(hdr));
	if (n < (int)sizeof(struct ehdr)) {
		close(fd);
		return n < 0 ? -EIO : -ENOEXEC;
	}
	uint32_t aux[3] = {STACK_AUX_EXEC, (uint32_t)proc_self(),
			   (uint32_t)proc_find("vfs")};
	r = exec_prepare(&image, hdr, (uint32_t)n, st.size, args, args_len,
			 q->argc, q->envc, aux, 3);
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
		return REPLY_LATER; /* never: it has ended */
	}
	vfs_pm_exec(p->ep);
	exec_ids(p, &st);
	sig_exec(p);
	size_t nlen = strlen(name);
	nlen = nlen < sizeof(p->name) - 1 ? nlen : sizeof(p->name) - 1;
	memcpy(p->name, name, nlen);
	p->name[nlen] = 0;
	p->brk_base = p->brk = p->brk_mapped = image.brk;
	if (sys_exec(p->ep, image.entry, image.sp, name) < 0)
		proc_terminate(p, SIGKILL);
	return REPLY_LATER; /* no reply either way */
}
