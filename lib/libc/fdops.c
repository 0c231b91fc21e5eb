// SPDX-License-Identifier: BSD-2-Clause
/*
 * Descriptor plumbing: dup, dup2, fcntl and pipe, through VFS.  Every
 * call that hands out a descriptor tells io.c, so a boot process's
 * 0-2 stop being the kernel log once they are really open.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
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
	union vfs_req q = {.dup = {.fd = fd, .target = 0, .exact = 0}};
	return got_fd(vfs_call(VFS_DUP, &q, 0));
}

int dup2(int fd, int to)
{
	if (to < 0)
		return libc_ret(-EBADF);
	union vfs_req q = {.dup = {.fd = fd, .target = to, .exact = 1}};
	return got_fd(vfs_call(VFS_DUP, &q, 0));
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
	union vfs_req q = {.fcntl = {.fd = fd,
				     .cmd = (uint32_t)cmd,
				     .arg = (uint32_t)arg}};
	int r = vfs_call(VFS_FCNTL, &q, 0);
	return cmd == F_DUPFD ? got_fd(r) : libc_ret(r);
}

int pipe(int fds[2])
{
	union vfs_req q;
	union vfs_rep rep;
	memset(&q, 0, sizeof(q)); /* VFS_PIPE carries nothing */
	int r = libc_writable(fds, 2 * sizeof(int)); /* before making them */
	if (r < 0)
		return libc_ret(r);
	r = vfs_call(VFS_PIPE, &q, &rep);
	if (r < 0)
		return libc_ret(r);
	int mine[2] = {rep.pipe.rfd, rep.pipe.wfd};
	libc_fd_opened(mine[0]);
	libc_fd_opened(mine[1]);
	return libc_ret(libc_out(fds, mine, sizeof(mine)));
}
