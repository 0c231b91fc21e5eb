// SPDX-License-Identifier: BSD-2-Clause
/*
 * select(2), and poll(2) on top of it.  The three sets travel to VFS in
 * one struct vfs_select; the timeout in milliseconds.  poll asks for
 * POLLIN and POLLOUT only (POLLHUP and POLLERR would need VFS to tell
 * them apart from readiness).
 */
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/select.h>

#include "libc.h"

static void to_words(const fd_set *s, uint32_t *w, int nfds)
{
	memset(w, 0, VFS_OPEN_MAX / 8);
	for (int fd = 0; s && fd < nfds; fd++)
		if (FD_ISSET(fd, s))
			w[fd / 32] |= 1u << (fd % 32);
}

static void from_words(fd_set *s, const uint32_t *w, int nfds)
{
	if (!s)
		return;
	FD_ZERO(s);
	for (int fd = 0; fd < nfds; fd++)
		if (w[fd / 32] >> (fd % 32) & 1)
			FD_SET(fd, s);
}

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
	struct vfs_select s;
	if (nfds < 0 || nfds > VFS_OPEN_MAX ||
	    (tv && (tv->tv_sec < 0 || tv->tv_usec < 0)))
		return libc_ret(-EINVAL);
	s.nfds = (uint32_t)nfds;
	to_words(rd, s.rd, nfds);
	to_words(wr, s.wr, nfds);
	to_words(ex, s.ex, nfds);
	struct vfs_request q = {.pos = tv ? (int64_t)tv->tv_sec * 1000 +
						       tv->tv_usec / 1000
					  : -1};
	int r = vfs_call(VFS_SELECT, &q, &s, sizeof(s), GF_READ | GF_WRITE, 0);
	if (r < 0)
		return libc_ret(r);
	from_words(rd, s.rd, nfds);
	from_words(wr, s.wr, nfds);
	from_words(ex, s.ex, nfds);
	return r;
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
int poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	fd_set rd, wr;
	int nfds = 0, invalid = 0;
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
	int r = select(nfds, &rd, &wr, 0, timeout_ms < 0 && !invalid ? 0 : &tv);
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
	return count;
}
