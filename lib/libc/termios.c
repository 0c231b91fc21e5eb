// SPDX-License-Identifier: BSD-2-Clause
/*
 * Terminal control (termios) as ioctls on the terminal driver.
 */
#include <sys/ioctl.h>
#include <sys/termios.h>
#include <unistd.h>

#include "libc.h"

_Static_assert(sizeof(struct termios) == 44, "TCGETS carries 44 bytes");

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

int tcsetattr(int fd, int when, const struct termios *t)
{
	unsigned long req = when == TCSANOW	? TCSETS
			    : when == TCSADRAIN ? TCSETSW
			    : when == TCSAFLUSH ? TCSETSF
						: 0;
	if (!req)
		return libc_ret(-EINVAL);
	return ioctl(fd, req, (void *)t);
}

int tcflush(int fd, int queue)
{
	return ioctl(fd, TCFLSH, &queue);
}

int tcdrain(int fd)
{
	struct termios t;
	if (tcgetattr(fd, &t) < 0)
		return -1;
	return tcsetattr(fd, TCSADRAIN, &t);
}

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;
	return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}

speed_t cfgetispeed(const struct termios *t)
{
	return t->c_ispeed;
}

speed_t cfgetospeed(const struct termios *t)
{
	return t->c_ospeed;
}

int cfsetispeed(struct termios *t, speed_t s)
{
	t->c_ispeed = s;
	return 0;
}

int cfsetospeed(struct termios *t, speed_t s)
{
	t->c_ospeed = s;
	return 0;
}

void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR |
				  IGNCR | ICRNL | IXON);
	t->c_oflag &= ~(tcflag_t)OPOST;
	t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag = (t->c_cflag & ~(tcflag_t)(CSIZE | PARENB)) | CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}
