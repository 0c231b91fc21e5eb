// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signals: the calls (sigaction, sigprocmask, sigsuspend, kill, alarm,
 * pause ...) are messages to PM, which keeps each process's handlers,
 * mask and pending set, and delivers a signal by building a frame on
 * the process's stack that runs the handler and returns through
 * __sigtramp_return (sigtramp.asm) and __sigreturn here.  The sets and
 * actions a program passes are copied with the kernel's check (user.c).
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "libc.h"

struct sigcontext { /* as PM lays it out; sigtramp.asm reads it */
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp, esp, eip, eflags;
	uint32_t mask;
};

void __sigtramp_return(void);

void __sigreturn(struct sigcontext *sc)
{
	union pm_req q = {.sigreturn = {.mask = sc->mask}};
	pm_call(PM_SIGRETURN, &q, 0);
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	union pm_req q = {.sigaction = {.sig = sig, .set = act != 0}};
	union pm_rep rep;
	struct sigaction mine;
	int r = old ? libc_writable(old, sizeof(*old)) : 0;
	if (r == 0 && act)
		r = libc_in(&mine, act, sizeof(mine));
	if (r < 0)
		return libc_ret(r);
	if (act) {
		q.sigaction.handler = (uint32_t)(uintptr_t)mine.sa_handler;
		q.sigaction.mask = (uint32_t)mine.sa_mask;
		q.sigaction.flags = (uint32_t)mine.sa_flags;
		q.sigaction.tramp = (uint32_t)(uintptr_t)__sigtramp_return;
	}
	r = pm_call(PM_SIGACTION, &q, &rep);
	if (r < 0 || !old)
		return libc_ret(r);
	memset(&mine, 0, sizeof(mine));
	mine.sa_handler = (_sig_func_ptr)(uintptr_t)rep.sigaction.handler;
	mine.sa_mask = (sigset_t)rep.sigaction.mask;
	mine.sa_flags = (int)rep.sigaction.flags;
	return libc_ret(libc_out(old, &mine, sizeof(mine)));
}

_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
	struct sigaction act, old;
	memset(&act, 0, sizeof(act));
	act.sa_handler = handler;
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	sigset_t mine = 0;
	int r = old ? libc_writable(old, sizeof(*old)) : 0;
	if (r == 0 && set)
		r = libc_in(&mine, set, sizeof(mine));
	if (r < 0)
		return libc_ret(r);
	if (set && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
		return libc_ret(-EINVAL);
	union pm_req q = {
		.sigprocmask = {.how = set ? how : 3, .mask = (uint32_t)mine}};
	union pm_rep rep;
	r = pm_call(PM_SIGPROCMASK, &q, &rep);
	if (r < 0 || !old)
		return libc_ret(r);
	mine = (sigset_t)rep.sigprocmask.mask;
	return libc_ret(libc_out(old, &mine, sizeof(mine)));
}

int sigsuspend(const sigset_t *mask)
{
	sigset_t mine;
	int r = libc_in(&mine, mask, sizeof(mine));
	if (r < 0)
		return libc_ret(r);
	union pm_req q = {.sigsuspend = {.mask = (uint32_t)mine}};
	return libc_ret(pm_call(PM_SIGSUSPEND, &q, 0));
}

int sigpending(sigset_t *set)
{
	union pm_req q;
	union pm_rep rep;
	memset(&q, 0, sizeof(q)); /* PM_SIGPENDING carries nothing */
	int r = pm_call(PM_SIGPENDING, &q, &rep);
	if (r < 0)
		return libc_ret(r);
	sigset_t mine = (sigset_t)rep.sigpending.mask;
	return libc_ret(libc_out(set, &mine, sizeof(mine)));
}

int pause(void)
{
	sigset_t now;
	if (sigprocmask(SIG_BLOCK, 0, &now) < 0)
		return -1;
	return sigsuspend(&now);
}

int kill(pid_t pid, int sig)
{
	union pm_req q = {.kill = {.pid = pid, .sig = sig}};
	return libc_ret(pm_call(PM_KILL, &q, 0));
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

unsigned alarm(unsigned secs)
{
	union pm_req q = {.alarm = {.seconds = (int32_t)secs}};
	int r = pm_call(PM_ALARM, &q, 0);
	return r < 0 ? 0 : (unsigned)r;
}
