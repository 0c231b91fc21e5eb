// SPDX-License-Identifier: BSD-2-Clause
/*
 * read, write, close, lseek, fstat, isatty, ioctl: descriptor calls
 * to VFS.
 *
 * A boot process (started by the kernel, not by exec) has no
 * descriptors in VFS at first, so its standard output and error go to
 * the kernel log through SYS_DIAG and its standard input is at end of
 * file -- until it opens or closes descriptor 0, 1 or 2 itself (init
 * does, to take the console).  Servers and drivers never do, so they
 * never write through VFS, which might be waiting for them.
 */
#include <stdarg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/termios.h>
#include <unistd.h>

#include "libc.h"

static unsigned klog_fds; /* bit n: fd n is the kernel log */
static bool booted;	  /* started by the kernel */

void libc_boot_init(bool boot)
{
	klog_fds = boot ? 7 : 0;
	booted = boot;
}

bool libc_is_boot(void)
{
	return booted;
}

void libc_fd_opened(int fd)
{
	if (fd >= 0 && fd < 3)
		klog_fds &= ~(1u << fd);
}

static bool is_klog(int fd)
{
	return fd >= 0 && fd < 3 && (klog_fds >> fd & 1);
}

static int rw(int type, int fd, const void *buf, size_t len)
{
	if (len > 0x7fffffff)
		return libc_ret(-EINVAL);
	union vfs_req q;
	struct vfs_io *io = type == VFS_READ ? &q.read : &q.write;
	memset(&q, 0, sizeof(q));
	io->fd = fd;
	return libc_ret(vfs_buf_call(type, &q, VFS_BUF(*io), buf, (uint32_t)len,
				     type == VFS_READ ? GF_WRITE : GF_READ, 0));
}

int write(int fd, const void *buf, size_t len)
{
	if (!is_klog(fd))
		return rw(VFS_WRITE, fd, buf, len);
	if (fd == 0)
		return libc_ret(-EBADF);
	for (size_t done = 0; done < len;) {
		size_t n = len - done > 256 ? 256 : len - done;
		int r = sys_diag((const char *)buf + done, (uint32_t)n);
		if (r < 0)
			return libc_ret(r);
		done += n;
	}
	return (int)len;
}

int read(int fd, void *buf, size_t len)
{
	if (is_klog(fd))
		return fd == 0 ? 0 : libc_ret(-EBADF);
	return rw(VFS_READ, fd, buf, len);
}

int close(int fd)
{
	if (is_klog(fd)) {
		libc_fd_opened(fd);
		return 0;
	}
	union vfs_req q = {.close = {.fd = fd}};
	return libc_ret(vfs_call(VFS_CLOSE, &q, 0));
}

off_t lseek(int fd, off_t off, int whence)
{
	if (is_klog(fd))
		return libc_ret(-ESPIPE);
	union vfs_req q = {.lseek = {.fd = fd, .whence = whence, .pos = off}};
	union vfs_rep rep;
	int r = vfs_call(VFS_LSEEK, &q, &rep);
	return r < 0 ? libc_ret(r) : (off_t)rep.lseek.pos;
}

int fstat(int fd, struct stat *st)
{
	union vfs_rep rep;
	if (is_klog(fd)) { /* stdio asks, with a boot server's own buffer: */
		if (!st)   /* no grant to check it (drivers may not make one) */
			return libc_ret(-EFAULT);
		memset(st, 0, sizeof(*st));
		st->st_mode = S_IFCHR | 0600;
		return 0;
	}
	union vfs_req q = {.fstat = {.fd = fd}};
	int r = vfs_call(VFS_FSTAT, &q, &rep);
	if (r < 0)
		return libc_ret(r);
	return libc_ret(vfs_stat_out(&rep.fstat, st));
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	va_start(ap, request);
	void *arg = va_arg(ap, void *);
	va_end(ap);
	if (is_klog(fd))
		return libc_ret(-ENOTTY);
	uint32_t size = _IOC_SIZE(request);
	union vfs_req q = {.ioctl = {.fd = fd, .request = (uint32_t)request}};
	return libc_ret(vfs_buf_call(VFS_IOCTL, &q, VFS_BUF(q.ioctl),
				     size ? arg : 0, size, GF_READ | GF_WRITE,
				     0));
}

int isatty(int fd)
{
	struct termios t;
	if (tcgetattr(fd, &t) < 0) {
		if (errno == ENOTTY || errno == EINVAL)
			errno = ENOTTY;
		return 0;
	}
	return 1;
}
