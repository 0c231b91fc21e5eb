/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Sockets (POSIX <sys/socket.h>).  The numbers and address layouts are
 * the socket ABI of include/abi/socket.h, shared with INET; this header
 * adds the calls.  A socket is a file descriptor: read, write, close,
 * dup, fcntl, select and poll work on it as on any other.
 */
#pragma once

#include <stddef.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <abi/socket.h>

/* sendmsg and recvmsg's message: an address, the data, control data. */
struct msghdr {
	void *msg_name;
	socklen_t msg_namelen;
	struct iovec *msg_iov;
	int msg_iovlen;
	void *msg_control;
	socklen_t msg_controllen;
	int msg_flags;
};

int socket(int domain, int type, int protocol);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);
int accept(int fd, struct sockaddr *__restrict addr, socklen_t *__restrict len);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
ssize_t send(int fd, const void *buf, size_t n, int flags);
ssize_t recv(int fd, void *buf, size_t n, int flags);
ssize_t sendto(int fd, const void *buf, size_t n, int flags,
	       const struct sockaddr *to, socklen_t tolen);
ssize_t recvfrom(int fd, void *__restrict buf, size_t n, int flags,
		 struct sockaddr *__restrict from,
		 socklen_t *__restrict fromlen);
int shutdown(int fd, int how);
int getsockname(int fd, struct sockaddr *__restrict addr,
		socklen_t *__restrict len);
int getpeername(int fd, struct sockaddr *__restrict addr,
		socklen_t *__restrict len);
int setsockopt(int fd, int level, int name, const void *value, socklen_t len);
int getsockopt(int fd, int level, int name, void *__restrict value,
	       socklen_t *__restrict len);
