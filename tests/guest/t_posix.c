// SPDX-License-Identifier: BSD-2-Clause
/*
 * The POSIX test suite, in the style of xv6's usertests: every test runs
 * in its own child (a user process, as any program) and passes when the
 * child exits with status 0.  A child that fails prints which check
 * failed (through /dev/kmsg, so it lands in the kernel log) and exits 1;
 * a child that crashes or hangs fails its test too.  The parent prints
 * one "ok NAME" or "not ok NAME" line per test and passes only when all
 * of them did.  The tests cover processes, signals, files, directories,
 * pipes, descriptors and errors.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tlib.h"

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			dprintf(2, "t_posix: %s: line %d: %s\n", current,      \
				__LINE__, #c);                                 \
			_exit(1);                                              \
		}                                                              \
	} while (0)

static const char *current;
static volatile int hits;

static void on_signal(int sig)
{
	(void)sig;
	hits++;
}

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

static void t_kill_esrch(void)
{
	CHECK(kill(29999, SIGTERM) == -1 && errno == ESRCH);
	CHECK(kill(getpid(), 99) == -1 && errno == EINVAL);
}

static void t_handler(void)
{
	hits = 0;
	CHECK(signal(SIGUSR1, on_signal) != SIG_ERR);
	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(hits == 1);
}

static void t_ignore(void)
{
	signal(SIGTERM, SIG_IGN);
	CHECK(kill(getpid(), SIGTERM) == 0);
}

static void t_mask(void)
{
	sigset_t s, old;
	hits = 0;
	signal(SIGUSR2, on_signal);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	CHECK(sigprocmask(SIG_BLOCK, &s, &old) == 0);
	kill(getpid(), SIGUSR2);
	CHECK(hits == 0);
	sigset_t pend;
	CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR2));
	CHECK(sigprocmask(SIG_SETMASK, &old, 0) == 0);
	CHECK(hits == 1);
}

static void t_sigchld(void)
{
	hits = 0;
	signal(SIGCHLD, on_signal);
	pid_t p = fork();
	if (p == 0)
		_exit(0);
	CHECK(waitpid(p, 0, 0) == p);
	CHECK(hits == 1);
}

static void t_alarm(void)
{
	hits = 0;
	signal(SIGALRM, on_signal);
	alarm(1);
	CHECK(pause() == -1 && errno == EINTR);
	CHECK(hits == 1);
}

static void t_sleep_eintr(void)
{
	signal(SIGALRM, on_signal);
	alarm(1);
	CHECK(sleep(5) > 0);
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

static void t_pipe(void)
{
	int fd[2];
	char buf[8];
	CHECK(pipe(fd) == 0);
	CHECK(write(fd[1], "hello", 5) == 5);
	CHECK(read(fd[0], buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5));
	close(fd[1]);
	CHECK(read(fd[0], buf, sizeof(buf)) == 0);
}

static void t_pipe_fork(void)
{
	int fd[2], total = 0, n;
	char buf[1000];
	CHECK(pipe(fd) == 0);
	pid_t p = fork();
	if (p == 0) {
		close(fd[0]);
		memset(buf, 'x', sizeof(buf));
		for (int i = 0; i < 20; i++)
			if (write(fd[1], buf, sizeof(buf)) != sizeof(buf))
				_exit(1);
		_exit(0);
	}
	close(fd[1]);
	while ((n = (int)read(fd[0], buf, sizeof(buf))) > 0)
		total += n;
	CHECK(total == 20000);
	int st;
	CHECK(waitpid(p, &st, 0) == p && WEXITSTATUS(st) == 0);
}

static void t_epipe(void)
{
	int fd[2];
	signal(SIGPIPE, SIG_IGN);
	CHECK(pipe(fd) == 0);
	close(fd[0]);
	CHECK(write(fd[1], "x", 1) == -1 && errno == EPIPE);
}

static void t_sigpipe(void)
{
	int fd[2];
	CHECK(pipe(fd) == 0);
	pid_t p = fork();
	if (p == 0) {
		close(fd[0]);
		write(fd[1], "x", 1);
		_exit(0);
	}
	close(fd[0]);
	close(fd[1]);
	int st;
	CHECK(waitpid(p, &st, 0) == p);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE);
}

static void t_dup(void)
{
	int fd = open("/tmp/dup", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0);
	int d = dup(fd);
	CHECK(d > fd);
	CHECK(write(fd, "ab", 2) == 2 && write(d, "cd", 2) == 2);
	CHECK(lseek(fd, 0, SEEK_CUR) == 4); /* one shared offset */
	CHECK(dup2(fd, 20) == 20 && lseek(20, 0, SEEK_END) == 4);
	CHECK(close(20) == 0 && close(20) == -1 && errno == EBADF);
	CHECK(dup(99) == -1 && errno == EBADF);
}

