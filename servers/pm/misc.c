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
	vfs_notice(VFS_PM_PGRP, p->ep, NONE, (uint32_t)pgrp, 0);
	return 0;
}

static int do_setpgid(struct mproc *p, const struct pm_request *q)
{
	struct mproc *t = q->pid == 0 ? p : pm_by_pid(q->pid);
	int pgid = q->arg == 0 ? (t ? t->pid : 0) : q->arg;
	if (q->pid < 0 || q->arg < 0)
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

static int do_setsid(struct mproc *p)
{
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
	vfs_notice(VFS_PM_SETID, p->ep, NONE, (uint32_t)p->euid, p->egid);
	return 0;
}

static int do_brk(struct mproc *p, const struct pm_request *q,
		  struct pm_reply *rep)
{
	uint32_t want = (uint32_t)q->arg;
	if (!p->brk_base)
		return -ENOMEM; /* not laid out by PM's exec */
	if (want == 0) {
		rep->a = p->brk;
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
	rep->a = want;
	return 0;
}

static int do_reboot(struct mproc *p, const struct pm_request *q)
{
	if (p->euid != 0)
		return -EPERM;
	if (q->arg != RB_POWEROFF && q->arg != RB_REBOOT)
		return -EINVAL;
	sync();
	return sys_reboot((uint32_t)q->arg, 0);
}

int do_misc(struct mproc *p, int type, const struct pm_request *q,
	    struct pm_reply *rep)
{
	switch (type) {
	case PM_GETPID:
		rep->a = (uint32_t)p->ppid;
		rep->b = (uint32_t)p->pgrp;
		return p->pid;
	case PM_SIGPENDING:
		rep->a = p->pending;
		return 0;
	case PM_SIGRETURN:
		p->mask = q->mask & ~(BIT(SIGKILL) | BIT(SIGSTOP));
		return 0;
	case PM_BRK:
		return do_brk(p, q, rep);
	case PM_GETIDS:
		*rep = (struct pm_reply){0,
					 0,
					 0,
					 (uint32_t)p->uid,
					 (uint32_t)p->euid,
					 (uint32_t)p->gid,
					 (uint32_t)p->egid};
		return 0;
	case PM_SETUID:
	case PM_SETGID:
		return set_ids(p, type, q->arg);
	case PM_SETSID:
		return do_setsid(p);
	case PM_SETPGID:
		return do_setpgid(p, q);
	case PM_TIMES: /* the caller's own ticks come from the kernel */
		rep->c = p->child_user;
		return 0;
	case PM_PROCS:
		return do_procs(p, q);
	case PM_REBOOT:
		return do_reboot(p, q);
	default:
		return -ENOSYS;
	}
}
