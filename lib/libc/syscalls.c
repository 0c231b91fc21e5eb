// SPDX-License-Identifier: BSD-2-Clause
/*
 * The system calls newlib needs, for boot processes.
 *
 * Files (descriptors from 3 up, paths) are VFS's (vfs.c).  Until the
 * console driver exists, standard output and error go to the kernel log
 * through SYS_DIAG and standard input is at end of file; until the
 * process manager exists, what needs it fails with ENOSYS.  Memory for malloc
 * comes from a fixed arena in the program's own bss (EARLY_HEAP_SIZE),
 * so sbrk never needs the kernel.  The userland issue replaces these
 * with messages to PM and VFS.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <unistd.h>

#include "vfs_client.h"

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

/* A VFS result as a C library result. */
static int ret(int r)
{
	return r < 0 ? fail(-r) : r;
}

static int is_console(int fd)
{
	return fd >= 0 && fd < VFS_FIRST_FD;
}

void _exit(int status)
{
	for (;;)
		sys_exit(SELF, status);
}

int write(int fd, const void *buf, size_t len)
{
	if (len > 0x7fffffff)
		return fail(EINVAL);
	if (!is_console(fd)) {
		struct vfs_request q = {.fd = fd};
		return ret(vfs_call(VFS_WRITE, &q, buf, (uint32_t)len, GF_READ,
				    0));
	}
	if (fd == 0)
		return fail(EBADF);
	int r = sys_diag(buf, (uint32_t)len);
	return r < 0 ? fail(-r) : (int)len;
}

int read(int fd, void *buf, size_t len)
{
	if (len > 0x7fffffff)
		return fail(EINVAL);
	if (!is_console(fd)) {
		struct vfs_request q = {.fd = fd};
		return ret(vfs_call(VFS_READ, &q, buf, (uint32_t)len, GF_WRITE,
				    0));
	}
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
	if (is_console(fd))
		return 0;
	struct vfs_request q = {.fd = fd};
	return ret(vfs_call(VFS_CLOSE, &q, 0, 0, 0, 0));
}

int fstat(int fd, struct stat *st)
{
	if (is_console(fd)) {
		memset(st, 0, sizeof(*st));
		st->st_mode = S_IFCHR;
		return 0;
	}
	struct vfs_request q = {.fd = fd};
	struct vfs_reply rep;
	int r = vfs_call(VFS_FSTAT, &q, 0, 0, 0, &rep);
	if (r < 0)
		return fail(-r);
	vfs_to_stat(&rep, st);
	return 0;
}

int isatty(int fd)
{
	return is_console(fd);
}

off_t lseek(int fd, off_t off, int whence)
{
	if (is_console(fd))
		return fail(ESPIPE);
	struct vfs_request q = {.fd = fd, .pos = off, .whence = whence};
	struct vfs_reply rep;
	int r = vfs_call(VFS_LSEEK, &q, 0, 0, 0, &rep);
	return r < 0 ? fail(-r) : (off_t)rep.pos;
}

int kill(int pid, int sig)
{
	(void)sig;
	if (pid == getpid()) /* signals come with PM's signal work */
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
	va_list ap;
	va_start(ap, flags);
	int mode = flags & O_CREAT ? va_arg(ap, int) : 0;
	va_end(ap);
	return ret(
		vfs_path(VFS_OPEN, path, (uint32_t)flags, (uint32_t)mode, 0));
}

int stat(const char *path, struct stat *st)
{
	struct vfs_reply rep;
	int r = vfs_path(VFS_STAT, path, 0, 0, &rep);
	if (r < 0)
		return fail(-r);
	vfs_to_stat(&rep, st);
	return 0;
}

int rmdir(const char *path)
{
	return ret(vfs_path(VFS_RMDIR, path, 0, 0, 0));
}

int ftruncate(int fd, off_t len)
{
	struct vfs_request q = {.fd = fd, .pos = len};
	return ret(vfs_call(VFS_FTRUNCATE, &q, 0, 0, 0, 0));
}

void sync(void)
{
	struct vfs_request q = {0};
	vfs_call(VFS_SYNC, &q, 0, 0, 0, 0);
}

int link(const char *a, const char *b)
{
	(void)a;
	(void)b;
	return fail(ENOSYS);
}

int unlink(const char *path)
{
	return ret(vfs_path(VFS_UNLINK, path, 0, 0, 0));
}

int mkdir(const char *path, mode_t mode)
{
	return ret(vfs_path(VFS_MKDIR, path, 0, (uint32_t)mode, 0));
}

int fcntl(int fd, int cmd, ...)
{
	(void)fd;
	(void)cmd;
	return fail(ENOSYS);
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
