// SPDX-License-Identifier: BSD-2-Clause
/*
 * The socket calls: each one message to VFS (proto/vfs.h), which hands
 * the work to INET.  A socket is a descriptor, so read, write, close,
 * dup, fcntl, select and poll need nothing here.
 *
 * Addresses and option values go inline in the message, copied in with
 * the kernel's check (a bad pointer is EFAULT); an address longer than
 * a struct sockaddr_in is cut to it (INET serves IPv4 only), a shorter
 * one is INET's to refuse.  An address that comes back is written
 * through a grant of the program's buffer, cut to *len as POSIX says,
 * and *len becomes the address's true size.
 */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "libc.h"

_Static_assert(VFS_SOCK_NONBLOCK == SOCK_NONBLOCK &&
		       VFS_SOCK_CLOEXEC == SOCK_CLOEXEC,
	       "socket type flags are abi/socket.h's");
_Static_assert(VFS_SOCK_ADDR_MAX == sizeof(struct sockaddr_in),
	       "an address in a message is a sockaddr_in");

/* The length an address buffer of *len bytes may take: 0 for none. */
static int room_of(socklen_t *len, uint32_t *room)
{
	socklen_t n;
	if (!len) {
		*room = 0;
		return 0;
	}
	if (libc_in(&n, len, sizeof(n)) < 0)
		return -EFAULT;
	if ((int)n < 0)
		return -EINVAL;
	*room = n < VFS_SOCK_ADDR_MAX ? n : VFS_SOCK_ADDR_MAX;
	return 0;
}

static int set_len(socklen_t *len, socklen_t value)
{
	return len && libc_out(len, &value, sizeof(value)) < 0 ? -EFAULT : 0;
}

/* An address of len bytes into the message's fields. */
static int addr_in(uint8_t *to, uint32_t *to_len, const struct sockaddr *a,
		   socklen_t len)
{
	if ((int)len < 0)
		return -EINVAL;
	uint32_t n = len < VFS_SOCK_ADDR_MAX ? len : VFS_SOCK_ADDR_MAX;
	if (n && libc_in(to, a, n) < 0)
		return -EFAULT;
	*to_len = n;
	return 0;
}

int socket(int domain, int type, int protocol)
{
	union vfs_req q = {.socket = {domain, type, protocol}};
	int r = libc_ret(vfs_call(VFS_SOCKET, &q, 0));
	if (r >= 0)
		libc_fd_opened(r);
	return r;
}

static int addr_call(int type, int fd, const struct sockaddr *a, socklen_t len)
{
	union vfs_req q = {.bind = {.fd = fd}};
	int r = addr_in(q.bind.addr, &q.bind.addr_len, a, len);
	return libc_ret(r < 0 ? r : vfs_call(type, &q, 0));
}

int bind(int fd, const struct sockaddr *a, socklen_t len)
{
	return addr_call(VFS_BIND, fd, a, len);
}

int connect(int fd, const struct sockaddr *a, socklen_t len)
{
	return addr_call(VFS_CONNECT, fd, a, len);
}

int listen(int fd, int backlog)
{
	union vfs_req q = {.listen = {fd, backlog}};
	return libc_ret(vfs_call(VFS_LISTEN, &q, 0));
}

int accept4(int fd, struct sockaddr *a, socklen_t *len, int flags)
{
	uint32_t room;
	int r = room_of(a ? len : 0, &room);
	if (r < 0)
		return libc_ret(r);
	union vfs_req q = {.accept = {.fd = fd, .flags = (uint32_t)flags}};
	r = vfs_buf_call(VFS_ACCEPT, &q, VFS_BUF(q.accept), room ? a : 0, room,
			 GF_WRITE, 0);
	if (r >= 0) {
		libc_fd_opened(r);
		if (a && set_len(len, sizeof(struct sockaddr_in)) < 0) {
			close(r);
			r = -EFAULT;
		}
	}
	return libc_ret(r);
}

int accept(int fd, struct sockaddr *a, socklen_t *len)
{
	return accept4(fd, a, len, 0);
}

