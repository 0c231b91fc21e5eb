// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: signals -- default actions and the statuses they leave,
 * handlers and their masks, ignoring, blocking and pending signals,
 * sigsuspend, SIGCHLD (caught, ignored, SA_NOCLDSTOP), process groups,
 * alarms and sleeps, abort, and signals made by CPU faults.
 *
 * Delivery is synchronous where POSIX says so: a signal a process sends
 * itself, or one it unblocks, is delivered before kill or sigprocmask
 * returns, so those tests check their counter right after the call.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "posix.h"

static void t_kill_default(void)
{
	pid_t p = fork();
	if (p == 0)
		for (;;)
			;
	CHECK(kill(p, SIGTERM) == 0);
	int st;
	CHECK(waitpid(p, &st, 0) == p);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
}

/* A child waiting inside a call (a read from an empty pipe, in VFS)
 * ends too, with the signal's number in its status. */
static void t_kill_blocked(void)
{
	int fd[2];
	CHECK(pipe(fd) == 0);
	pid_t a = fork();
	if (a == 0) {
		char c;
		read(fd[0], &c, 1);
		_exit(0);
	}
	pid_t b = fork();
	if (b == 0) {
		char c;
		read(fd[0], &c, 1);
		_exit(0);
	}
	usleep(50000);
	CHECK(kill(a, SIGKILL) == 0 && kill(b, SIGUSR1) == 0);
	int sa = posix_wait(a), sb = posix_wait(b);
	CHECK(posix_killed(sa, SIGKILL) && !WIFEXITED(sa) && !WIFSTOPPED(sa));
	CHECK(posix_killed(sb, SIGUSR1));
}

static void t_kill_esrch(void)
{
	CHECK(kill(29999, SIGTERM) == -1 && errno == ESRCH);
	CHECK(kill(getpid(), 99) == -1 && errno == EINVAL);
}

/* Signal 0 only checks that the process exists. */
static void t_kill_zero(void)
{
	pid_t p = fork();
	if (p == 0)
		_exit(0);
	CHECK(kill(p, 0) == 0 || errno == ESRCH); /* maybe a zombie */
	CHECK(posix_exited(posix_wait(p), 0));
	CHECK(kill(p, 0) == -1 && errno == ESRCH);
	CHECK(kill(getpid(), 0) == 0);
}

static void t_handler(void)
{
	posix_hits = 0;
	CHECK(signal(SIGUSR1, posix_count_signal) != SIG_ERR);
	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(posix_hits == 1);
	CHECK(signal(SIGUSR1, SIG_DFL) == posix_count_signal);
}

static void t_ignore(void)
{
	signal(SIGTERM, SIG_IGN);
	CHECK(kill(getpid(), SIGTERM) == 0);
}

/* SIGKILL and SIGSTOP cannot be caught, ignored or blocked. */
static void t_uncatchable(void)
{
	struct sigaction a;
	memset(&a, 0, sizeof(a));
	a.sa_handler = posix_count_signal;
	CHECK(sigaction(SIGKILL, &a, 0) == -1 && errno == EINVAL);
	CHECK(sigaction(SIGSTOP, &a, 0) == -1 && errno == EINVAL);
	CHECK(signal(SIGKILL, SIG_IGN) == SIG_ERR && errno == EINVAL);
	CHECK(sigaction(0, &a, 0) == -1 && errno == EINVAL);
	CHECK(sigaction(NSIG, &a, 0) == -1 && errno == EINVAL);
	CHECK(sigaction(SIGKILL, 0, &a) == 0 && a.sa_handler == SIG_DFL);
	pid_t p = fork();
	if (p == 0) {
		sigset_t all, now;
		sigfillset(&all);
		sigprocmask(SIG_SETMASK, &all, 0);
		sigprocmask(SIG_BLOCK, 0, &now);
		if (sigismember(&now, SIGKILL) || sigismember(&now, SIGSTOP))
			_exit(1);
		kill(getpid(), SIGKILL);
		_exit(2);
	}
	CHECK(posix_killed(posix_wait(p), SIGKILL));
}

