// SPDX-License-Identifier: BSD-2-Clause
/*
 * Processes as VFS sees them, and PM's notices about them.
 *
 * PM tells VFS when a process forks (the child shares the parent's open
 * files through copied descriptors, as fork(2) says), exits (everything
 * closed, a waiting call dropped), execs (close-on-exec descriptors
 * closed), is signalled (a waiting call ends with EINTR), or changes
 * its ids or process group, and asks it to open a program file for exec
 * on a process's behalf (open.c, do_exec_open).  Only PM may send these;
 * VFS answers each at once.  A process VFS meets without a notice (a boot process) starts
 * with no descriptors, the root as its directory and mask 022.
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

static int do_fork(const struct vfs_request *q)
{
	if (q->ep < 0 || EP_SLOT(q->ep) >= NR_PROCS || q->ep2 < 0 ||
	    EP_SLOT(q->ep2) >= NR_PROCS || EP_SLOT(q->ep) == EP_SLOT(q->ep2))
		return -EINVAL;
	struct vproc *parent = vproc_of(q->ep);
	struct vproc *c = vproc_of(q->ep2);
	*c = *parent;
	c->ep = q->ep2;
	c->pid = (int)q->mode;
	c->wait = W_NONE;
	for (int i = 0; i < VFS_OPEN_MAX; i++)
		if (c->fd[i])
			c->fd[i]->refs++;
	return 0;
}

int proc_notice(endpoint_t from, int type, const struct vfs_request *q,
		struct vfs_reply *rep)
{
	if (pm_ep == NONE)
		pm_ep = proc_find("pm");
	if (from != pm_ep)
		return -EPERM;
	if (type == VFS_PM_FORK)
		return do_fork(q);
	if (type == VFS_PM_EXECOPEN)
		return do_exec_open(vproc_of(from), q, rep);
	struct vproc *p = vproc_by_ep(q->ep);
	if (!p)
		return 0; /* nothing kept for it */
	switch (type) {
	case VFS_PM_EXIT:
		proc_reset(p, NONE);
		p->ep = NONE;
		return 0;
	case VFS_PM_EXEC:
		close_all(p, p->cloexec);
		p->cloexec = 0;
		return 0;
	case VFS_PM_UNPAUSE:
		if (p->wait != W_NONE)
			wait_interrupt(p);
		return 0;
	case VFS_PM_SETID:
		p->uid = (uint16_t)q->mode;
		p->gid = (uint16_t)q->arg;
		return 0;
	case VFS_PM_PGRP:
		p->pgrp = (int)q->mode;
		return 0;
	default:
		return -ENOSYS;
	}
}