ssize_t sendto(int fd, const void *buf, size_t n, int flags,
	       const struct sockaddr *to, socklen_t to_len)
{
	union vfs_req q = {.sendto = {.fd = fd, .msg_flags = (uint32_t)flags}};
	if (n > 0x7fffffff)
		return libc_ret(-EINVAL);
	int r = to ? addr_in(q.sendto.addr, &q.sendto.addr_len, to, to_len) : 0;
	if (r == 0)
		r = vfs_buf_call(VFS_SENDTO, &q, VFS_BUF(q.sendto), buf,
				 (uint32_t)n, GF_READ, 0);
	return libc_ret(r);
}

ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	return sendto(fd, buf, n, flags, 0, 0);
}

ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *from,
		 socklen_t *from_len)
{
	uint32_t room;
	if (n > 0x7fffffff)
		return libc_ret(-EINVAL);
	int r = room_of(from ? from_len : 0, &room);
	if (r < 0)
		return libc_ret(r);
	union vfs_req q = {.recvfrom = {.fd = fd,
					.msg_flags = (uint32_t)flags,
					.addr_grant = GRANT_INVALID}};
	endpoint_t vfs = libc_vfs();
	if (room) {
		grant_id_t g = libc_grant(vfs, from, room, GF_WRITE);
		if (g < 0)
			return libc_ret(g);
		q.recvfrom.addr_grant = g;
		q.recvfrom.addr_len = room;
	}
	r = vfs_buf_call(VFS_RECVFROM, &q, VFS_BUF(q.recvfrom), buf,
			 (uint32_t)n, GF_WRITE, 0);
	if (room)
		grant_revoke(q.recvfrom.addr_grant);
	if (r >= 0 && from && set_len(from_len, sizeof(struct sockaddr_in)) < 0)
		r = -EFAULT;
	return libc_ret(r);
}

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	return recvfrom(fd, buf, n, flags, 0, 0);
}

int shutdown(int fd, int how)
{
	union vfs_req q = {.shutdown = {fd, how}};
	return libc_ret(vfs_call(VFS_SHUTDOWN, &q, 0));
}

int setsockopt(int fd, int level, int name, const void *value, socklen_t len)
{
	union vfs_req q = {
		.setsockopt = {.fd = fd, .level = level, .name = name}};
	if ((int)len < 0 || len > VFS_SOCK_OPT_MAX)
		return libc_ret(-EINVAL);
	if (len && libc_in(q.setsockopt.value, value, len) < 0)
		return libc_ret(-EFAULT);
	q.setsockopt.len = len;
	return libc_ret(vfs_call(VFS_SETSOCKOPT, &q, 0));
}

int getsockopt(int fd, int level, int name, void *value, socklen_t *len)
{
	socklen_t room;
	if (!len || libc_in(&room, len, sizeof(room)) < 0)
		return libc_ret(-EFAULT);
	if ((int)room < 0)
		return libc_ret(-EINVAL);
	union vfs_req q = {.getsockopt = {fd, level, name,
					  room < VFS_SOCK_OPT_MAX
						  ? room
						  : VFS_SOCK_OPT_MAX}};
	union vfs_rep rep;
	int r = vfs_call(VFS_GETSOCKOPT, &q, &rep);
	if (r < 0)
		return libc_ret(r);
	uint32_t n = rep.getsockopt.len < room ? rep.getsockopt.len : room;
	if (libc_out(value, rep.getsockopt.value, n) < 0 ||
	    set_len(len, rep.getsockopt.len) < 0)
		return libc_ret(-EFAULT);
	return 0;
}

static int name_call(int type, int fd, struct sockaddr *a, socklen_t *len)
{
	uint32_t room;
	if (!len)
		return libc_ret(-EFAULT);
	int r = room_of(len, &room);
	if (r < 0)
		return libc_ret(r);
	union vfs_req q = {.getsockname = {fd}};
	union vfs_rep rep;
	r = vfs_call(type, &q, &rep);
	if (r < 0)
		return libc_ret(r);
	uint32_t n = rep.getsockname.addr_len < room ? rep.getsockname.addr_len
						     : room;
	if ((n && libc_out(a, rep.getsockname.addr, n) < 0) ||
	    set_len(len, rep.getsockname.addr_len) < 0)
		return libc_ret(-EFAULT);
	return 0;
}

int getsockname(int fd, struct sockaddr *a, socklen_t *len)
{
	return name_call(VFS_GETSOCKNAME, fd, a, len);
}

int getpeername(int fd, struct sockaddr *a, socklen_t *len)
{
	return name_call(VFS_GETPEERNAME, fd, a, len);
}
