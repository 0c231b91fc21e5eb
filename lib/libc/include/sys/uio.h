/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * struct iovec, a piece of a scattered buffer (POSIX <sys/uio.h>), for
 * struct msghdr of <sys/socket.h>.  This C library has no readv or
 * writev.
 */
#pragma once

#include <stddef.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};
