// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signals.
 *
 * A raised signal becomes pending; sig_deliver acts on every pending
 * signal the process does not block: ignore it, take the default action
 * (end the process, stop it, continue it) or run its handler
 * (frame.c).  SIGKILL and SIGSTOP cannot be caught, blocked or ignored;
 * SIGCONT continues a stopped process whatever it does with the signal.
 *
 * A handler can only start when the process is not inside an IPC call
 * (its registers would be overwritten by the call's completion).  If it
 * is blocked on PM (waitpid, sigsuspend, sleep), PM first answers the
 * call with EINTR; if it is blocked on VFS, PM asks VFS to do the same
 * (vfs_pm_unpause), holding the process stopped until the handler's
 * frame is in place, so the handler has run when the call returns EINTR
 * (as POSIX has it); if it is still inside a call (on its way to PM or
 * VFS), delivery is tried again a tick later (timer_retry_soon).
 */
#include <string.h>

#include "pm.h"

#define CANT_CATCH (BIT(SIGKILL) | BIT(SIGSTOP))
#define STOPS (BIT(SIGSTOP) | BIT(SIGTSTP) | BIT(SIGTTIN) | BIT(SIGTTOU))
#define IGNORED_BY_DEFAULT                                                     \
	(BIT(SIGCHLD) | BIT(SIGURG) | BIT(SIGWINCH) | BIT(SIGCONT) | BIT(SIGIO))

static void continue_proc(struct mproc *p)
{
	if (!p->stopped)
		return;
	p->stopped = false;
	sys_trace(T_RESUME, p->ep, 0, 0);
}

void sig_raise(struct mproc *p, int sig)
{
	if (sig <= 0 || sig >= NSIG || p->zombie)
		return;
	if (sig == SIGCONT) {
		p->pending &= ~STOPS;
		continue_proc(p);
	} else if (BIT(sig) & STOPS) {
		p->pending &= ~BIT(SIGCONT);
	}
	if (p->act[sig].handler == SIG_IGN_H && !(BIT(sig) & CANT_CATCH))
		return;
	p->pending |= BIT(sig);
	sig_deliver(p);
}

/* End a call the process is blocked in with PM: EINTR. */
static void interrupt_pm_call(struct mproc *p)
{
	struct pm_sleep_reply rep = {.status = -EINTR};
	if (p->block == B_NONE)
		return;
	if (p->block == B_SLEEP) {
		uint64_t now = pm_now();
		uint64_t left = p->sleep_until > now ? p->sleep_until - now : 0;
		rep.left_ms = (uint32_t)(left * 10); /* ticks to ms at 100 Hz */
	}
	p->block = B_NONE;
	ipc_reply(p->ep, PM_REPLY, &rep, sizeof(rep));
}

static void stop_proc(struct mproc *p, int sig)
{
	if (p->stopped)
		return;
	interrupt_pm_call(p);
	vfs_pm_unpause(p->ep);
	if (sys_trace(T_STOP, p->ep, 0, 0) < 0)
		return;
	p->stopped = true;
	p->stop_news = true;
	p->wstatus = (sig << 8) | 0x7f;
	proc_child_changed(p);
}

/* Get the process out of a call it waits in with VFS: held stopped
 * meanwhile, so that it cannot run on (and see the call's EINTR) before
 * its handler is in place.  True if it is held (to be resumed). */
static bool unpause_held(struct mproc *p)
{
	bool held = sys_trace(T_STOP, p->ep, 0, 0) == 0;
	vfs_pm_unpause(p->ep);
	return held;
}

/* Run the handler for sig now, if the process can take it. */
static bool catch (struct mproc *p, int sig)
{
	uint32_t saved = p->block == B_SIGSUSPEND ? p->saved_mask : p->mask;
	bool held = false;
	interrupt_pm_call(p);
	if (!frame_safe(p)) {
		held = unpause_held(p);
		if (!frame_safe(p)) {
			if (held)
				sys_trace(T_RESUME, p->ep, 0, 0);
			timer_retry_soon();
			return false;
		}
	}
	struct sigact *a = &p->act[sig];
	if (frame_push(p, sig, saved) < 0) {
		proc_terminate(p, SIGSEGV); /* no room for the frame */
		return true;
	}
	p->mask = saved | a->mask | (a->flags & SA_NODEFER_F ? 0 : BIT(sig));
	p->mask &= ~CANT_CATCH;
	if (a->flags & SA_RESETHAND_F)
		a->handler = SIG_DFL_H;
	if (held)
		sys_trace(T_RESUME, p->ep, 0, 0);
	return true;
}

/* Act on one signal; false if it must wait. */
static bool act_on(struct mproc *p, int sig)
{
	uint32_t h = BIT(sig) & CANT_CATCH ? SIG_DFL_H : p->act[sig].handler;
	if (h == SIG_IGN_H)
		return true;
	if (h != SIG_DFL_H)
		return catch (p, sig);
	if (BIT(sig) & IGNORED_BY_DEFAULT)
		return true;
	if (BIT(sig) & STOPS) {
		stop_proc(p, sig);
		return true;
	}
	interrupt_pm_call(p);
	proc_terminate(p, sig);
	return true;
}

void sig_deliver(struct mproc *p)
{
	for (int sig = 1; sig < NSIG && p->ep != NONE && !p->zombie; sig++) {
		uint32_t b = BIT(sig);
		if (!(p->pending & b) || (p->mask & b & ~CANT_CATCH))
			continue;
		if (p->stopped && sig != SIGKILL)
			continue; /* a stopped process takes only SIGKILL */
		p->pending &= ~b;
		if (!act_on(p, sig)) {
			p->pending |= b;
			return;
		}
	}
}

void sig_retry_all(void)
{
	for (int i = 0; i < NR_MPROCS; i++)
		if (mp[i].ep != NONE && !mp[i].zombie && mp[i].pending &&
		    mp[i].managed)
			sig_deliver(&mp[i]);
}

void sig_fault(struct mproc *p, int sig)
{
	uint32_t h = p->act[sig].handler;
	if (h == SIG_DFL_H || h == SIG_IGN_H || (p->mask & BIT(sig))) {
		proc_terminate(p, sig);
		return;
	}
	/* Stopped by the fault: safe to push the frame, then resume. */
	if (catch (p, sig))
		sys_trace(T_RESUME, p->ep, 0, 0);
}

void sig_exec(struct mproc *p)
{
	for (int s = 1; s < NSIG; s++)
		if (p->act[s].handler != SIG_IGN_H)
			p->act[s] = (struct sigact){SIG_DFL_H, 0, 0};
}

static bool may_signal(const struct mproc *from, const struct mproc *to)
{
	return to->managed && !to->zombie &&
	       (from->euid == 0 || from->uid == to->uid ||
		from->euid == to->uid);
}

/* A service RS started: root may signal it by pid, and the kernel tells
 * RS, its manager, which decides (a SIGKILL ends and restarts it). */
static int kill_service(struct mproc *p, struct mproc *t, int sig)
{
	if (p->euid != 0)
		return -EPERM;
	return sig ? sys_kill(t->ep, (uint32_t)sig) : 0;
}

int do_kill(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	const struct pm_kill *q = &req->kill;
	int sig = q->sig, found = 0, allowed = 0;
	if (sig < 0 || sig >= NSIG)
		return -EINVAL;
	if (q->pid > 0) {
		proc_boot(); /* services come and go without telling PM */
		struct mproc *t = pm_by_pid(q->pid);
		if (t && !t->managed && t->manager != NONE && !t->zombie)
			return kill_service(p, t, sig);
	}
	for (int i = 0; i < NR_MPROCS; i++) {
		struct mproc *t = &mp[i];
		if (t->ep == NONE || t->zombie)
			continue;
		bool hit = q->pid > 0	 ? t->pid == q->pid
			   : q->pid == 0 ? t->pgrp == p->pgrp
			   : q->pid == -1
				   ? t->pid != INIT_PID && t != p && t->managed
				   : t->pgrp == -q->pid;
		if (!hit)
			continue;
		found = 1;
		if (!may_signal(p, t))
			continue;
		allowed = 1;
		if (sig)
			sig_raise(t, sig);
	}
	return !found ? -ESRCH : !allowed ? -EPERM : 0;
}

int do_sigaction(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	const struct pm_sigaction *q = &req->sigaction;
	int sig = q->sig;
	if (sig <= 0 || sig >= NSIG)
		return -EINVAL;
	struct sigact *a = &p->act[sig];
	rep->sigaction.handler = a->handler;
	rep->sigaction.mask = a->mask;
	rep->sigaction.flags = a->flags;
	if (!q->set)
		return 0;
	if (BIT(sig) & CANT_CATCH)
		return -EINVAL;
	*a = (struct sigact){q->handler, q->mask & ~CANT_CATCH, q->flags};
	if (q->handler > SIG_IGN_H)
		p->tramp = q->tramp;
	if (q->handler == SIG_IGN_H)
		p->pending &= ~BIT(sig);
	return 0;
}

int do_sigprocmask(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	const struct pm_sigprocmask *q = &req->sigprocmask;
	rep->sigprocmask.mask = p->mask;
	switch (q->how) {
	case 0: /* SIG_SETMASK */
		p->mask = q->mask;
		break;
	case 1: /* SIG_BLOCK */
		p->mask |= q->mask;
		break;
	case 2: /* SIG_UNBLOCK */
		p->mask &= ~q->mask;
		break;
	case 3: /* only read it */
		break;
	default:
		return -EINVAL;
	}
	p->mask &= ~CANT_CATCH;
	return 0;
}

int do_sigsuspend(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	p->saved_mask = p->mask;
	p->mask = req->sigsuspend.mask & ~CANT_CATCH;
	p->block = B_SIGSUSPEND; /* answered EINTR by the next signal */
	return REPLY_LATER;
}

int do_sigpending(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)req;
	rep->sigpending.mask = p->pending;
	return 0;
}

int do_sigreturn(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	p->mask = req->sigreturn.mask & ~CANT_CATCH;
	return 0;
}
