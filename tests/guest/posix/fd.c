// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: descriptors -- dup, dup2 and F_DUPFD (shared offsets,
 * the lowest free number, replacing an open descriptor), close-on-exec,
 * the status flags F_GETFL shows, EBADF for closed descriptors and for
 * reading or writing against the open mode, EMFILE when the table is
 * full, and what isatty and tcgetattr say of things that are no
 * terminal.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/termios.h>

#include "posix.h"

static void t_dup(void)
{
	int fd = open("/tmp/dup", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0);
	int d = dup(fd);
	CHECK(d > fd);
	CHECK(write(fd, "ab", 2) == 2 && write(d, "cd", 2) == 2);
	CHECK(lseek(fd, 0, SEEK_CUR) == 4); /* one shared offset */
	CHECK(dup2(fd, 20) == 20 && lseek(20, 0, SEEK_END) == 4);
	CHECK(close(20) == 0 && close(20) == -1 && errno == EBADF);
	CHECK(dup(99) == -1 && errno == EBADF);
}

/* dup2 onto itself changes nothing; onto an open descriptor closes
 * that one first (a pipe's write end: the reader sees end of file);
 * the copy is not close-on-exec; bad numbers give EBADF. */
static void t_dup2(void)
{
	int fd[2];
	char c;
	CHECK(pipe(fd) == 0);
	CHECK(fcntl(fd[1], F_SETFD, FD_CLOEXEC) == 0);
	CHECK(dup2(fd[1], fd[1]) == fd[1]);
	CHECK(fcntl(fd[1], F_GETFD) == FD_CLOEXEC); /* untouched */
	int other = open("/etc/motd", O_RDONLY);
	CHECK(other >= 0);
	CHECK(dup2(other, fd[1]) == fd[1]);
	CHECK(fcntl(fd[1], F_GETFD) == 0);
	CHECK(read(fd[0], &c, 1) == 0); /* the write end is gone */
	CHECK(lseek(fd[1], 0, SEEK_CUR) == 0 && read(fd[1], &c, 1) == 1);
	CHECK(lseek(other, 0, SEEK_CUR) == 1); /* the same file, shared */
	CHECK(dup2(-1, 5) == -1 && errno == EBADF);
	CHECK(dup2(other, -1) == -1 && errno == EBADF);
	CHECK(dup2(other, 1000) == -1 && errno == EBADF);
	CHECK(close(other) == 0 && close(other) == -1 && errno == EBADF);
	CHECK(dup2(other, 7) == -1 && errno == EBADF);
}

/* F_DUPFD gives the lowest free descriptor >= its argument. */
static void t_dupfd(void)
{
	int fd = open("/etc/motd", O_RDONLY);
	CHECK(fd >= 0);
	CHECK(fcntl(fd, F_DUPFD, 30) == 30);
	CHECK(fcntl(fd, F_DUPFD, 30) == 31);
	CHECK(close(30) == 0 && fcntl(fd, F_DUPFD, 29) == 29);
	CHECK(fcntl(fd, F_DUPFD, 29) == 30);
	CHECK(fcntl(fd, F_DUPFD, -1) == -1 && errno == EINVAL);
	CHECK(fcntl(fd, F_DUPFD, 1000) == -1 && errno == EINVAL);
	CHECK(fcntl(fd, 12345) == -1 && errno == EINVAL);
	CHECK(fcntl(50, F_GETFD) == -1 && errno == EBADF);
}

static void t_cloexec(void)
{
	int fd = open("/etc/motd", O_RDONLY);
	CHECK(fd >= 0);
	CHECK(fcntl(fd, F_GETFD) == 0);
	CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
	CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC);
	CHECK(fcntl(fd, F_DUPFD, 10) >= 10);
}

/* F_GETFL shows the access mode and O_APPEND / O_NONBLOCK, as opened
 * or as set by F_SETFL (which leaves the access mode alone). */
