// SPDX-License-Identifier: BSD-2-Clause
/*
 * select(2), and poll(2) on top of it.  The three sets travel to VFS in
 * one struct vfs_fdsets; the timeout in milliseconds.  poll asks for
 * POLLIN and POLLOUT only (POLLHUP and POLLERR would need VFS to tell
 * them apart from readiness).  The program's sets and array are copied
 * in and out with the kernel's check (user.c).
 */
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/select.h>

#include "libc.h"

_Static_assert(FD_SETSIZE >= VFS_OPEN_MAX, "an fd_set holds every fd");

/* The bytes of an fd_set that hold descriptors 0 .. nfds-1. */
static size_t set_bytes(int nfds)
{
	return (size_t)(nfds + 31) / 32 * 4;
}

static int set_in(const fd_set *user, uint32_t *w, int nfds)
{
	fd_set s;
	memset(w, 0, VFS_OPEN_MAX / 8);
	if (!user)
		return 0;
	int r = libc_in(&s, user, set_bytes(nfds));
	for (int fd = 0; r == 0 && fd < nfds; fd++)
		if (FD_ISSET(fd, &s))
			w[fd / 32] |= 1u << (fd % 32);
	return r;
}

static int set_out(fd_set *user, const uint32_t *w, int nfds)
{
	fd_set s;
	if (!user)
		return 0;
	FD_ZERO(&s);
	for (int fd = 0; fd < nfds; fd++)
		if (w[fd / 32] >> (fd % 32) & 1)
			FD_SET(fd, &s);
	return libc_out(user, &s, set_bytes(nfds));
}

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
	struct vfs_fdsets s;
	struct timeval t = {0, 0};
	if (nfds < 0 || nfds > VFS_OPEN_MAX)
		return libc_ret(-EINVAL);
	int r = tv ? libc_in(&t, tv, sizeof(t)) : 0;
	if (r == 0)
		r = set_in(rd, s.rd, nfds);
	if (r == 0)
		r = set_in(wr, s.wr, nfds);
	if (r == 0)
		r = set_in(ex, s.ex, nfds);
	if (r < 0)
		return libc_ret(r);
	if (t.tv_sec < 0 || t.tv_usec < 0)
		return libc_ret(-EINVAL);
	s.nfds = (uint32_t)nfds;
	union vfs_req q = {
		.select = {.timeout = tv ? (int64_t)t.tv_sec * 1000 +
						      t.tv_usec / 1000
					 : -1}};
	r = vfs_buf_call(VFS_SELECT, &q, VFS_BUF(q.select), &s, sizeof(s),
			 GF_READ | GF_WRITE, 0);
	if (r < 0)
		return libc_ret(r);
	int w = set_out(rd, s.rd, nfds);
	if (w == 0)
		w = set_out(wr, s.wr, nfds);
	if (w == 0)
		w = set_out(ex, s.ex, nfds);
	return w < 0 ? libc_ret(w) : r;
}

/* Is fd open?  (errno stays as it was.) */
static bool is_open(int fd)
{
	int saved = errno;
	bool open = fd < VFS_OPEN_MAX && fcntl(fd, F_GETFD) >= 0;
	errno = saved;
	return open;
}

/* A negative fd is skipped (revents 0); one that is not open gets
 * POLLNVAL, counts as ready and is not an error (POSIX). */
int poll(struct pollfd *user, nfds_t n, int timeout_ms)
{
	struct pollfd fds[VFS_OPEN_MAX];
	fd_set rd, wr;
	int nfds = 0, invalid = 0;
	if (n > VFS_OPEN_MAX)
		return libc_ret(-EINVAL);
	int r = libc_in(fds, user, n * sizeof(*fds));
	if (r < 0)
		return libc_ret(r);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	for (nfds_t i = 0; i < n; i++) {
		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		if (!is_open(fds[i].fd)) {
			fds[i].revents = POLLNVAL;
			invalid++;
			continue;
		}
		if (fds[i].events & POLLIN)
			FD_SET(fds[i].fd, &rd);
		if (fds[i].events & POLLOUT)
			FD_SET(fds[i].fd, &wr);
		if (fds[i].fd >= nfds)
			nfds = fds[i].fd + 1;
	}
	struct timeval tv = {timeout_ms / 1000, timeout_ms % 1000 * 1000};
	if (invalid)
		tv = (struct timeval){0, 0}; /* something to report now */
	r = select(nfds, &rd, &wr, 0, timeout_ms < 0 && !invalid ? 0 : &tv);
	if (r < 0)
		return r;
	int count = invalid;
	for (nfds_t i = 0; i < n; i++) {
		if (fds[i].fd < 0 || fds[i].revents == POLLNVAL)
			continue;
		if (FD_ISSET(fds[i].fd, &rd))
			fds[i].revents |= POLLIN;
		if (FD_ISSET(fds[i].fd, &wr))
			fds[i].revents |= POLLOUT;
		count += fds[i].revents != 0;
	}
	r = libc_out(user, fds, n * sizeof(*fds));
	return r < 0 ? libc_ret(r) : count;
}
