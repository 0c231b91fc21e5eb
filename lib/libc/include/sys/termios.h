/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Terminal settings (POSIX termios), as drivers/tty implements them:
 * canonical input with erase, kill, EOF and signal characters, echo,
 * and raw input with VMIN/VTIME.  Speeds are stored but not used.
 */
#pragma once

#include <sys/types.h>

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;
typedef unsigned int speed_t;

#define NCCS 20

struct termios {
	tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
	cc_t c_cc[NCCS];
	speed_t c_ispeed, c_ospeed;
};

/* c_cc indexes */
#define VEOF 0
#define VEOL 1
#define VERASE 2
#define VINTR 3
#define VKILL 4
#define VMIN 5
#define VQUIT 6
#define VTIME 7
#define VSUSP 8
#define VSTART 9
#define VSTOP 10
#define VWERASE 11

/* c_iflag */
#define BRKINT 0x001
#define ICRNL 0x002
#define IGNBRK 0x004
#define IGNCR 0x008
#define IGNPAR 0x010
#define INLCR 0x020
#define INPCK 0x040
#define ISTRIP 0x080
#define IXON 0x100
#define IXOFF 0x200
#define PARMRK 0x400
#define IXANY 0x800

/* c_oflag */
#define OPOST 0x01
#define ONLCR 0x02

/* c_cflag */
#define CSIZE 0x030
#define CS5 0x000
#define CS6 0x010
#define CS7 0x020
#define CS8 0x030
#define CSTOPB 0x040
#define CREAD 0x080
#define PARENB 0x100
#define PARODD 0x200
#define HUPCL 0x400
#define CLOCAL 0x800

/* c_lflag */
#define ECHO 0x001
#define ECHOE 0x002
#define ECHOK 0x004
#define ECHONL 0x008
#define ICANON 0x010
#define ISIG 0x020
#define NOFLSH 0x040
#define TOSTOP 0x080
#define IEXTEN 0x100

/* tcsetattr */
#define TCSANOW 0
#define TCSADRAIN 1
#define TCSAFLUSH 2
/* tcflush */
#define TCIFLUSH 0
#define TCOFLUSH 1
#define TCIOFLUSH 2

#define B0 0
#define B9600 9600
#define B19200 19200
#define B38400 38400
#define B57600 57600
#define B115200 115200

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
int tcflush(int fd, int queue);
int tcdrain(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
speed_t cfgetispeed(const struct termios *t);
speed_t cfgetospeed(const struct termios *t);
int cfsetispeed(struct termios *t, speed_t s);
int cfsetospeed(struct termios *t, speed_t s);
void cfmakeraw(struct termios *t);
