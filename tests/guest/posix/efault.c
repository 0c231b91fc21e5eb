// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: bad pointers.  Every call that takes a pointer is given
 * three that are no good -- (void *)1, an unmapped user address and the
 * kernel's first address -- each in a child of its own, which must not
 * hang (an alarm ends it) nor take the system down.
 *
 * Every system call must fail with EFAULT, whoever touches the pointer:
 * a server copying through a grant (the kernel refuses the copy) or the
 * C library itself (a path, a struct stat built from VFS's reply, the
 * sets of select ...), which copies through a self grant so that the
 * kernel checks it too (lib/libc/user.c).  Two exceptions:
 *   NOTTY   an ioctl on something that is no terminal: ENOTTY may come
 *           before anybody looks at the pointer.
 *   LIBRARY a DIR is the library's own object, not a system call's
 *           argument (like a FILE): a bad one may end in SIGSEGV.
 * A call whose work cannot be undone (pipe, waitpid) checks its result
 * pointer first: no descriptor leaks, no child is reaped for nothing.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/procs.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/termios.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <utime.h>

#include "devnum.h"
#include "posix.h"

enum who { EFAULT_ONLY, NOTTY, LIBRARY };

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
		  (p->who == LIBRARY && posix_killed(st, SIGSEGV)) ||
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

static int p_read_null(void *b)
{
	(void)b;
	return read(rd_fd("/etc/motd"), 0, 8);
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
		{"read file", p_read_file, EFAULT_ONLY},
		{"read pipe", p_read_pipe, EFAULT_ONLY},
		{"read /dev/zero", p_read_zero, EFAULT_ONLY},
		{"write file", p_write_file, EFAULT_ONLY},
		{"write pipe", p_write_pipe, EFAULT_ONLY},
		{"write /dev/kmsg", p_write_kmsg, EFAULT_ONLY},
		{"ioctl TCGETS", p_ioctl, NOTTY},
		{"tcgetattr", p_tcgetattr, NOTTY},
		{"tcsetattr", p_tcsetattr, NOTTY},
		{"read NULL", p_read_null, EFAULT_ONLY},
	};
	PROBES(probes);
}

/* Paths: the C library fetches them page by page (user.c). */
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

static int p_utimes_path(void *b)
{
	return utimes(b, 0);
}

static int p_mknod(void *b)
{
	return mknod(b, S_IFCHR | 0600, DEV_MAKE(MAJOR_MEMORY, MINOR_NULL));
}

static int p_mount_special(void *b)
{
	return mount(b, "/mnt", 0);
}

static int p_mount_dir(void *b)
{
	return mount("/dev/ram1", b, 0);
}

static int p_umount(void *b)
{
	return umount(b);
}

static int p_readlink(void *b)
{
	char buf[16];
	return (int)readlink(b, buf, sizeof(buf));
}

static int p_opendir(void *b)
{
	return opendir(b) ? 0 : -1;
}

