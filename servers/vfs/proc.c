// SPDX-License-Identifier: BSD-2-Clause
/*
 * Processes as VFS sees them, and PM's notices about them.
 *
 * PM tells VFS when a process forks (the child shares the parent's open
 * files through copied descriptors, as fork(2) says), exits (everything
 * closed, a waiting call dropped), execs (close-on-exec descriptors
 * closed), is signalled (a waiting call ends with EINTR), or changes
 * its ids or process group, and asks it to open a program file for exec
 * on a process's behalf (open.c, do_pm_execopen).  Only PM may send
 * these (main.c checks, proc_is_pm); VFS answers each at once.  A
 * process VFS meets without a notice (a boot process) starts with no
 * descriptors, the root as its directory and mask 022.
 */
#include <string.h>

#include "vfs.h"

static endpoint_t pm_ep = NONE;

static void close_all(struct vproc *p, uint64_t which)
{
	for (int i = 0; i < VFS_OPEN_MAX; i++)
		if (p->fd[i] && (which >> i & 1))
			fd_close(p, i);
}

void proc_reset(struct vproc *p, endpoint_t ep)
{
	if (p->ep != NONE) {
		if (p->wait != W_NONE)
			wait_interrupt(p);
		close_all(p, ~0ull);
	}
	memset(p, 0, sizeof(*p));
	p->ep = ep;
	p->cwd = ROOT_INO;
	p->umask = 022;
	p->wait = W_NONE;
}

int do_pm_fork(struct vproc *pm, const union vfs_req *req, union vfs_rep *rep)
{
	(void)pm, (void)rep;
	const struct vfs_pm_fork *q = &req->pm_fork;
	if (q->parent < 0 || EP_SLOT(q->parent) >= NR_PROCS || q->child < 0 ||
	    EP_SLOT(q->child) >= NR_PROCS ||
	    EP_SLOT(q->parent) == EP_SLOT(q->child))
		return -EINVAL;
	struct vproc *parent = vproc_of(q->parent);
	struct vproc *c = vproc_of(q->child);
	*c = *parent;
	c->ep = q->child;
	c->pid = q->pid;
	c->wait = W_NONE;
	for (int i = 0; i < VFS_OPEN_MAX; i++)
		if (c->fd[i])
			c->fd[i]->refs++;
	return 0;
}

/* The notices below are about a process VFS may know nothing of yet:
 * then there is nothing to change. */
int do_pm_exit(struct vproc *pm, const union vfs_req *req, union vfs_rep *rep)
{
	(void)pm, (void)rep;
	struct vproc *p = vproc_by_ep(req->pm_exit.ep);
	if (p) {
		proc_reset(p, NONE);
		p->ep = NONE;
	}
	return 0;
}

int do_pm_exec(struct vproc *pm, const union vfs_req *req, union vfs_rep *rep)
{
	(void)pm, (void)rep;
	struct vproc *p = vproc_by_ep(req->pm_exec.ep);
	if (p) {
		close_all(p, p->cloexec);
		p->cloexec = 0;
	}
	return 0;
}

int do_pm_unpause(struct vproc *pm, const union vfs_req *req,
		  union vfs_rep *rep)
{
	(void)pm, (void)rep;
	struct vproc *p = vproc_by_ep(req->pm_unpause.ep);
	if (p && p->wait != W_NONE)
		wait_interrupt(p);
	return 0;
}

int do_pm_setid(struct vproc *pm, const union vfs_req *req, union vfs_rep *rep)
{
	(void)pm, (void)rep;
	const struct vfs_pm_setid *q = &req->pm_setid;
	struct vproc *p = vproc_by_ep(q->ep);
	if (p) {
		p->uid = (uint16_t)q->euid;
		p->gid = (uint16_t)q->egid;
	}
	return 0;
}

int do_pm_pgrp(struct vproc *pm, const union vfs_req *req, union vfs_rep *rep)
{
	(void)pm, (void)rep;
	const struct vfs_pm_pgrp *q = &req->pm_pgrp;
	struct vproc *p = vproc_by_ep(q->ep);
	if (p)
		p->pgrp = q->pgrp;
	return 0;
}

bool proc_is_pm(endpoint_t ep)
{
	if (pm_ep == NONE)
		pm_ep = proc_find("pm");
	return ep == pm_ep;
}
