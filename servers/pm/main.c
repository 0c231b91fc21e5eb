// SPDX-License-Identifier: BSD-2-Clause
/*
 * PM: the process manager.
 *
 * It gives processes their pids, parents, groups, sessions and ids; it
 * forks them (SYS_FORK on their behalf, which makes PM their manager)
 * and execs them (exec.c); it learns from the kernel when a managed
 * process ends or faults, keeps the exit status until the parent waits
 * for it (proc.c), and implements signals (signal.c, frame.c), alarms
 * and sleeps (timer.c) and the small calls (misc.c).
 *
 * PM's table is its own, not the kernel's: a zombie stays here, holding
 * its status for the parent, after the kernel has reused its slot.  The
 * boot processes are entered at start (procs.c), so that ps lists the
 * drivers and servers too; init is pid 1 and adopts orphans.  A process
 * PM has still not met gets a pid when it first asks for something.
 *
 * PM tells VFS about forks, exits, execs, signals and id changes with
 * SENDREC notices, and asks it to open an exec's program file as the
 * exec'ing process would (exec.c); VFS never calls PM, so the two
 * cannot deadlock.
 */
#include <string.h>

#include "pm.h"

struct mproc mp[NR_MPROCS];
static endpoint_t vfs_ep = NONE;

void pm_reply(struct mproc *p, int status, const struct pm_reply *rep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = PM_REPLY;
	if (rep)
		*PM_REP(&m) = *rep;
	PM_REP(&m)->status = status;
	ipc_sendnb(p->ep, &m);
}

struct mproc *pm_by_ep(endpoint_t ep)
{
	for (int i = 0; i < NR_MPROCS; i++)
		if (mp[i].ep == ep && !mp[i].zombie && ep != NONE)
			return &mp[i];
	return 0;
}

struct mproc *pm_by_pid(int pid)
{
	for (int i = 0; i < NR_MPROCS; i++)
		if (mp[i].ep != NONE && mp[i].pid == pid && pid > 0)
			return &mp[i];
	return 0;
}

uint64_t pm_now(void)
{
	struct kc_times t;
	return sys_times(&t) == 0 ? t.ticks : 0;
}

int vfs_send(int type, const struct vfs_request *q, struct vfs_reply *rep)
{
	if (vfs_ep == NONE)
		vfs_ep = proc_find("vfs");
	if (vfs_ep == NONE)
		return -ENOSYS;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*VFS_REQ(&m) = *q;
	int r = ipc_sendrec(vfs_ep, &m);
	if (r < 0)
		return r;
	if (rep)
		*rep = *VFS_REP(&m);
	return VFS_REP(&m)->status;
}

int vfs_notice(int type, endpoint_t ep, endpoint_t ep2, uint32_t mode,
	       int32_t arg)
{
	struct vfs_request q = {.ep = ep, .ep2 = ep2, .mode = mode, .arg = arg};
	return vfs_send(type, &q, 0);
}

/* The kernel has news about processes we manage. */
static void kernel_news(void)
{
	struct kc_getksig k;
	while (sys_getksig(&k) == 0 && k.who != NONE) {
		struct mproc *p = pm_by_ep(k.who);
		if (k.kind == KSIG_FAULT) {
			int sig = k.vector == 0 || k.vector == 16 ? SIGFPE
				  : k.vector == 6		  ? SIGILL
								  : SIGSEGV;
			if (p)
				sig_fault(p, sig);
			else
				sys_exit(k.who, 0);
		} else if (k.kind == KSIG_EXIT && p) {
			proc_ended(p, (k.status & 0xff) << 8, k.user_ticks);
		} else if (k.kind == KSIG_SIGNAL && p) {
			for (int s = 1; s < NSIG; s++)
				if ((uint32_t)k.status & BIT(s))
					sig_raise(p, s);
		}
	}
}

static void handle(struct mproc *p, int type, const struct pm_request *q)
{
	struct pm_reply rep;
	memset(&rep, 0, sizeof(rep));
	int r;
	switch (type) {
	case PM_FORK:
		do_fork(p);
		return;
	case PM_WAITPID:
		do_waitpid(p, q);
		return;
	case PM_EXEC:
		if ((r = pm_exec(p, q)) <= 0)
			pm_reply(p, r, 0);
		return;
	case PM_KILL:
		r = do_kill(p, q);
		break;
	case PM_SIGACTION:
		r = do_sigaction(p, q, &rep);
		break;
	case PM_SIGPROCMASK:
		r = do_sigprocmask(p, q, &rep);
		break;
	case PM_SIGSUSPEND:
		r = do_sigsuspend(p, q);
		break;
	case PM_ALARM:
		r = do_alarm(p, q);
		break;
	case PM_SLEEP:
		r = do_sleep(p, q);
		break;
	default:
		r = do_misc(p, type, q, &rep);
	}
	if (r != EDONTREPLY)
		pm_reply(p, r, &rep);
}

int main(void)
{
	for (int s = 0; s < NR_MPROCS; s++)
		mp[s].ep = NONE;
	endpoint_t init = proc_find("init");
	struct mproc *first = init != NONE ? proc_new(init) : 0;
	if (first)
		first->pid = first->pgrp = first->sid = INIT_PID;
	proc_boot();
	for (;;) {
		message_t m;
		int status;
		if (ipc_receive(ANY, &m, &status) != 0)
			continue;
		if (IPC_IS_NOTIFY(status)) {
			if (m.m_source == SYSTEM)
				kernel_news();
			else if (m.m_source == CLOCK)
				timer_expired();
		} else if (m.m_source >= 0) {
			struct mproc *p = pm_by_ep(m.m_source);
			struct pm_request q = *PM_REQ(&m);
			if (!p)
				p = proc_new(m.m_source);
			if (!p) { /* our table is full */
				struct mproc tmp = {.ep = m.m_source};
				pm_reply(&tmp, -EAGAIN, 0);
				continue;
			}
			handle(p, m.m_type, &q);
			if (p->ep != NONE && !p->zombie)
				sig_deliver(p);
		}
		sig_retry_all();
		timer_arm();
	}
}
