// SPDX-License-Identifier: BSD-2-Clause
/*
 * PM: the process manager.  It gives processes their pids and parents,
 * forks them (SYS_FORK on their behalf: PM becomes the child's manager),
 * learns from the kernel when a managed process ends or faults, and
 * keeps the exit status until the parent waits for it.
 *
 * PM's table is its own, not the kernel's: a zombie stays here, holding
 * its status for the parent, after the kernel has reused its slot.  A
 * process PM has not met yet (a boot process) gets a pid when it first
 * asks for something.  Orphans are adopted by nobody yet: their
 * exit statuses are simply dropped (init will adopt them).
 */
#include <string.h>

#include "pm.h"

#define SIG_FOR_VECTOR(v) ((v) == 0 ? 8 : (v) == 6 ? 4 : 11) /* FPE ILL SEGV */

#define NR_MPROCS 128

static struct mproc mp[NR_MPROCS];
static int next_pid = 2;

static struct mproc *by_ep(endpoint_t ep)
{
	for (int i = 0; i < NR_MPROCS; i++)
		if (mp[i].ep == ep && !mp[i].zombie)
			return &mp[i];
	return 0;
}

static struct mproc *new_entry(endpoint_t ep)
{
	for (int i = 0; i < NR_MPROCS; i++) {
		if (mp[i].ep != NONE)
			continue;
		memset(&mp[i], 0, sizeof(mp[i]));
		mp[i].ep = ep;
		mp[i].pid = next_pid++;
		return &mp[i];
	}
	return 0;
}

/* The entry for a caller, making one for a process we have not met. */
static struct mproc *caller(endpoint_t ep)
{
	struct mproc *p = by_ep(ep);
	return p ? p : new_entry(ep);
}

static void reply(endpoint_t to, int status, int pid, int wstatus)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = PM_REPLY;
	*PM_REP(&m) = (struct pm_reply){status, pid, wstatus};
	ipc_sendnb(to, &m);
}

static int matches(const struct mproc *child, const struct mproc *parent,
		   int pid)
{
	return child->ep != NONE && child->ppid == parent->pid &&
	       (pid == -1 || child->pid == pid);
}

/* Hand a zombie child to its waiting parent, if the parent waits. */
static int reap(struct mproc *parent, int pid, int *found)
{
	*found = 0;
	for (int s = 0; s < NR_MPROCS; s++) {
		struct mproc *c = &mp[s];
		if (!matches(c, parent, pid))
			continue;
		*found = 1;
		if (!c->zombie)
			continue;
		int cpid = c->pid, w = c->wstatus;
		c->ep = NONE;
		reply(parent->ep, cpid, cpid, w);
		return 1;
	}
	return 0;
}

void pm_ended(struct mproc *p, int wstatus)
{
	p->zombie = 1;
	p->wstatus = wstatus;
	for (int s = 0; s < NR_MPROCS; s++) { /* its children are orphans */
		if (mp[s].ep != NONE && mp[s].ppid == p->pid) {
			mp[s].ppid = 0;
			if (mp[s].zombie)
				mp[s].ep = NONE;
		}
	}
	for (int s = 0; s < NR_MPROCS; s++) {
		struct mproc *parent = &mp[s];
		if (parent->ep == NONE || parent->pid != p->ppid ||
		    parent->zombie)
			continue;
		int found;
		if (parent->waiting &&
		    (parent->wait_pid == -1 || parent->wait_pid == p->pid)) {
			parent->waiting = 0;
			reap(parent, parent->wait_pid, &found);
		}
		return;
	}
	p->ep = NONE; /* nobody will wait for it */
}

/* The kernel has news about processes we manage. */
static void kernel_news(void)
{
	struct kc_getksig k;
	while (sys_getksig(&k) == 0 && k.who != NONE) {
		struct mproc *p = by_ep(k.who);
		if (k.kind == KSIG_FAULT) {
			sys_exit(k.who, 0);
			if (p)
				pm_ended(p, SIG_FOR_VECTOR(k.vector));
		} else if (k.kind == KSIG_EXIT && p) {
			pm_ended(p, (k.status & 0xff) << 8);
		}
	}
}

static void do_fork(struct mproc *p)
{
	endpoint_t child;
	struct mproc *c = new_entry(SELF); /* held while we fork */
	if (!c) {
		reply(p->ep, -EAGAIN, 0, 0);
		return;
	}
	int r = sys_fork_of(p->ep, &child);
	if (r < 0) {
		c->ep = NONE;
		reply(p->ep, r == -ENOMEM ? -ENOMEM : -EAGAIN, 0, 0);
		return;
	}
	c->ep = child;
	c->ppid = p->pid;
	reply(child, 0, 0, 0);
	reply(p->ep, c->pid, 0, 0);
}

static void do_waitpid(struct mproc *p, const struct pm_request *q)
{
	int found;
	if (q->pid == 0 || q->pid < -1 || q->options & ~PM_WNOHANG) {
		reply(p->ep, -EINVAL, 0, 0);
		return;
	}
	if (reap(p, q->pid, &found))
		return;
	if (!found)
		reply(p->ep, -ECHILD, 0, 0);
	else if (q->options & PM_WNOHANG)
		reply(p->ep, 0, 0, 0);
	else {
		p->waiting = 1; /* answered when a child ends */
		p->wait_pid = q->pid;
	}
}

int main(void)
{
	for (int s = 0; s < NR_MPROCS; s++)
		mp[s].ep = NONE;
	for (;;) {
		message_t m;
		int status;
		if (ipc_receive(ANY, &m, &status) != 0)
			continue;
		if (IPC_IS_NOTIFY(status)) {
			if (m.m_source == SYSTEM)
				kernel_news();
			continue;
		}
		if (m.m_source < 0)
			continue;
		struct mproc *p = caller(m.m_source);
		struct pm_request q = *PM_REQ(&m);
		if (!p) { /* our table is full */
			reply(m.m_source, -EAGAIN, 0, 0);
			continue;
		}
		switch (m.m_type) {
		case PM_FORK:
			do_fork(p);
			break;
		case PM_WAITPID:
			do_waitpid(p, &q);
			break;
		case PM_EXEC: {
			int r = pm_exec(p, &q);
			if (r <= 0)
				reply(p->ep, r, 0, 0);
			break;
		}
		case PM_GETPID:
			reply(p->ep, p->pid, p->ppid, 0);
			break;
		default:
			reply(p->ep, -ENOSYS, 0, 0);
		}
	}
}
