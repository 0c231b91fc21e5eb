// SPDX-License-Identifier: BSD-2-Clause
/*
 * Descriptor plumbing: dup, dup2, fcntl and pipe, through VFS.  Every
 * call that hands out a descriptor tells io.c, so a boot process's
 * 0-2 stop being the kernel log once they are really open.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>

#include "libc.h"

static int got_fd(int r)
{
	r = libc_ret(r);
	libc_fd_opened(r);
	return r;
}

int dup(int fd)
{
	struct vfs_request q = {.fd = fd, .mode = 0};
	return got_fd(vfs_call(VFS_DUP, &q, 0, 0, 0, 0));
}

int dup2(int fd, int to)
{
	if (to < 0)
		return libc_ret(-EBADF);
	struct vfs_request q = {.fd = fd, .mode = (uint32_t)to, .arg = 1};
	return got_fd(vfs_call(VFS_DUP, &q, 0, 0, 0, 0));
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	va_start(ap, cmd);
	int arg = cmd == F_DUPFD || cmd == F_SETFD || cmd == F_SETFL
			  ? va_arg(ap, int)
			  : 0;
	va_end(ap);
	if (cmd == F_DUPFD && arg < 0)
		return libc_ret(-EINVAL);
	struct vfs_request q = {
		.fd = fd, .flags = (uint32_t)cmd, .mode = (uint32_t)arg};
	int r = vfs_call(VFS_FCNTL, &q, 0, 0, 0, 0);
	return cmd == F_DUPFD ? got_fd(r) : libc_ret(r);
}

int pipe(int fds[2])
{
	struct vfs_request q = {0};
	struct vfs_reply rep;
	int r = libc_writable(fds, 2 * sizeof(int)); /* before making them */
	if (r < 0)
		return libc_ret(r);
	r = vfs_call(VFS_PIPE, &q, 0, 0, 0, &rep);
	if (r < 0)
		return libc_ret(r);
	int mine[2] = {(int)rep.ino, (int)rep.pos};
	libc_fd_opened(mine[0]);
	libc_fd_opened(mine[1]);
	return libc_ret(libc_out(fds, mine, sizeof(mine)));
}
