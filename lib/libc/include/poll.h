/* SPDX-License-Identifier: BSD-2-Clause */
/* poll(2), built on select (lib/libc/select.c). */
#pragma once

struct pollfd {
	int fd;
	short events, revents;
};

typedef unsigned int nfds_t;

#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020

int poll(struct pollfd *fds, nfds_t n, int timeout_ms);