static void t_mask(void)
{
	sigset_t s, old;
	posix_hits = 0;
	signal(SIGUSR2, posix_count_signal);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	CHECK(sigprocmask(SIG_BLOCK, &s, &old) == 0);
	kill(getpid(), SIGUSR2);
	CHECK(posix_hits == 0);
	sigset_t pend;
	CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR2));
	CHECK(sigprocmask(SIG_SETMASK, &old, 0) == 0);
	CHECK(posix_hits == 1);
}

/* SIG_BLOCK adds, SIG_UNBLOCK removes, SIG_SETMASK replaces; the old
 * mask comes back each time; a bad `how` changes nothing. */
static void t_sigprocmask_how(void)
{
	sigset_t a, b, old, now, none;
	sigemptyset(&none);
	sigemptyset(&a);
	sigaddset(&a, SIGUSR1);
	sigemptyset(&b);
	sigaddset(&b, SIGUSR2);
	sigemptyset(&now);
	CHECK(sigprocmask(SIG_SETMASK, &none, 0) == 0);
	CHECK(sigprocmask(SIG_BLOCK, &a, &old) == 0 && old == none);
	CHECK(sigprocmask(SIG_BLOCK, &b, &old) == 0 && old == a);
	CHECK(sigprocmask(SIG_UNBLOCK, &a, &old) == 0 &&
	      sigismember(&old, SIGUSR1) && sigismember(&old, SIGUSR2));
	CHECK(sigprocmask(SIG_SETMASK, &a, &old) == 0 && old == b);
	CHECK(sigprocmask(99, &b, 0) == -1 && errno == EINVAL);
	CHECK(sigprocmask(SIG_BLOCK, 0, &now) == 0 && now == a);
}

/* Ignoring a pending signal discards it, even while it is blocked. */
static void t_pending_ignored(void)
{
	sigset_t s, pend;
	posix_hits = 0;
	signal(SIGUSR1, posix_count_signal);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigprocmask(SIG_BLOCK, &s, 0);
	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1));
	CHECK(signal(SIGUSR1, SIG_IGN) == posix_count_signal);
	CHECK(sigpending(&pend) == 0 && !sigismember(&pend, SIGUSR1));
	signal(SIGUSR1, posix_count_signal);
	sigprocmask(SIG_UNBLOCK, &s, 0);
	CHECK(posix_hits == 0);
}

/* While a handler runs, its signal and its sa_mask are blocked; the old
 * mask is back when it returns. */
static sigset_t in_handler;

static void note_mask(int sig)
{
	(void)sig;
	sigprocmask(SIG_BLOCK, 0, &in_handler);
	posix_hits++;
}

static void t_handler_mask(void)
{
	struct sigaction a;
	sigset_t now, none;
	sigemptyset(&none);
	memset(&a, 0, sizeof(a));
	a.sa_handler = note_mask;
	sigemptyset(&a.sa_mask);
	sigaddset(&a.sa_mask, SIGUSR2);
	CHECK(sigaction(SIGUSR1, &a, 0) == 0);
	posix_hits = 0;
	CHECK(kill(getpid(), SIGUSR1) == 0 && posix_hits == 1);
	CHECK(sigismember(&in_handler, SIGUSR1));
	CHECK(sigismember(&in_handler, SIGUSR2));
	CHECK(!sigismember(&in_handler, SIGINT));
	CHECK(sigprocmask(SIG_BLOCK, 0, &now) == 0 && now == none);
	struct sigaction old;
	CHECK(sigaction(SIGUSR1, 0, &old) == 0 && old.sa_handler == note_mask);
	CHECK(sigismember(&old.sa_mask, SIGUSR2));
}

/* sigsuspend waits with a mask of its own, returns EINTR once a handler
 * ran, and puts the old mask back. */
