// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: bad pointers.  Every call that takes a pointer is given
 * three that are no good -- (void *)1, an unmapped user address and the
 * kernel's first address -- each in a child of its own, which must not
 * hang (an alarm ends it) nor take the system down.
 *
 * What counts as right depends on who touches the pointer:
 *   SERVER  VFS or PM copies through a grant: the kernel refuses the
 *           copy, so the call must fail with EFAULT.
 *   LIBC    the C library reads or writes it itself (a path's length, a
 *           struct stat filled from VFS's reply, a set for select ...):
 *           EFAULT, or SIGSEGV for the process.  POSIX allows both: "the
 *           reliable detection of this error cannot be guaranteed, and
 *           when not detected may result in the generation of a signal"
 *           (XSH 2.3, [EFAULT]).
 *   NOTTY   an ioctl on something that is no terminal: ENOTTY may come
 *           before anybody looks at the pointer; else EFAULT.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/termios.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <utime.h>

#include "posix.h"

enum who { SERVER, LIBC, NOTTY };

struct probe {
	const char *what;
	int (*call)(void *bad);
	enum who who;
};

static void *const bad_ptrs[] = {(void *)1, (void *)0x40000000,
				 (void *)0xc0000000};

/* Run one probe with one pointer in a child: true if it answered as it
 * may. */
static bool answers(const struct probe *p, void *bad)
{
	pid_t c = fork();
	if (c == 0) {
		alarm(5);
		errno = 0;
		int r = p->call(bad);
		_exit(r != -1 ? 200 : errno == EFAULT ? 0 : errno);
	}
	int st = posix_wait(c);
	bool ok = posix_exited(st, 0) ||
		  (p->who == LIBC && posix_killed(st, SIGSEGV)) ||
		  (p->who == NOTTY && posix_exited(st, ENOTTY));
	if (!ok)
		dprintf(2, "efault: %s with %p: status 0x%x\n", p->what, bad,
			st);
	return ok;
}

static void run_probes(const struct probe *p, int n)
{
	int failed = 0;
	for (int i = 0; i < n; i++)
		for (unsigned b = 0; b < sizeof(bad_ptrs) / sizeof(void *); b++)
			failed += !answers(&p[i], bad_ptrs[b]);
	CHECK(failed == 0);
}

#define PROBES(table) run_probes(table, sizeof(table) / sizeof(table[0]))

static int rd_fd(const char *path)
{
	return open(path, O_RDONLY);
}

static int full_pipe(int end)
{
	int p[2];
	if (pipe(p) < 0 || write(p[1], "abcdef", 6) != 6)
		return -1;
	return p[end];
}

/* Data in and out: VFS, the pipe code and the drivers copy it. */
static int p_read_file(void *b)
{
	return read(rd_fd("/etc/motd"), b, 64);
}

static int p_read_pipe(void *b)
{
	return read(full_pipe(0), b, 6);
}

static int p_read_zero(void *b)
{
	return read(rd_fd("/dev/zero"), b, 16);
}

static int p_write_file(void *b)
{
	return write(open("/tmp/efw", O_CREAT | O_WRONLY, 0644), b, 16);
}

static int p_write_pipe(void *b)
{
	return write(full_pipe(1), b, 16);
}

static int p_write_kmsg(void *b)
{
	return write(open("/dev/kmsg", O_WRONLY), b, 16);
}

static int p_ioctl(void *b)
{
	return ioctl(rd_fd("/dev/null"), TCGETS, b);
}

static int p_tcgetattr(void *b)
{
	return tcgetattr(full_pipe(0), b);
}

static int p_tcsetattr(void *b)
{
	return tcsetattr(rd_fd("/etc/motd"), TCSANOW, b);
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

static void t_efault_io(void)
{
	static const struct probe probes[] = {
		{"read file", p_read_file, SERVER},
		{"read pipe", p_read_pipe, SERVER},
		{"read /dev/zero", p_read_zero, SERVER},
		{"write file", p_write_file, SERVER},
		{"write pipe", p_write_pipe, SERVER},
		{"write /dev/kmsg", p_write_kmsg, SERVER},
		{"ioctl TCGETS", p_ioctl, NOTTY},
		{"tcgetattr", p_tcgetattr, NOTTY},
		{"tcsetattr", p_tcsetattr, NOTTY},
	};
	PROBES(probes);
}

/* Paths: the C library measures them before granting them to VFS. */
static int p_open(void *b)
{
	return open(b, O_RDONLY);
}

static int p_creat(void *b)
{
	return open(b, O_CREAT | O_WRONLY, 0644);
}

static int p_stat(void *b)
{
	struct stat st;
	return stat(b, &st);
}

static int p_lstat(void *b)
{
	struct stat st;
	return lstat(b, &st);
}

static int p_mkdir(void *b)
{
	return mkdir(b, 0755);
}

static int p_rmdir(void *b)
{
	return rmdir(b);
}

static int p_unlink(void *b)
{
	return unlink(b);
}

static int p_link_old(void *b)
{
	return link(b, "/tmp/efl");
}

static int p_link_new(void *b)
{
	return link("/etc/motd", b);
}

static int p_rename_old(void *b)
{
	return rename(b, "/tmp/efr");
}

static int p_rename_new(void *b)
{
	return rename("/tmp/efw", b);
}

static int p_chdir(void *b)
{
	return chdir(b);
}

static int p_chmod(void *b)
{
	return chmod(b, 0644);
}

static int p_chown(void *b)
{
	return chown(b, 0, 0);
}

static int p_access(void *b)
{
	return access(b, R_OK);
}

static int p_truncate(void *b)
{
	return truncate(b, 0);
}

static int p_utime_path(void *b)
{
	return utime(b, 0);
}

static int p_statvfs_path(void *b)
{
	struct statvfs s;
	return statvfs(b, &s);
}

static int p_execve_path(void *b)
{
	char *argv[] = {"x", 0};
	return execve(b, argv, 0);
}

static int p_opendir(void *b)
{
	return opendir(b) ? 0 : -1;
}

static void t_efault_paths(void)
{
	static const struct probe probes[] = {
		{"open", p_open, LIBC},
		{"open O_CREAT", p_creat, LIBC},
		{"stat path", p_stat, LIBC},
		{"lstat path", p_lstat, LIBC},
		{"mkdir", p_mkdir, LIBC},
		{"rmdir", p_rmdir, LIBC},
		{"unlink", p_unlink, LIBC},
		{"link old", p_link_old, LIBC},
		{"link new", p_link_new, LIBC},
		{"rename old", p_rename_old, LIBC},
		{"rename new", p_rename_new, LIBC},
		{"chdir", p_chdir, LIBC},
		{"chmod", p_chmod, LIBC},
		{"chown", p_chown, LIBC},
		{"access", p_access, LIBC},
		{"truncate", p_truncate, LIBC},
		{"utime path", p_utime_path, LIBC},
		{"statvfs path", p_statvfs_path, LIBC},
		{"execve path", p_execve_path, LIBC},
		{"opendir", p_opendir, LIBC},
	};
	PROBES(probes);
	struct stat st;
	CHECK(stat("/tmp/efl", &st) == -1 && stat("/tmp/efr", &st) == -1);
}

/* Results: the C library fills them from the reply. */
static int p_stat_buf(void *b)
{
	return stat("/etc/motd", b);
}

static int p_lstat_buf(void *b)
{
	return lstat("/etc/motd", b);
}

static int p_fstat_buf(void *b)
{
	return fstat(rd_fd("/etc/motd"), b);
}

static int p_getcwd(void *b)
{
	return getcwd(b, 64) ? 0 : -1;
}

static int p_pipe(void *b)
{
	return pipe(b);
}

static int p_uname(void *b)
{
	return uname(b);
}

static int p_statvfs_buf(void *b)
{
	return statvfs("/", b);
}

static int p_times(void *b)
{
	return times(b) == (clock_t)-1 ? -1 : 0;
}

static int p_utime_buf(void *b)
{
	return utime("/tmp/efw", b);
}

static void t_efault_results(void)
{
	static const struct probe probes[] = {
		{"stat buffer", p_stat_buf, LIBC},
		{"lstat buffer", p_lstat_buf, LIBC},
		{"fstat buffer", p_fstat_buf, LIBC},
		{"getcwd", p_getcwd, LIBC},
		{"pipe", p_pipe, LIBC},
		{"uname", p_uname, LIBC},
		{"statvfs buffer", p_statvfs_buf, LIBC},
		{"times", p_times, LIBC},
		{"utime times", p_utime_buf, LIBC},
	};
	PROBES(probes);
}

/* Processes and signals. */
static int p_waitpid(void *b)
{
	pid_t c = fork();
	if (c == 0)
		_exit(0);
	return waitpid(c, b, 0) == c ? 0 : -1;
}

static int p_execve_argv(void *b)
{
	return execve("/bin/args", b, 0);
}

static int p_execve_arg(void *b)
{
	char *argv[] = {"args", b, 0};
	return execve("/bin/args", argv, 0);
}

static int p_execve_envp(void *b)
{
	char *argv[] = {"args", 0};
	return execve("/bin/args", argv, b);
}

static int p_sigaction_new(void *b)
{
	return sigaction(SIGUSR1, b, 0);
}

static int p_sigaction_old(void *b)
{
	return sigaction(SIGUSR1, 0, b);
}

static int p_sigprocmask_new(void *b)
{
	return sigprocmask(SIG_BLOCK, b, 0);
}

static int p_sigprocmask_old(void *b)
{
	return sigprocmask(SIG_BLOCK, 0, b);
}

static int p_sigpending(void *b)
{
	return sigpending(b);
}

static int p_sigsuspend(void *b)
{
	return sigsuspend(b) == -1 && errno == EINTR ? 0 : -1;
}

static int p_select_set(void *b)
{
	return select(4, b, 0, 0, &(struct timeval){0, 0});
}

static int p_select_timeout(void *b)
{
	fd_set r;
	FD_ZERO(&r);
	FD_SET(full_pipe(0), &r);
	return select(FD_SETSIZE, &r, 0, 0, b);
}

static int p_poll(void *b)
{
	return poll(b, 2, 0);
}

static int p_nanosleep(void *b)
{
	return nanosleep(b, 0);
}

static int p_readdir(void *b)
{
	return readdir(b) ? 0 : -1;
}

static void t_efault_proc(void)
{
	static const struct probe probes[] = {
		{"waitpid status", p_waitpid, LIBC},
		{"execve argv", p_execve_argv, LIBC},
		{"execve argv[1]", p_execve_arg, LIBC},
		{"execve envp", p_execve_envp, LIBC},
		{"sigaction new", p_sigaction_new, LIBC},
		{"sigaction old", p_sigaction_old, LIBC},
		{"sigprocmask new", p_sigprocmask_new, LIBC},
		{"sigprocmask old", p_sigprocmask_old, LIBC},
		{"sigpending", p_sigpending, LIBC},
		{"sigsuspend", p_sigsuspend, LIBC},
		{"select set", p_select_set, LIBC},
		{"select timeout", p_select_timeout, LIBC},
		{"poll", p_poll, LIBC},
		{"nanosleep", p_nanosleep, LIBC},
		{"readdir", p_readdir, LIBC},
	};
	PROBES(probes);
}

static const struct posix_test tests[] = {
	{"efault", t_efault},
	{"efault_io", t_efault_io},
	{"efault_paths", t_efault_paths},
	{"efault_results", t_efault_results},
	{"efault_proc", t_efault_proc},
};

POSIX_GROUP(posix_efault, tests);
