// SPDX-License-Identifier: BSD-2-Clause
/*
 * Output: write_all, a write that finishes what it starts (cmdlib.h).
 */
#include <errno.h>
#include <unistd.h>

#include "cmdlib.h"

int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}
