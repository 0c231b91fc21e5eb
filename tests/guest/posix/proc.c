// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: processes -- fork, waitpid and its statuses, exec (what
 * it keeps, what it resets), process groups, the break and malloc of a
 * program started by exec, times, the per-user process limit.
 *
 * Programs started by exec are the test RAM disk's /bin/args (p_args.c),
 * /bin/probe (p_probe.c: checks what exec kept) and /bin/brk (p_brk.c:
 * sbrk and malloc).  Their standard error is our /dev/kmsg.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/times.h>
#include <sys/wait.h>

#include "posix.h"

static void t_fork_status(void)
{
	pid_t p = fork();
	CHECK(p >= 0);
	if (p == 0)
		_exit(42);
	int st;
	CHECK(waitpid(p, &st, 0) == p);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42);
}

static void t_wnohang(void)
{
	pid_t p = fork();
	if (p == 0) {
		sleep(1);
		_exit(0);
	}
	int st;
	CHECK(waitpid(p, &st, WNOHANG) == 0);
	CHECK(waitpid(p, &st, 0) == p);
}

static void t_getppid(void)
{
	pid_t me = getpid();
	pid_t p = fork();
	if (p == 0)
		_exit(getppid() == me ? 0 : 1);
	int st;
	CHECK(waitpid(p, &st, 0) == p && WEXITSTATUS(st) == 0);
}

static void t_echild(void)
{
	CHECK(wait(0) == -1 && errno == ECHILD);
	CHECK(waitpid(-1, 0, 0x100) == -1 && errno == EINVAL);
}

/* Only the low 8 bits of an exit status reach the parent; wait() takes
 * any child, each exactly once. */
static void t_exit_status(void)
{
	pid_t a = fork();
	if (a == 0)
		_exit(0x1234);
	pid_t b = fork();
	if (b == 0)
		exit(3);
	int st1, st2;
	pid_t w1 = wait(&st1), w2 = wait(&st2);
	CHECK((w1 == a && w2 == b) || (w1 == b && w2 == a));
	CHECK(posix_exited(w1 == a ? st1 : st2, 0x34));
	CHECK(posix_exited(w1 == b ? st1 : st2, 3));
	CHECK(wait(0) == -1 && errno == ECHILD);
}

/* waitpid for a process that is not our child: ECHILD, whoever it is. */
static void t_waitpid_nonchild(void)
{
	pid_t p = fork();
	if (p == 0) {
		pid_t g = fork(); /* a grandchild of the test */
		if (g == 0)
			_exit(0);
		_exit(posix_exited(posix_wait(g), 0) ? 0 : 1);
	}
	CHECK(waitpid(getppid(), 0, 0) == -1 && errno == ECHILD);
	CHECK(waitpid(getpid(), 0, WNOHANG) == -1 && errno == ECHILD);
	CHECK(waitpid(29999, 0, 0) == -1 && errno == ECHILD);
	CHECK(waitpid(p + 1, 0, WNOHANG) == -1 && errno == ECHILD);
	CHECK(posix_exited(posix_wait(p), 0));
}

static void t_exec_errors(void)
{
	char *argv[] = {"x", 0};
	CHECK(execve("/etc/motd", argv, 0) == -1 && errno == EACCES); /* 0644 */
	CHECK(execve("/nope", argv, 0) == -1 && errno == ENOENT);
	CHECK(execve("/etc/motd/x", argv, 0) == -1 && errno == ENOTDIR);
	CHECK(execve("/tmp", argv, 0) == -1 && errno == EACCES);
}

/* exec keeps the pid, the parent, open descriptors (not close-on-exec
 * ones) with their offsets, and a pending alarm. */
