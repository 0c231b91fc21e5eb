// SPDX-License-Identifier: BSD-2-Clause
/*
 * Life and death: fork, exit, wait.
 *
 * fork copies the parent's entry (ids, group, signal handlers and mask,
 * memory layout) to a new pid, asks the kernel to copy the process
 * (SYS_FORK with PM as the child's manager), tells VFS so the child
 * shares the open files, and only then answers both.
 *
 * When a process ends, its entry stays as a zombie holding the status
 * until the parent collects it with waitpid (unless the parent ignores
 * SIGCHLD: then it goes at once); its children go to init; the parent
 * gets SIGCHLD.  A parent already waiting is answered at
 * once.  waitpid's pid picks one child (> 0), any (-1), the caller's
 * group (0) or group -pid (< -1); WUNTRACED also reports stopped ones.
 */
#include <string.h>

#include "pm.h"

static int next_pid = 2;

static int new_pid(void)
{
	for (;;) {
		int pid = next_pid++;
		if (next_pid > 30000)
			next_pid = 2;
		if (!pm_by_pid(pid))
			return pid;
	}
}

struct mproc *proc_new(endpoint_t ep)
{
	for (int i = 0; i < NR_MPROCS; i++) {
		if (mp[i].ep != NONE)
			continue;
		memset(&mp[i], 0, sizeof(mp[i]));
		mp[i].ep = ep;
		mp[i].manager = NONE;
		mp[i].pid = new_pid();
		mp[i].pgrp = mp[i].sid = mp[i].pid;
		return &mp[i];
	}
	return 0;
}

static int procs_of(int uid)
{
	int n = 0;
	for (int i = 0; i < NR_MPROCS; i++)
		n += mp[i].ep != NONE && !mp[i].zombie && mp[i].managed &&
		     mp[i].uid == uid;
	return n;
}

int do_fork(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)req, (void)rep;
	endpoint_t child;
	if (procs_of(p->uid) >= PROCS_PER_USER)
		return -EAGAIN;
	struct mproc *c = proc_new(SELF); /* held while we fork */
	if (!c)
		return -EAGAIN;
	int pid = c->pid;
	int r = sys_fork_of(p->ep, &child);
	if (r < 0) {
		c->ep = NONE;
		return r == -ENOMEM ? -ENOMEM : -EAGAIN;
	}
	/* Whatever the parent may do, a forked process is a user process. */
	sys_privctl(child, PRIVCTL_USER, 0);
	*c = *p;
	c->ep = child;
	c->pid = pid;
	c->ppid = p->pid;
	c->managed = true;
	c->pending = 0;
	c->alarm_at = 0;
	c->child_user = 0;
	c->block = B_NONE;
	c->stopped = c->stop_news = false;
	vfs_pm_fork(p->ep, child, pid);
	pm_reply(c, 0);
	return pid; /* the parent's reply */
}

static bool matches(const struct mproc *c, const struct mproc *parent, int pid)
{
	if (c->ep == NONE || c->ppid != parent->pid)
		return false;
	if (pid > 0)
		return c->pid == pid;
	if (pid == 0)
		return c->pgrp == parent->pgrp;
	return pid == -1 || c->pgrp == -pid;
}

/* Answer a waiting parent if one of its children has news: 1 if so. */
static int reap(struct mproc *parent, int pid, int options, int *found)
{
	*found = 0;
	for (int s = 0; s < NR_MPROCS; s++) {
		struct mproc *c = &mp[s];
		if (!matches(c, parent, pid))
			continue;
		*found = 1;
		struct pm_waitpid_reply rep = {.status = c->pid, .pid = c->pid};
		if (c->zombie) {
			rep.wstatus = c->wstatus;
			parent->child_user += c->child_user;
			c->ep = NONE;
		} else if (c->stop_news && (options & PM_WUNTRACED)) {
			rep.wstatus = c->wstatus;
			c->stop_news = false;
		} else {
			continue;
		}
		parent->block = B_NONE;
		ipc_reply(parent->ep, PM_REPLY, &rep, sizeof(rep));
		return 1;
	}
	return 0;
}

int do_waitpid(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	const struct pm_waitpid *q = &req->waitpid;
	int found;
	if (q->options & ~(PM_WNOHANG | PM_WUNTRACED))
		return -EINVAL;
	if (reap(p, q->pid, q->options, &found))
		return REPLY_LATER; /* reap answered */
	if (!found)
		return -ECHILD;
	if (q->options & PM_WNOHANG)
		return 0;
	p->block = B_WAIT; /* answered when a child changes */
	p->wait_pid = q->pid;
	p->wait_options = q->options;
	return REPLY_LATER;
}

void proc_child_changed(struct mproc *c)
{
	struct mproc *parent = pm_by_pid(c->ppid);
	int found;
	if (!parent || parent->zombie)
		return;
	if (parent->block == B_WAIT)
		reap(parent, parent->wait_pid, parent->wait_options, &found);
	if (c->zombie || !(parent->act[SIGCHLD].flags & SA_NOCLDSTOP_F))
		sig_raise(parent, SIGCHLD);
}

/* A parent that ignores SIGCHLD gets no zombies (POSIX, wait): the
 * child goes at once, and a wait for it finds no children (ECHILD) once
 * none that could match are left. */
static void no_zombie(struct mproc *parent, struct mproc *c)
{
	int found;
	c->ep = NONE;
	if (parent->block == B_WAIT &&
	    !reap(parent, parent->wait_pid, parent->wait_options, &found) &&
	    !found) {
		parent->block = B_NONE;
		pm_reply(parent, -ECHILD);
	}
}

void proc_ended(struct mproc *p, int wstatus, uint32_t user_ticks)
{
	p->zombie = true;
	p->wstatus = wstatus;
	p->child_user += user_ticks;
	p->alarm_at = 0;
	p->block = B_NONE;
	vfs_pm_exit(p->ep);
	struct mproc *init = pm_by_pid(INIT_PID);
	for (int s = 0; s < NR_MPROCS; s++) { /* init adopts the children */
		struct mproc *c = &mp[s];
		if (c->ep == NONE || c->ppid != p->pid || c == p)
			continue;
		c->ppid = init ? INIT_PID : 0;
		if (c->zombie && init)
			proc_child_changed(c);
		else if (c->zombie)
			c->ep = NONE;
	}
	struct mproc *parent = pm_by_pid(p->ppid);
	if (!parent || p->ppid == 0) {
		p->ep = NONE; /* nobody will wait for it */
		return;
	}
	if (parent->act[SIGCHLD].handler == SIG_IGN_H) {
		no_zombie(parent, p);
		return;
	}
	proc_child_changed(p);
}

void proc_terminate(struct mproc *p, int sig)
{
	sys_exit(p->ep, 0);
	proc_ended(p, sig & 0x7f, 0);
}