static void t_efault_paths(void)
{
	static const struct probe probes[] = {
		{"open", p_open, EFAULT_ONLY},
		{"open O_CREAT", p_creat, EFAULT_ONLY},
		{"stat path", p_stat, EFAULT_ONLY},
		{"lstat path", p_lstat, EFAULT_ONLY},
		{"mkdir", p_mkdir, EFAULT_ONLY},
		{"rmdir", p_rmdir, EFAULT_ONLY},
		{"unlink", p_unlink, EFAULT_ONLY},
		{"link old", p_link_old, EFAULT_ONLY},
		{"link new", p_link_new, EFAULT_ONLY},
		{"rename old", p_rename_old, EFAULT_ONLY},
		{"rename new", p_rename_new, EFAULT_ONLY},
		{"chdir", p_chdir, EFAULT_ONLY},
		{"chmod", p_chmod, EFAULT_ONLY},
		{"chown", p_chown, EFAULT_ONLY},
		{"access", p_access, EFAULT_ONLY},
		{"truncate", p_truncate, EFAULT_ONLY},
		{"utime path", p_utime_path, EFAULT_ONLY},
		{"statvfs path", p_statvfs_path, EFAULT_ONLY},
		{"execve path", p_execve_path, EFAULT_ONLY},
		{"opendir", p_opendir, EFAULT_ONLY},
		{"utimes path", p_utimes_path, EFAULT_ONLY},
		{"mknod", p_mknod, EFAULT_ONLY},
		{"mount special", p_mount_special, EFAULT_ONLY},
		{"mount dir", p_mount_dir, EFAULT_ONLY},
		{"umount", p_umount, EFAULT_ONLY},
		{"readlink", p_readlink, EFAULT_ONLY},
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

static int p_utimes_buf(void *b)
{
	return utimes("/tmp/efw", b);
}

static int p_fstatvfs(void *b)
{
	return fstatvfs(rd_fd("/etc/motd"), b);
}

static int p_gettimeofday(void *b)
{
	return gettimeofday(b, 0);
}

static int p_time(void *b)
{
	return time(b) == (time_t)-1 ? -1 : 0;
}

static int p_gethostname(void *b)
{
	return gethostname(b, 32);
}

static int p_getmounts(void *b)
{
	return getmounts(b, 2);
}

static int p_getprocs(void *b)
{
	return getprocs(b, 4);
}

static int p_getentropy(void *b)
{
	return getentropy(b, 16);
}

static int p_getcwd_long(void *b)
{
	return getcwd(b, 4096) ? 0 : -1;
}

static void t_efault_results(void)
{
	static const struct probe probes[] = {
		{"stat buffer", p_stat_buf, EFAULT_ONLY},
		{"lstat buffer", p_lstat_buf, EFAULT_ONLY},
		{"fstat buffer", p_fstat_buf, EFAULT_ONLY},
		{"getcwd", p_getcwd, EFAULT_ONLY},
		{"pipe", p_pipe, EFAULT_ONLY},
		{"uname", p_uname, EFAULT_ONLY},
		{"statvfs buffer", p_statvfs_buf, EFAULT_ONLY},
		{"times", p_times, EFAULT_ONLY},
		{"utime times", p_utime_buf, EFAULT_ONLY},
		{"utimes times", p_utimes_buf, EFAULT_ONLY},
		{"fstatvfs", p_fstatvfs, EFAULT_ONLY},
		{"gettimeofday", p_gettimeofday, EFAULT_ONLY},
		{"time", p_time, EFAULT_ONLY},
		{"gethostname", p_gethostname, EFAULT_ONLY},
		{"getmounts", p_getmounts, EFAULT_ONLY},
		{"getprocs", p_getprocs, EFAULT_ONLY},
		{"getentropy", p_getentropy, EFAULT_ONLY},
		{"getcwd 4096", p_getcwd_long, EFAULT_ONLY},
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

static int p_select_write(void *b)
{
	return select(4, 0, b, 0, &(struct timeval){0, 0});
}

static int p_select_except(void *b)
{
	return select(4, 0, 0, b, &(struct timeval){0, 0});
}

static int p_nanosleep_left(void *b)
{
	/* Interrupted by its own alarm, the time left goes to b. */
	signal(SIGALRM, posix_count_signal);
	alarm(1);
	return nanosleep(&(struct timespec){3, 0}, b);
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
		{"waitpid status", p_waitpid, EFAULT_ONLY},
		{"execve argv", p_execve_argv, EFAULT_ONLY},
		{"execve argv[1]", p_execve_arg, EFAULT_ONLY},
		{"execve envp", p_execve_envp, EFAULT_ONLY},
		{"sigaction new", p_sigaction_new, EFAULT_ONLY},
		{"sigaction old", p_sigaction_old, EFAULT_ONLY},
		{"sigprocmask new", p_sigprocmask_new, EFAULT_ONLY},
		{"sigprocmask old", p_sigprocmask_old, EFAULT_ONLY},
		{"sigpending", p_sigpending, EFAULT_ONLY},
		{"sigsuspend", p_sigsuspend, EFAULT_ONLY},
		{"select set", p_select_set, EFAULT_ONLY},
		{"select timeout", p_select_timeout, EFAULT_ONLY},
		{"poll", p_poll, EFAULT_ONLY},
		{"select write set", p_select_write, EFAULT_ONLY},
		{"select except set", p_select_except, EFAULT_ONLY},
		{"nanosleep left", p_nanosleep_left, EFAULT_ONLY},
		{"nanosleep", p_nanosleep, EFAULT_ONLY},
		{"readdir", p_readdir, LIBRARY},
	};
	PROBES(probes);
}

/* The last bytes before an unmapped page: the end of the program's
 * image (a boot process's heap is an arena inside it, so nothing is
 * mapped after it). */
extern char _end[];

static char *image_end(void)
{
	uintptr_t end = ((uintptr_t)_end + 4095) & ~(uintptr_t)4095;
	return (char *)end;
}

/* A path whose NUL is the last byte of a mapped page works; one that
 * runs into the unmapped page without a NUL is EFAULT, and so is a
 * buffer that ends one byte inside it. */
static void t_efault_page_end(void)
{
	char *end = image_end();
	static const char name[] = "/etc/motd";
	char *path = end - sizeof(name);
	memcpy(path, name, sizeof(name));
	struct stat st;
	CHECK(stat(path, &st) == 0 && S_ISREG(st.st_mode));
	end[-1] = 'd'; /* no NUL before the hole */
	errno = 0;
	CHECK(stat(path, &st) == -1 && errno == EFAULT);
	errno = 0;
	CHECK(stat("/etc/motd", (struct stat *)(end - sizeof(st) + 1)) == -1 &&
	      errno == EFAULT);
	CHECK(stat("/etc/motd", (struct stat *)(end - sizeof(st))) == 0);
	int fd = open("/etc/motd", O_RDONLY);
	CHECK(read(fd, end - 4, 8) == -1 && errno == EFAULT);
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, end - 4, 4) == 4);
	close(fd);
}

/* pipe and waitpid check their result pointer before acting: a bad one
 * leaks no descriptor and reaps no child. */
static void t_efault_no_side_effects(void)
{
	int before = open("/dev/null", O_RDONLY);
	close(before);
	errno = 0;
	CHECK(pipe((int *)0x40000000) == -1 && errno == EFAULT);
	int after = open("/dev/null", O_RDONLY);
	CHECK(after == before);
	pid_t c = fork();
	if (c == 0)
		_exit(7);
	errno = 0;
	CHECK(waitpid(c, (int *)0x40000000, 0) == -1 && errno == EFAULT);
	int st;
	CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 7);
	errno = 0;
	CHECK(sigaction(SIGUSR1, &(struct sigaction){.sa_handler = SIG_IGN},
			(struct sigaction *)0x40000000) == -1 &&
	      errno == EFAULT);
	struct sigaction now;
	CHECK(sigaction(SIGUSR1, 0, &now) == 0 && now.sa_handler == SIG_DFL);
}

static const struct posix_test tests[] = {
	{"efault", t_efault},
	{"efault_io", t_efault_io},
	{"efault_paths", t_efault_paths},
	{"efault_results", t_efault_results},
	{"efault_proc", t_efault_proc},
	{"efault_page_end", t_efault_page_end},
	{"efault_no_side_effects", t_efault_no_side_effects},
};

POSIX_GROUP(posix_efault, tests);