static void t_sigsuspend(void)
{
	sigset_t block, none, now;
	posix_hits = 0;
	signal(SIGUSR1, posix_count_signal);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, 0);
	pid_t p = fork();
	if (p == 0) {
		usleep(20000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	sigemptyset(&none);
	CHECK(sigsuspend(&none) == -1 && errno == EINTR);
	CHECK(posix_hits == 1);
	CHECK(sigprocmask(SIG_BLOCK, 0, &now) == 0 && now == block);
	CHECK(posix_exited(posix_wait(p), 0));
}

static void t_sigchld(void)
{
	posix_hits = 0;
	signal(SIGCHLD, posix_count_signal);
	pid_t p = fork();
	if (p == 0)
		_exit(0);
	CHECK(waitpid(p, 0, 0) == p);
	CHECK(posix_hits == 1);
}

/* With SIGCHLD ignored, ended children leave no zombies: wait blocks
 * until they are all gone, then fails with ECHILD. */
static void t_sigchld_ignored(void)
{
	signal(SIGCHLD, SIG_IGN);
	pid_t a = fork();
	if (a == 0)
		_exit(0);
	pid_t b = fork();
	if (b == 0) {
		usleep(100000);
		_exit(0);
	}
	int st;
	CHECK(wait(&st) == -1 && errno == ECHILD);
	CHECK(kill(b, 0) == -1 && errno == ESRCH); /* b ended first */
}

/* With SA_NOCLDSTOP, a child that stops sends no SIGCHLD; one that ends
 * still does. */
static void t_nocldstop(void)
{
	struct sigaction a;
	memset(&a, 0, sizeof(a));
	a.sa_handler = posix_count_signal;
	a.sa_flags = SA_NOCLDSTOP;
	CHECK(sigaction(SIGCHLD, &a, 0) == 0);
	posix_hits = 0;
	pid_t p = fork();
	if (p == 0)
		for (;;)
			pause();
	int st;
	CHECK(kill(p, SIGSTOP) == 0);
	CHECK(waitpid(p, &st, WUNTRACED) == p && WIFSTOPPED(st));
	CHECK(posix_hits == 0);
	CHECK(kill(p, SIGKILL) == 0);
	pid_t r;
	while ((r = waitpid(p, &st, 0)) == -1 && errno == EINTR)
		;
	CHECK(r == p && posix_killed(st, SIGKILL));
	CHECK(posix_hits == 1);
}

/* kill(0, sig) signals every process of the caller's group, the caller
 * too; kill(-pgrp, sig) a group by number. */
static void t_kill_group(void)
{
	CHECK(setpgid(0, 0) == 0);
	pid_t kids[2];
	for (int i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] == 0)
			for (;;)
				pause();
	}
	posix_hits = 0;
	signal(SIGUSR1, posix_count_signal);
	CHECK(kill(0, SIGUSR1) == 0);
	CHECK(posix_hits == 1);
	CHECK(posix_killed(posix_wait(kids[0]), SIGUSR1));
	CHECK(posix_killed(posix_wait(kids[1]), SIGUSR1));
	pid_t p = fork();
	if (p == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	usleep(20000);
	CHECK(kill(-p, SIGTERM) == 0);
	CHECK(posix_killed(posix_wait(p), SIGTERM));
	CHECK(posix_hits == 1);
}

static void t_alarm(void)
{
	posix_hits = 0;
	signal(SIGALRM, posix_count_signal);
	alarm(1);
	CHECK(pause() == -1 && errno == EINTR);
	CHECK(posix_hits == 1);
}

/* alarm returns the seconds left of the alarm it replaces; 0 cancels. */
static void t_alarm_cancel(void)
{
	posix_hits = 0;
	signal(SIGALRM, posix_count_signal);
	CHECK(alarm(10) <= 30); /* the runner's watchdog */
	unsigned left = alarm(0);
	CHECK(left >= 9 && left <= 10);
	CHECK(alarm(0) == 0);
	usleep(20000);
	CHECK(posix_hits == 0);
}

static void t_sleep_eintr(void)
{
	signal(SIGALRM, posix_count_signal);
	alarm(1);
	CHECK(sleep(5) > 0);
}

/* nanosleep sleeps at least as long as asked (give or take a 10 ms
 * tick), rejects a bad time, and tells what is left when interrupted. */
