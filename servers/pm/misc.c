// SPDX-License-Identifier: BSD-2-Clause
/*
 * The small calls: pids, user and group ids, sessions and process
 * groups, the break (brk), times, reboot (the process list for ps is
 * in procs.c).
 *
 * Only root may change its ids to others.  setsid makes the caller the
 * leader of a new session and group (not if it leads a group already);
 * setpgid moves the caller or a child into a group of the same session.
 * VFS hears of every change, so the terminal can signal groups.
 */
#include <string.h>
#include <unistd.h>

#include "pm.h"

#define BRK_LIMIT 0xb0000000u /* the heap stays clear of the stack */

static int set_pgrp(struct mproc *p, int pgrp)
{
	p->pgrp = pgrp;
	vfs_pm_pgrp(p->ep, pgrp);
	return 0;
}

int do_setpgid(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	const struct pm_setpgid *q = &req->setpgid;
	struct mproc *t = q->pid == 0 ? p : pm_by_pid(q->pid);
	int pgid = q->pgid == 0 ? (t ? t->pid : 0) : q->pgid;
	if (q->pid < 0 || q->pgid < 0)
		return -EINVAL;
	if (!t || t->zombie || (t != p && t->ppid != p->pid))
		return -ESRCH;
	if (t->sid != p->sid || t->pid == t->sid)
		return -EPERM;
	if (pgid != t->pid) {
		bool exists = false;
		for (int i = 0; i < NR_MPROCS; i++)
			exists |= mp[i].ep != NONE && !mp[i].zombie &&
				  mp[i].pgrp == pgid && mp[i].sid == p->sid;
		if (!exists)
			return -EPERM;
	}
	return set_pgrp(t, pgid);
}

int do_setsid(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)req, (void)rep;
	for (int i = 0; i < NR_MPROCS; i++)
		if (mp[i].ep != NONE && !mp[i].zombie && mp[i].pgrp == p->pid &&
		    &mp[i] != p)
			return -EPERM; /* it leads a group already */
	p->sid = p->pid;
	set_pgrp(p, p->pid);
	return p->pid;
}

static int set_ids(struct mproc *p, int type, int id)
{
	if (id < 0 || id > 0xffff)
		return -EINVAL;
	if (type == PM_SETUID) {
		if (p->euid != 0 && id != p->uid)
			return -EPERM;
		p->uid = p->euid = id;
	} else {
		if (p->euid != 0 && id != p->gid)
			return -EPERM;
		p->gid = p->egid = id;
	}
	vfs_pm_setid(p->ep, (uint32_t)p->euid, (uint32_t)p->egid);
	return 0;
}

int do_setuid(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	return set_ids(p, PM_SETUID, req->setuid.id);
}

int do_setgid(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	return set_ids(p, PM_SETGID, req->setgid.id);
}

int do_brk(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	uint32_t want = req->brk.addr;
	if (!p->brk_base)
		return -ENOMEM; /* not laid out by PM's exec */
	if (want == 0) {
		rep->brk.brk = p->brk;
		return 0;
	}
	if (want < p->brk_base || want > BRK_LIMIT)
		return -ENOMEM;
	uint32_t top = (want + 0xfff) & ~0xfffu;
	if (top > p->brk_mapped) {
		int r = sys_memmap(p->ep, p->brk_mapped, top - p->brk_mapped,
				   MM_WRITE, 0);
		if (r < 0)
			return -ENOMEM;
		p->brk_mapped = top;
	}
	p->brk = want;
	rep->brk.brk = want;
	return 0;
}

int do_reboot(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	int how = req->reboot.how;
	if (p->euid != 0)
		return -EPERM;
	if (how != RB_POWEROFF && how != RB_REBOOT)
		return -EINVAL;
	sync();
	return sys_reboot((uint32_t)how, 0);
}

int do_getpid(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)req;
	rep->getpid.ppid = p->ppid;
	rep->getpid.pgrp = p->pgrp;
	return p->pid;
}

int do_getids(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)req;
	rep->getids.uid = (uint32_t)p->uid;
	rep->getids.euid = (uint32_t)p->euid;
	rep->getids.gid = (uint32_t)p->gid;
	rep->getids.egid = (uint32_t)p->egid;
	return 0;
}

/* The caller's own ticks come from the kernel. */
int do_times(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)req;
	rep->times.child_user = p->child_user;
	return 0;
}
