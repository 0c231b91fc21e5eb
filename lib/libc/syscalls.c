// SPDX-License-Identifier: BSD-2-Clause
/*
 * The system calls newlib needs, for boot processes.
 *
 * Until the process manager and file system exist, a boot process has
 * no files: standard output and error go to the kernel log through
 * SYS_DIAG, standard input is at end of file, and everything that needs
 * a file or a process manager fails with ENOSYS.  Memory for malloc
 * comes from a fixed arena in the program's own bss (EARLY_HEAP_SIZE),
 * so sbrk never needs the kernel.  The userland issue replaces these
 * with messages to PM and VFS.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>

#include "libsys.h"

#undef errno
extern int errno;

#define EARLY_HEAP_SIZE (512 * 1024)

char **environ;
static char *env_none[1];
static char heap[EARLY_HEAP_SIZE] __attribute__((aligned(16)));
static uint32_t heap_used;

static int fail(int e)
{
	errno = e;
	return -1;
}

void _exit(int status)
{
	for (;;)
		sys_exit(SELF, status);
}

int write(int fd, const void *buf, int len)
{
	if (fd != 1 && fd != 2)
		return fail(EBADF);
	if (len < 0)
		return fail(EINVAL);
	int r = sys_diag(buf, (uint32_t)len);
	return r < 0 ? fail(-r) : len;
}

int read(int fd, void *buf, int len)
{
	(void)buf;
	(void)len;
	return fd == 0 ? 0 : fail(EBADF);
}

void *sbrk(intptr_t incr)
{
	if (incr < 0 ? (uint32_t)-incr > heap_used
		     : (uint32_t)incr > EARLY_HEAP_SIZE - heap_used) {
		errno = ENOMEM;
		return (void *)-1;
	}
	void *old = heap + heap_used;
	heap_used += (uint32_t)incr;
	return old;
}

int close(int fd)
{
	return fd >= 0 && fd <= 2 ? 0 : fail(EBADF);
}

int fstat(int fd, struct stat *st)
{
	if (fd < 0 || fd > 2)
		return fail(EBADF);
	st->st_mode = S_IFCHR;
	return 0;
}

int isatty(int fd)
{
	return fd >= 0 && fd <= 2;
}

int lseek(int fd, int off, int whence)
{
	(void)fd;
	(void)off;
	(void)whence;
	return fail(ESPIPE);
}

int getpid(void)
{
	return 1;
}

int kill(int pid, int sig)
{
	(void)sig;
	if (pid == 1)
		_exit(128 + sig);
	return fail(ESRCH);
}

clock_t times(struct tms *t)
{
	struct kc_times kt;
	if (sys_times(&kt) < 0)
		return (clock_t)-1;
	t->tms_utime = kt.user_ticks;
	t->tms_stime = t->tms_cutime = t->tms_cstime = 0;
	return (clock_t)kt.ticks;
}

int gettimeofday(struct timeval *tv, void *tz)
{
	(void)tz;
	struct kc_times kt;
	if (sys_times(&kt) < 0)
		return fail(EIO);
	tv->tv_sec = (time_t)(kt.ticks / kt.hz);
	tv->tv_usec = (suseconds_t)(kt.ticks % kt.hz * (1000000 / kt.hz));
	return 0;
}

int open(const char *path, int flags, ...)
{
	(void)path;
	(void)flags;
	return fail(ENOSYS);
}

int stat(const char *path, struct stat *st)
{
	(void)path;
	(void)st;
	return fail(ENOSYS);
}

int link(const char *a, const char *b)
{
	(void)a;
	(void)b;
	return fail(ENOSYS);
}

int unlink(const char *path)
{
	(void)path;
	return fail(ENOSYS);
}

int mkdir(const char *path, mode_t mode)
{
	(void)path;
	(void)mode;
	return fail(ENOSYS);
}

int fcntl(int fd, int cmd, ...)
{
	(void)fd;
	(void)cmd;
	return fail(ENOSYS);
}

int fork(void)
{
	return fail(ENOSYS);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path;
	(void)argv;
	(void)envp;
	return fail(ENOSYS);
}

int wait(int *status)
{
	(void)status;
	return fail(ECHILD);
}

int getentropy(void *buf, size_t len)
{
	(void)buf;
	(void)len;
	return fail(ENOSYS);
}

void _init(void)
{
	if (!environ)
		environ = env_none;
}

void _fini(void)
{
}