static void t_cloexec(void)
{
	int fd = open("/etc/motd", O_RDONLY);
	CHECK(fd >= 0);
	CHECK(fcntl(fd, F_GETFD) == 0);
	CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
	CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC);
	CHECK(fcntl(fd, F_DUPFD, 10) >= 10);
}

static void t_append(void)
{
	int fd = open("/tmp/app", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "12", 2) == 2);
	CHECK(fcntl(fd, F_SETFL, O_APPEND) == 0);
	CHECK(fcntl(fd, F_GETFL) & O_APPEND);
	lseek(fd, 0, SEEK_SET);
	CHECK(write(fd, "34", 2) == 2);
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_size == 4);
}

static void t_excl(void)
{
	int fd = open("/tmp/excl", O_CREAT | O_EXCL | O_WRONLY, 0600);
	CHECK(fd >= 0);
	CHECK(open("/tmp/excl", O_CREAT | O_EXCL | O_WRONLY, 0600) == -1 &&
	      errno == EEXIST);
	CHECK(unlink("/tmp/excl") == 0);
	CHECK(unlink("/tmp/excl") == -1 && errno == ENOENT);
}

static void t_stat_errors(void)
{
	struct stat st;
	CHECK(stat("/nope", &st) == -1 && errno == ENOENT);
	CHECK(stat("/etc/motd/x", &st) == -1 && errno == ENOTDIR);
	CHECK(open("/etc", O_WRONLY) == -1 && errno == EISDIR);
	CHECK(stat("", &st) == -1 && errno == ENOENT);
}

static void t_nametoolong(void)
{
	char name[200];
	memset(name, 'a', sizeof(name) - 1);
	name[0] = '/';
	name[sizeof(name) - 1] = 0;
	CHECK(open(name, O_RDONLY) == -1 && errno == ENAMETOOLONG);
	CHECK(mkdir(name, 0755) == -1 && errno == ENAMETOOLONG);
}

static void t_dirs(void)
{
	CHECK(mkdir("/tmp/d", 0755) == 0);
	CHECK(mkdir("/tmp/d", 0755) == -1 && errno == EEXIST);
	int fd = open("/tmp/d/f", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0 && close(fd) == 0);
	CHECK(rmdir("/tmp/d") == -1 && errno == ENOTEMPTY);
	CHECK(unlink("/tmp/d") == -1 && errno == EISDIR);
	CHECK(unlink("/tmp/d/f") == 0 && rmdir("/tmp/d") == 0);
}

static void t_readdir(void)
{
	mkdir("/tmp/r", 0755);
	close(open("/tmp/r/one", O_CREAT | O_WRONLY, 0644));
	close(open("/tmp/r/two", O_CREAT | O_WRONLY, 0644));
	DIR *d = opendir("/tmp/r");
	CHECK(d);
	int seen = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		seen |= (strcmp(e->d_name, "one") ? 0 : 1) |
			(strcmp(e->d_name, "two") ? 0 : 2) |
			(strcmp(e->d_name, ".") ? 0 : 4);
	closedir(d);
	CHECK(seen == 7);
	CHECK(opendir("/etc/motd") == 0 && errno == ENOTDIR);
}

