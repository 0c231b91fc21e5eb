// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: select and poll, on pipes and files -- which ends are
 * ready for reading and writing, end of file counting as readable, a
 * timeout that ends the wait (and not much later), a write by another
 * process ending a wait without one, a signal ending it with EINTR,
 * EBADF (select) and POLLNVAL (poll) for descriptors that are not open.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/select.h>

#include "posix.h"

/* select on rfd for reading and wfd (if >= 0) for writing, with a
 * timeout in ms (< 0: none); *rd and *wr say which were ready. */
static int sel(int rfd, int wfd, int ms, bool *rd, bool *wr)
{
	fd_set r, w;
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(rfd, &r);
	if (wfd >= 0)
		FD_SET(wfd, &w);
	struct timeval tv = {ms / 1000, ms % 1000 * 1000};
	int n = rfd > wfd ? rfd : wfd;
	int res = select(n + 1, &r, &w, 0, ms < 0 ? 0 : &tv);
	*rd = FD_ISSET(rfd, &r);
	*wr = wfd >= 0 && FD_ISSET(wfd, &w);
	return res;
}

/* An empty pipe: the write end is ready, the read end not; with data
 * both are; select counts them. */
static void t_select_pipe(void)
{
	int fd[2];
	bool rd, wr;
	CHECK(pipe(fd) == 0);
	CHECK(sel(fd[0], fd[1], 0, &rd, &wr) == 1 && !rd && wr);
	CHECK(write(fd[1], "s", 1) == 1);
	CHECK(sel(fd[0], fd[1], 0, &rd, &wr) == 2 && rd && wr);
	int f = open("/etc/motd", O_RDONLY);
	CHECK(sel(f, f, 0, &rd, &wr) == 2 && rd && wr); /* files always are */
}

/* With every write end closed, the read end is ready (read gives 0). */
static void t_select_eof(void)
{
	int fd[2];
	bool rd, wr;
	CHECK(pipe(fd) == 0);
	CHECK(close(fd[1]) == 0);
	CHECK(sel(fd[0], -1, 1000, &rd, &wr) == 1 && rd);
	char c;
	CHECK(read(fd[0], &c, 1) == 0);
}

/* Nothing ready: select returns 0 when the timeout is up, cleared sets
 * and all; not sooner, and not much later. */
static void t_select_timeout(void)
{
	int fd[2];
	bool rd, wr;
	CHECK(pipe(fd) == 0);
	int start = posix_ms();
	CHECK(sel(fd[0], -1, 300, &rd, &wr) == 0 && !rd);
	int took = posix_ms() - start;
	CHECK(took >= 280 && took < 1500);
	start = posix_ms();
	CHECK(select(0, 0, 0, 0, &(struct timeval){0, 200000}) == 0);
	took = posix_ms() - start;
	CHECK(took >= 180 && took < 1500);
}

/* A select without a timeout ends when another process writes. */
static void t_select_wake(void)
{
	int fd[2];
	bool rd, wr;
	CHECK(pipe(fd) == 0);
	pid_t p = fork();
	if (p == 0) {
		usleep(100000);
		_exit(write(fd[1], "w", 1) == 1 ? 0 : 1);
	}
	int start = posix_ms();
	CHECK(sel(fd[0], -1, -1, &rd, &wr) == 1 && rd);
	CHECK(posix_ms() - start >= 50);
	CHECK(posix_exited(posix_wait(p), 0));
}

/* A waiting select ends with EINTR when a handler runs. */
static void t_select_eintr(void)
{
	int fd[2];
	bool rd, wr;
	CHECK(pipe(fd) == 0);
	posix_hits = 0;
	signal(SIGUSR1, posix_count_signal);
	pid_t p = fork();
	if (p == 0) {
		usleep(50000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	CHECK(sel(fd[0], -1, 5000, &rd, &wr) == -1 && errno == EINTR);
	CHECK(posix_hits == 1);
	CHECK(posix_exited(posix_wait(p), 0));
}

/* A descriptor in a set that is not open: EBADF; bad nfds or timeout:
 * EINVAL. */
static void t_select_errors(void)
{
	fd_set r;
	FD_ZERO(&r);
	FD_SET(40, &r);
	CHECK(select(41, &r, 0, 0, &(struct timeval){0, 0}) == -1 &&
	      errno == EBADF);
	FD_ZERO(&r);
	FD_SET(0, &r);
	CHECK(select(-1, &r, 0, 0, 0) == -1 && errno == EINVAL);
	CHECK(select(1, 0, 0, 0, &(struct timeval){0, -1}) == -1 &&
	      errno == EINVAL);
}

/* poll: POLLIN and POLLOUT as for select; a timeout; a negative fd is
 * skipped (revents 0). */
static void t_poll_pipe(void)
{
	int fd[2];
	CHECK(pipe(fd) == 0);
	struct pollfd p[3] = {{fd[0], POLLIN, 0xff},
			      {fd[1], POLLOUT, 0xff},
			      {-1, POLLIN, 0xff}};
	CHECK(poll(p, 3, 0) == 1);
	CHECK(p[0].revents == 0 && p[1].revents == POLLOUT &&
	      p[2].revents == 0);
	CHECK(write(fd[1], "p", 1) == 1);
	CHECK(poll(p, 3, 0) == 2 && p[0].revents == POLLIN);
	char c;
	CHECK(read(fd[0], &c, 1) == 1);
	int start = posix_ms();
	CHECK(poll(p, 1, 200) == 0 && p[0].revents == 0);
	int took = posix_ms() - start;
	CHECK(took >= 180 && took < 1500);
	CHECK(poll(0, 0, 50) == 0);
}

/* poll on a descriptor that is not open: POLLNVAL in revents, counted,
 * and no error. */
static void t_poll_nval(void)
{
	int fd[2];
	CHECK(pipe(fd) == 0);
	struct pollfd p[2] = {{40, POLLIN, 0}, {fd[0], POLLIN, 0}};
	CHECK(poll(p, 2, 1000) == 1);
	CHECK(p[0].revents == POLLNVAL && p[1].revents == 0);
}

/* A poll with no timeout ends when another process writes. */
static void t_poll_wake(void)
{
	int fd[2];
	CHECK(pipe(fd) == 0);
	pid_t p = fork();
	if (p == 0) {
		usleep(100000);
		_exit(write(fd[1], "w", 1) == 1 ? 0 : 1);
	}
	struct pollfd pf = {fd[0], POLLIN, 0};
	CHECK(poll(&pf, 1, -1) == 1 && pf.revents == POLLIN);
	CHECK(posix_exited(posix_wait(p), 0));
}

static const struct posix_test tests[] = {
	{"select_pipe", t_select_pipe},
	{"select_eof", t_select_eof},
	{"select_timeout", t_select_timeout},
	{"select_wake", t_select_wake},
	{"select_eintr", t_select_eintr},
	{"select_errors", t_select_errors},
	{"poll_pipe", t_poll_pipe},
	{"poll_nval", t_poll_nval},
	{"poll_wake", t_poll_wake},
};

POSIX_GROUP(posix_select, tests);