static void t_exec_keeps(void)
{
	pid_t me = getpid();
	int keep = open("/tmp/exk", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int gone = open("/etc/motd", O_RDONLY | O_CLOEXEC);
	CHECK(keep >= 0 && gone >= 0);
	CHECK(write(keep, "ab", 2) == 2);
	pid_t p = fork();
	if (p == 0) {
		char pid[16], ppid[16], k[8], g[8];
		snprintf(pid, sizeof(pid), "%d", (int)getpid());
		snprintf(ppid, sizeof(ppid), "%d", (int)me);
		snprintf(k, sizeof(k), "%d", keep);
		snprintf(g, sizeof(g), "%d", gone);
		alarm(20);
		char *argv[] = {"probe", "pid",	   pid, "ppid",	 ppid, "write",
				k,	 "closed", g,	"alarm", 0};
		execve("/bin/probe", argv, 0);
		_exit(99);
	}
	CHECK(posix_exited(posix_wait(p), 0));
	CHECK(lseek(keep, 0, SEEK_CUR) == 7); /* shared with the child */
	CHECK(posix_has("/tmp/exk", "abprobe"));
	CHECK(unlink("/tmp/exk") == 0);
}

/* exec resets caught signals to SIG_DFL; ignored ones stay ignored; the
 * signal mask and pending signals are kept. */
static void t_exec_signals(void)
{
	pid_t p = fork();
	if (p == 0) {
		sigset_t s;
		signal(SIGUSR1, posix_count_signal);
		signal(SIGUSR2, SIG_IGN);
		signal(SIGINT, posix_count_signal);
		sigemptyset(&s);
		sigaddset(&s, SIGINT);
		sigprocmask(SIG_BLOCK, &s, 0);
		kill(getpid(), SIGINT); /* pending, blocked */
		char usr1[8], usr2[8], intr[8];
		snprintf(usr1, sizeof(usr1), "%d", SIGUSR1);
		snprintf(usr2, sizeof(usr2), "%d", SIGUSR2);
		snprintf(intr, sizeof(intr), "%d", SIGINT);
		char *argv[] = {"probe", "dfl",	 usr1, "ign",	  usr2, "dfl",
				intr,	 "mask", intr, "pending", intr, 0};
		execve("/bin/probe", argv, 0);
		_exit(99);
	}
	CHECK(posix_exited(posix_wait(p), 0));
}

/* A program started by exec moves its break with sbrk (p_brk.c). */
static void t_brk_exec(void)
{
	pid_t p = fork();
	if (p == 0) {
		char *argv[] = {"brk", "sbrk", 0};
		execve("/bin/brk", argv, 0);
		_exit(99);
	}
	CHECK(posix_exited(posix_wait(p), 0));
}

static void t_malloc_exec(void)
{
	pid_t p = fork();
	if (p == 0) {
		char *argv[] = {"brk", "malloc", 0};
		execve("/bin/brk", argv, 0);
		_exit(99);
	}
	CHECK(posix_exited(posix_wait(p), 0));
}

/* (A child of a boot process takes malloc memory from its bss arena;
 * programs started by exec grow with brk.) */
static void t_malloc(void)
{
	char *big = malloc(256 << 10);
	CHECK(big);
	memset(big, 7, 256 << 10);
	CHECK(big[(256 << 10) - 1] == 7);
	free(big);
}

/* times(): a busy child's user time shows in tms_cutime once waited
 * for, our own in tms_utime; the clock moves on. */
static void t_times(void)
{
	struct tms t0, t1;
	clock_t c0 = times(&t0);
	CHECK(c0 != (clock_t)-1);
	pid_t p = fork();
	if (p == 0) {
		struct tms t;
		clock_t start = times(&t);
		while (times(&t) - start < 30) /* 0.3 s of work */
			for (volatile int i = 0; i < 100000; i++)
				;
		_exit(t.tms_utime > 0 ? 0 : 1);
	}
	CHECK(posix_exited(posix_wait(p), 0));
	clock_t c1 = times(&t1);
	CHECK(c1 - c0 >= 25);
	CHECK(t1.tms_cutime - t0.tms_cutime >= 5);
	CHECK(t1.tms_utime >= t0.tms_utime);
}

static void t_pgrp(void)
{
	pid_t p = fork();
	if (p == 0) {
		if (setpgid(0, 0) < 0 || getpgrp() != getpid())
			_exit(1);
		_exit(0);
	}
	int st;
	CHECK(waitpid(p, &st, 0) == p && WEXITSTATUS(st) == 0);
}

static void t_proc_limit(void)
{
	pid_t kids[64];
	int n = 0, err = 0;
	for (; n < 64; n++) {
		kids[n] = fork();
		if (kids[n] == 0) {
			pause();
			_exit(0);
		}
		if (kids[n] < 0) {
			err = errno;
			break;
		}
	}
	for (int i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	for (int i = 0; i < n; i++)
		waitpid(kids[i], 0, 0);
	CHECK(n < 64 && err == EAGAIN);
}

static const struct posix_test tests[] = {
	{"fork_status", t_fork_status},
	{"wnohang", t_wnohang},
	{"getppid", t_getppid},
	{"echild", t_echild},
	{"exit_status", t_exit_status},
	{"waitpid_nonchild", t_waitpid_nonchild},
	{"exec_errors", t_exec_errors},
	{"exec_keeps", t_exec_keeps},
	{"exec_signals", t_exec_signals},
	{"brk_exec", t_brk_exec},
	{"malloc_exec", t_malloc_exec},
	{"malloc", t_malloc},
	{"times", t_times},
	{"pgrp", t_pgrp},
	{"proc_limit", t_proc_limit},
};

POSIX_GROUP(posix_proc, tests);
