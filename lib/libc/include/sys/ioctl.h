/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ioctl(2) and the requests Samsara's drivers understand.  A request
 * number carries the size of its argument in bits 16-29, so VFS knows
 * how much to grant the driver.
 */
#pragma once

#define _IOC_SIZE(r) (((r) >> 16) & 0x3fff)
#define _IOC(group, nr, size)                                                  \
	((unsigned long)(((size) << 16) | ((group) << 8) | (nr)))

/* Terminals (drivers/tty). */
#define TCGETS _IOC('T', 1, 44)	  /* struct termios */
#define TCSETS _IOC('T', 2, 44)	  /* now */
#define TCSETSW _IOC('T', 3, 44)  /* after output drains */
#define TCSETSF _IOC('T', 4, 44)  /* ... and input flushed */
#define TIOCGPGRP _IOC('T', 5, 4) /* pid_t: the foreground group */
#define TIOCSPGRP _IOC('T', 6, 4)
#define TIOCGWINSZ _IOC('T', 7, 8) /* struct winsize */
#define TCFLSH _IOC('T', 8, 4)	   /* int: TCIFLUSH ... */

/* Sockets (servers/inet); the interface requests are abi/netif.h's. */
#define FIONREAD _IOC('f', 127, 4) /* int: bytes waiting to be read */

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

int ioctl(int fd, unsigned long request, ...);