static void t_nanosleep(void)
{
	struct timespec t = {0, 100000000}, left;
	int start = posix_ms();
	CHECK(nanosleep(&t, 0) == 0);
	int took = posix_ms() - start;
	CHECK(took >= 90 && took < 1000);
	t.tv_nsec = 1000000000;
	CHECK(nanosleep(&t, 0) == -1 && errno == EINVAL);
	t.tv_nsec = -1;
	CHECK(nanosleep(&t, 0) == -1 && errno == EINVAL);
	signal(SIGUSR1, posix_count_signal);
	pid_t p = fork();
	if (p == 0) {
		usleep(50000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	t.tv_sec = 5;
	t.tv_nsec = 0;
	CHECK(nanosleep(&t, &left) == -1 && errno == EINTR);
	CHECK(left.tv_sec >= 3 && left.tv_sec <= 5);
	CHECK(posix_exited(posix_wait(p), 0));
}

static void t_segv(void)
{
	pid_t p = fork();
	if (p == 0) {
		volatile int *volatile bad = (int *)8;
		*bad = 1;
	}
	int st;
	CHECK(waitpid(p, &st, 0) == p);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
}

static void exit_7(int sig)
{
	(void)sig;
	_exit(7);
}

static volatile int zero;

/* Dividing by zero raises SIGFPE: the default ends the process, a
 * handler runs (and, as it must not return, exits).  SIGSEGV too. */
static void t_fault_signals(void)
{
	pid_t p = fork();
	if (p == 0)
		_exit(100 / zero);
	CHECK(posix_killed(posix_wait(p), SIGFPE));
	p = fork();
	if (p == 0) {
		signal(SIGFPE, exit_7);
		_exit(100 / zero);
	}
	CHECK(posix_exited(posix_wait(p), 7));
	p = fork();
	if (p == 0) {
		volatile int *volatile bad = (int *)16;
		signal(SIGSEGV, exit_7);
		*bad = 1;
		_exit(0);
	}
	CHECK(posix_exited(posix_wait(p), 7));
}

static void return_from(int sig)
{
	(void)sig;
	posix_hits++;
}

/* abort ends the process with SIGABRT even when SIGABRT is caught by a
 * handler that returns, blocked, or ignored. */
static void t_abort(void)
{
	for (int how = 0; how < 4; how++) {
		pid_t p = fork();
		if (p == 0) {
			sigset_t s;
			sigemptyset(&s);
			sigaddset(&s, SIGABRT);
			if (how == 1)
				signal(SIGABRT, return_from);
			if (how == 2)
				sigprocmask(SIG_BLOCK, &s, 0);
			if (how == 3)
				signal(SIGABRT, SIG_IGN);
			abort();
		}
		int st = posix_wait(p);
		if (!posix_killed(st, SIGABRT))
			dprintf(2, "abort, way %d: status 0x%x\n", how, st);
		CHECK(posix_killed(st, SIGABRT));
	}
}

static void t_stop_cont(void)
{
	pid_t p = fork();
	if (p == 0)
		for (;;)
			sleep(1);
	int st;
	CHECK(kill(p, SIGSTOP) == 0);
	CHECK(waitpid(p, &st, WUNTRACED) == p);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
	CHECK(kill(p, SIGCONT) == 0);
	CHECK(kill(p, SIGKILL) == 0);
	CHECK(waitpid(p, &st, 0) == p && WTERMSIG(st) == SIGKILL);
}

static const struct posix_test tests[] = {
	{"kill_default", t_kill_default},
	{"kill_blocked", t_kill_blocked},
	{"kill_esrch", t_kill_esrch},
	{"kill_zero", t_kill_zero},
	{"handler", t_handler},
	{"ignore", t_ignore},
	{"uncatchable", t_uncatchable},
	{"mask", t_mask},
	{"sigprocmask_how", t_sigprocmask_how},
	{"pending_ignored", t_pending_ignored},
	{"handler_mask", t_handler_mask},
	{"sigsuspend", t_sigsuspend},
	{"sigchld", t_sigchld},
	{"sigchld_ignored", t_sigchld_ignored},
	{"nocldstop", t_nocldstop},
	{"kill_group", t_kill_group},
	{"alarm", t_alarm},
	{"alarm_cancel", t_alarm_cancel},
	{"sleep_eintr", t_sleep_eintr},
	{"nanosleep", t_nanosleep},
	{"segv", t_segv},
	{"fault_signals", t_fault_signals},
	{"abort", t_abort},
	{"stop_cont", t_stop_cont},
};

POSIX_GROUP(posix_signal, tests);