static void t_getfl(void)
{
	int fd = open("/tmp/gfl", O_CREAT | O_WRONLY | O_APPEND, 0644);
	CHECK(fd >= 0);
	int fl = fcntl(fd, F_GETFL);
	CHECK((fl & O_ACCMODE) == O_WRONLY && (fl & O_APPEND));
	CHECK(!(fl & O_NONBLOCK));
	CHECK(fcntl(fd, F_SETFL, O_NONBLOCK | O_RDWR) == 0);
	fl = fcntl(fd, F_GETFL);
	CHECK((fl & O_ACCMODE) == O_WRONLY && (fl & O_NONBLOCK));
	CHECK(!(fl & O_APPEND));
	int r = open("/tmp/gfl", O_RDWR | O_NONBLOCK);
	CHECK((fcntl(r, F_GETFL) & (O_ACCMODE | O_NONBLOCK | O_APPEND)) ==
	      (O_RDWR | O_NONBLOCK));
	CHECK(unlink("/tmp/gfl") == 0);
}

static void t_ebadf(void)
{
	char c;
	CHECK(read(-1, &c, 1) == -1 && errno == EBADF);
	CHECK(write(63, &c, 1) == -1 && errno == EBADF);
	int fd = open("/etc/motd", O_RDONLY);
	CHECK(write(fd, &c, 1) == -1 && errno == EBADF);
	CHECK(close(1000) == -1 && errno == EBADF);
}

/* Reading needs a descriptor open for reading, writing one open for
 * writing: a write-only file, a pipe's two ends. */
static void t_wrong_mode(void)
{
	char c = 'x';
	int fd = open("/tmp/wmode", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "data", 4) == 4);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK(read(fd, &c, 1) == -1 && errno == EBADF);
	int p[2];
	CHECK(pipe(p) == 0);
	CHECK(read(p[1], &c, 1) == -1 && errno == EBADF);
	CHECK(write(p[0], &c, 1) == -1 && errno == EBADF);
	CHECK(unlink("/tmp/wmode") == 0);
}

/* A process can have only so many descriptors: then EMFILE, for open,
 * dup and pipe alike; closing one makes room. */
static void t_emfile(void)
{
	int n = 0, last = -1;
	while (n < 200 && (last = open("/etc/motd", O_RDONLY)) >= 0)
		n++;
	CHECK(last == -1 && errno == EMFILE);
	CHECK(n >= 16 && n < 200);
	CHECK(dup(1) == -1 && errno == EMFILE);
	int p[2];
	CHECK(pipe(p) == -1 && errno == EMFILE);
	CHECK(close(10) == 0 && open("/etc/motd", O_RDONLY) == 10);
}

/* isatty is 0 with ENOTTY for a pipe, a file and a device that is no
 * terminal; tcgetattr fails with ENOTTY there and EBADF on no file. */
static void t_notty(void)
{
	int p[2];
	struct termios t;
	CHECK(pipe(p) == 0);
	int f = open("/etc/motd", O_RDONLY), n = open("/dev/null", O_RDWR);
	CHECK(f >= 0 && n >= 0);
	int fds[] = {p[0], p[1], f, n};
	for (int i = 0; i < 4; i++) {
		errno = 0;
		CHECK(isatty(fds[i]) == 0 && errno == ENOTTY);
		errno = 0;
		CHECK(tcgetattr(fds[i], &t) == -1 && errno == ENOTTY);
	}
	CHECK(isatty(50) == 0);
	CHECK(tcgetattr(50, &t) == -1 && errno == EBADF);
	CHECK(tcsetattr(50, TCSANOW, &t) == -1 && errno == EBADF);
}

static const struct posix_test tests[] = {
	{"dup", t_dup},
	{"dup2", t_dup2},
	{"dupfd", t_dupfd},
	{"cloexec", t_cloexec},
	{"getfl", t_getfl},
	{"ebadf", t_ebadf},
	{"wrong_mode", t_wrong_mode},
	{"emfile", t_emfile},
	{"notty", t_notty},
};

POSIX_GROUP(posix_fd, tests);
