// SPDX-License-Identifier: BSD-2-Clause
/*
 * The POSIX test suite, in the style of xv6's usertests: every test runs
 * in its own child (a user process, as any program) and passes when the
 * child exits with status 0.  A child that fails prints which check
 * failed (through /dev/kmsg, so it lands in the kernel log) and exits 1;
 * a child that crashes fails its test too, and one that hangs is ended
 * by SIGALRM after WATCHDOG seconds (unless it set an alarm of its own).
 * The parent prints one "ok NAME" or "not ok NAME" line per test, then
 * "N tests, M failed", and passes only when all of them did.
 *
 * The tests live in posix/, one file per area (posix/posix.h): processes
 * and exec, signals, pipes, select and poll, descriptors, files,
 * directories, permissions, exec and the file system, bad pointers
 * (EFAULT), a full disk (ENOSPC), addresses and names (netdb).
 * Programs they exec are in the test RAM disk's /bin (p_*.c).  This file
 * holds the runner and the helpers the areas share.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>

#include "posix/posix.h"
#include "tlib.h"

#define WATCHDOG 30

const char *posix_current;
volatile int posix_hits;

void posix_count_signal(int sig)
{
	(void)sig;
	posix_hits++;
}

int posix_wait(pid_t pid)
{
	int st;
	return waitpid(pid, &st, 0) == pid ? st : -1;
}

bool posix_exited(int status, int code)
{
	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == code;
}

bool posix_killed(int status, int sig)
{
	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

int posix_ms(void)
{
	struct timeval tv;
	gettimeofday(&tv, 0);
	return (int)(tv.tv_sec % 1000000 * 1000 + tv.tv_usec / 1000);
}

void posix_make_file(const char *path, const char *text)
{
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0);
	CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	CHECK(close(fd) == 0);
}

bool posix_has(const char *path, const char *text)
{
	char buf[256];
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, buf, sizeof(buf));
	close(fd);
	return n == (ssize_t)strlen(text) && !memcmp(buf, text, (size_t)n);
}

static const struct posix_group *const groups[] = {
	&posix_proc, &posix_signal, &posix_pipe,  &posix_select,
	&posix_fd,   &posix_file,   &posix_dir,	  &posix_perm,
	&posix_exec, &posix_efault, &posix_space, &posix_netdb,
};

/* Run one test in a child; true if it passed. */
static bool run(const struct posix_test *t, int log)
{
	pid_t p = fork();
	T_ASSERT(p >= 0);
	if (p == 0) {
		dup2(log, 1);
		dup2(log, 2);
		posix_current = t->name;
		alarm(WATCHDOG);
		t->fn();
		_exit(0);
	}
	int st = 0;
	T_ASSERT(waitpid(p, &st, 0) == p);
	bool ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
	t_log("%s %s (status 0x%x)\n", ok ? "ok" : "not ok", t->name, st);
	return ok;
}

int main(void)
{
	t_case = "posix";
	int log = open("/dev/kmsg", O_WRONLY);
	T_ASSERT(log >= 0);
	int tests = 0, failed = 0;
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		for (unsigned i = 0; i < groups[g]->count; i++, tests++)
			failed += !run(&groups[g]->tests[i], log);
	t_log("%d tests, %d failed\n", tests, failed);
	T_EQ(failed, 0);
	t_pass();
	t_finish();
}
