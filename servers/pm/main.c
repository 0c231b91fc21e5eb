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
 * exec'ing process would (exec.c), all through vfsclient.h; VFS never
 * calls PM, so the two cannot deadlock.
 *
 * Requests go through the call table below to their do_ handlers
 * (one per request); a handler returns the reply's status, or
 * REPLY_LATER for a call answered later (waitpid, sigsuspend, sleep)
 * or never (a successful exec).
 */
#include <string.h>

#include "pm.h"

struct mproc mp[NR_MPROCS];

void pm_reply(struct mproc *p, int status)
{
	ipc_reply(p->ep, PM_REPLY, &status, sizeof(status));
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

static int (*const calls[])(struct mproc *p, const union pm_req *req,
			    union pm_rep *rep) = {
	[PM_FORK - PM_BASE] = do_fork,
	[PM_WAITPID - PM_BASE] = do_waitpid,
	[PM_GETPID - PM_BASE] = do_getpid,
	[PM_EXEC - PM_BASE] = do_exec,
	[PM_KILL - PM_BASE] = do_kill,
	[PM_SIGACTION - PM_BASE] = do_sigaction,
	[PM_SIGPROCMASK - PM_BASE] = do_sigprocmask,
	[PM_SIGSUSPEND - PM_BASE] = do_sigsuspend,
	[PM_SIGPENDING - PM_BASE] = do_sigpending,
	[PM_SIGRETURN - PM_BASE] = do_sigreturn,
	[PM_ALARM - PM_BASE] = do_alarm,
	[PM_SLEEP - PM_BASE] = do_sleep,
	[PM_BRK - PM_BASE] = do_brk,
	[PM_GETIDS - PM_BASE] = do_getids,
	[PM_SETUID - PM_BASE] = do_setuid,
	[PM_SETGID - PM_BASE] = do_setgid,
	[PM_SETSID - PM_BASE] = do_setsid,
	[PM_SETPGID - PM_BASE] = do_setpgid,
	[PM_TIMES - PM_BASE] = do_times,
	[PM_PROCS - PM_BASE] = do_procs,
	[PM_REBOOT - PM_BASE] = do_reboot,
};

static void handle(struct mproc *p, const message_t *m)
{
	union pm_req q = *PM_REQ(m);
	union pm_rep rep;
	memset(&rep, 0, sizeof(rep));
	int (*fn)(struct mproc *, const union pm_req *, union pm_rep *) =
		CALL_IN(calls, PM_BASE, m->m_type);
	int r = fn ? fn(p, &q, &rep) : -ENOSYS;
	if (r != REPLY_LATER) {
		rep.status = r;
		ipc_reply(p->ep, PM_REPLY, &rep, sizeof(rep));
	}
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
			if (!p)
				p = proc_new(m.m_source);
			if (!p) { /* our table is full */
				struct mproc tmp = {.ep = m.m_source};
				pm_reply(&tmp, -EAGAIN);
				continue;
			}
			handle(p, &m);
			if (p->ep != NONE && !p->zombie)
				sig_deliver(p);
		}
		sig_retry_all();
		timer_arm();
	}
}