static void t_rename(void)
{
	close(open("/tmp/ra", O_CREAT | O_WRONLY, 0644));
	CHECK(rename("/tmp/ra", "/tmp/rb") == 0);
	struct stat st;
	CHECK(stat("/tmp/ra", &st) == -1 && stat("/tmp/rb", &st) == 0);
	mkdir("/tmp/rd", 0755);
	mkdir("/tmp/re", 0755);
	CHECK(rename("/tmp/rd", "/tmp/re/in") == 0);
	CHECK(stat("/tmp/re/in/..", &st) == 0);
	CHECK(rename("/tmp/re", "/tmp/re/in/x") == -1 && errno == EINVAL);
	CHECK(rename("/tmp/rb", "/tmp/re") == -1 && errno == EISDIR);
}

static void t_link(void)
{
	struct stat st;
	close(open("/tmp/la", O_CREAT | O_WRONLY, 0644));
	CHECK(link("/tmp/la", "/tmp/lb") == 0);
	CHECK(stat("/tmp/la", &st) == 0 && st.st_nlink == 2);
	CHECK(link("/tmp/la", "/tmp/lb") == -1 && errno == EEXIST);
	CHECK(link("/tmp", "/tmp/lc") == -1 && errno == EPERM);
	CHECK(unlink("/tmp/la") == 0 && stat("/tmp/lb", &st) == 0 &&
	      st.st_nlink == 1);
}

static void t_cwd(void)
{
	char buf[128];
	mkdir("/tmp/cw", 0755);
	CHECK(chdir("/tmp/cw") == 0);
	CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/tmp/cw"));
	close(open("rel", O_CREAT | O_WRONLY, 0644));
	struct stat st;
	CHECK(stat("/tmp/cw/rel", &st) == 0);
	CHECK(chdir("..") == 0 && getcwd(buf, sizeof(buf)) &&
	      !strcmp(buf, "/tmp"));
	CHECK(chdir("/etc/motd") == -1 && errno == ENOTDIR);
	CHECK(getcwd(buf, 2) == 0 && errno == ERANGE);
}

static void t_chmod_umask(void)
{
	struct stat st;
	umask(027);
	close(open("/tmp/um", O_CREAT | O_WRONLY, 0666));
	CHECK(stat("/tmp/um", &st) == 0 && (st.st_mode & 0777) == 0640);
	CHECK(chmod("/tmp/um", 0604) == 0);
	CHECK(stat("/tmp/um", &st) == 0 && (st.st_mode & 0777) == 0604);
	CHECK(umask(022) == 027);
}

static void t_seek_trunc(void)
{
	int fd = open("/tmp/st", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(write(fd, "0123456789", 10) == 10);
	CHECK(lseek(fd, -3, SEEK_END) == 7);
	char c;
	CHECK(read(fd, &c, 1) == 1 && c == '7');
	CHECK(lseek(fd, -100, SEEK_SET) == -1 && errno == EINVAL);
	CHECK(ftruncate(fd, 4) == 0 && lseek(fd, 0, SEEK_END) == 4);
	CHECK(truncate("/tmp/st", 0) == 0 && lseek(fd, 0, SEEK_END) == 0);
	int p[2];
	pipe(p);
	CHECK(lseek(p[0], 0, SEEK_SET) == -1 && errno == ESPIPE);
}

static void t_devices(void)
{
	char buf[16];
	int n = open("/dev/null", O_RDWR), z = open("/dev/zero", O_RDONLY);
	CHECK(n >= 0 && z >= 0);
	CHECK(read(n, buf, sizeof(buf)) == 0);
	CHECK(write(n, "gone", 4) == 4);
	memset(buf, 1, sizeof(buf));
	CHECK(read(z, buf, sizeof(buf)) == sizeof(buf) && buf[0] == 0 &&
	      buf[15] == 0);
	CHECK(open("/dev/ram0", O_RDONLY) == -1 && errno == ENXIO);
}

static void t_efault(void)
{
	CHECK(read(open("/etc/motd", O_RDONLY), (void *)8, 10) == -1 &&
	      errno == EFAULT);
	CHECK(write(open("/tmp/ef", O_CREAT | O_WRONLY, 0644),
		    (void *)0xc0001000, 4) == -1 &&
	      errno == EFAULT);
	int p[2];
	pipe(p);
	CHECK(write(p[1], (void *)16, 4) == -1 && errno == EFAULT);
}

static void t_ebadf(void)
{
	char c;
	CHECK(read(-1, &c, 1) == -1 && errno == EBADF);
	CHECK(write(63, &c, 1) == -1 && errno == EBADF);
	int fd = open("/etc/motd", O_RDONLY);
	CHECK(write(fd, &c, 1) == -1 && errno == EBADF);
	CHECK(close(1000) == -1 && errno == EBADF);
}

static void t_exec_errors(void)
{
	char *argv[] = {"x", 0};
	CHECK(execve("/etc/motd", argv, 0) == -1 && errno == ENOEXEC);
	CHECK(execve("/nope", argv, 0) == -1 && errno == ENOENT);
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

static void t_setuid(void)
{
	close(open("/tmp/secret", O_CREAT | O_WRONLY, 0600));
	CHECK(setuid(100) == 0 && getuid() == 100);
	CHECK(open("/tmp/secret", O_RDONLY) == -1 && errno == EACCES);
	CHECK(setuid(0) == -1 && errno == EPERM);
	CHECK(kill(getppid(), SIGTERM) == -1 && errno == EPERM);
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

static const struct {
	const char *name;
	void (*fn)(void);
} tests[] = {
	{"fork_status", t_fork_status},
	{"wnohang", t_wnohang},
	{"getppid", t_getppid},
	{"echild", t_echild},
	{"kill_default", t_kill_default},
	{"kill_esrch", t_kill_esrch},
	{"handler", t_handler},
	{"ignore", t_ignore},
	{"mask", t_mask},
	{"sigchld", t_sigchld},
	{"alarm", t_alarm},
	{"sleep_eintr", t_sleep_eintr},
	{"segv", t_segv},
	{"stop_cont", t_stop_cont},
	{"pipe", t_pipe},
	{"pipe_fork", t_pipe_fork},
	{"epipe", t_epipe},
	{"sigpipe", t_sigpipe},
	{"dup", t_dup},
	{"cloexec", t_cloexec},
	{"append", t_append},
	{"excl", t_excl},
	{"stat_errors", t_stat_errors},
	{"nametoolong", t_nametoolong},
	{"dirs", t_dirs},
	{"readdir", t_readdir},
	{"rename", t_rename},
	{"link", t_link},
	{"cwd", t_cwd},
	{"chmod_umask", t_chmod_umask},
	{"seek_trunc", t_seek_trunc},
	{"devices", t_devices},
	{"efault", t_efault},
	{"ebadf", t_ebadf},
	{"exec_errors", t_exec_errors},
	{"malloc", t_malloc},
	{"pgrp", t_pgrp},
	{"setuid", t_setuid},
	{"proc_limit", t_proc_limit},
};

int main(void)
{
	t_case = "posix";
	int log = open("/dev/kmsg", O_WRONLY);
	T_ASSERT(log >= 0);
	int failed = 0;
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		pid_t p = fork();
		T_ASSERT(p >= 0);
		if (p == 0) {
			dup2(log, 1);
			dup2(log, 2);
			current = tests[i].name;
			tests[i].fn();
			_exit(0);
		}
		int st = 0;
		T_ASSERT(waitpid(p, &st, 0) == p);
		bool ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
		failed += !ok;
		t_log("%s %s (status 0x%x)\n", ok ? "ok" : "not ok",
		      tests[i].name, st);
	}
	t_log("%d tests, %d failed\n", (int)(sizeof(tests) / sizeof(tests[0])),
	      failed);
	T_EQ(failed, 0);
	t_pass();
	t_finish();
}
