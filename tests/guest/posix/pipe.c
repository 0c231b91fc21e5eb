// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: pipes -- data through one, between processes, in big
 * writes; end of file once every write end is closed; EPIPE and
 * SIGPIPE with no reader; O_NONBLOCK (EAGAIN instead of waiting).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "posix.h"

static void t_pipe(void)
{
	int fd[2];
	char buf[8];
	CHECK(pipe(fd) == 0);
	CHECK(write(fd[1], "hello", 5) == 5);
	CHECK(read(fd[0], buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5));
	close(fd[1]);
	CHECK(read(fd[0], buf, sizeof(buf)) == 0);
}

static void t_pipe_fork(void)
{
	int fd[2], total = 0, n;
	char buf[1000];
	CHECK(pipe(fd) == 0);
	pid_t p = fork();
	if (p == 0) {
		close(fd[0]);
		memset(buf, 'x', sizeof(buf));
		for (int i = 0; i < 20; i++)
			if (write(fd[1], buf, sizeof(buf)) != sizeof(buf))
				_exit(1);
		_exit(0);
	}
	close(fd[1]);
	while ((n = (int)read(fd[0], buf, sizeof(buf))) > 0)
		total += n;
	CHECK(total == 20000);
	int st;
	CHECK(waitpid(p, &st, 0) == p && WEXITSTATUS(st) == 0);
}

/* A blocking write bigger than the pipe waits for the reader and
 * transfers everything, in order. */
static void t_pipe_big_write(void)
{
	enum { N = 30000 };
	static char out[N], in[N];
	int fd[2];
	CHECK(pipe(fd) == 0);
	for (int i = 0; i < N; i++)
		out[i] = (char)(i * 7 + i / 251);
	pid_t p = fork();
	if (p == 0) {
		close(fd[0]);
		_exit(write(fd[1], out, N) == N ? 0 : 1);
	}
	close(fd[1]);
	int got = 0, n;
	while (got < N && (n = (int)read(fd[0], in + got, 700)) > 0)
		got += n;
	CHECK(got == N && !memcmp(in, out, N));
	CHECK(read(fd[0], in, 1) == 0);
	CHECK(posix_exited(posix_wait(p), 0));
}

/* End of file comes only when the last write end (here a dup, then a
 * forked copy) is closed. */
static void t_pipe_eof_last(void)
{
	int fd[2];
	char c;
	CHECK(pipe(fd) == 0);
	int w2 = dup(fd[1]);
	CHECK(w2 >= 0 && close(fd[1]) == 0);
	CHECK(fcntl(fd[0], F_SETFL, O_NONBLOCK) == 0);
	CHECK(read(fd[0], &c, 1) == -1 && errno == EAGAIN);
	pid_t p = fork();
	if (p == 0) {
		usleep(50000);
		_exit(write(w2, "z", 1) == 1 ? 0 : 1);
	}
	CHECK(close(w2) == 0);
	CHECK(fcntl(fd[0], F_SETFL, 0) == 0);
	CHECK(read(fd[0], &c, 1) == 1 && c == 'z');
	CHECK(posix_exited(posix_wait(p), 0));
	CHECK(read(fd[0], &c, 1) == 0);
}

static void t_epipe(void)
{
	int fd[2];
	signal(SIGPIPE, SIG_IGN);
	CHECK(pipe(fd) == 0);
	close(fd[0]);
	CHECK(write(fd[1], "x", 1) == -1 && errno == EPIPE);
}

static void t_sigpipe(void)
{
	int fd[2];
	CHECK(pipe(fd) == 0);
	pid_t p = fork();
	if (p == 0) {
		close(fd[0]);
		write(fd[1], "x", 1);
		_exit(0);
	}
	close(fd[0]);
	close(fd[1]);
	int st;
	CHECK(waitpid(p, &st, 0) == p);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE);
}

/* O_NONBLOCK: reading an empty pipe with a writer, or writing a full
 * one, fails with EAGAIN instead of waiting; the data is intact. */
static void t_pipe_nonblock(void)
{
	int fd[2];
	char buf[512];
	CHECK(pipe(fd) == 0);
	CHECK(fcntl(fd[0], F_SETFL, O_NONBLOCK) == 0);
	CHECK(fcntl(fd[1], F_SETFL, O_NONBLOCK) == 0);
	CHECK(read(fd[0], buf, sizeof(buf)) == -1 && errno == EAGAIN);
	int total = 0, n;
	memset(buf, 'p', sizeof(buf));
	while ((n = (int)write(fd[1], buf, sizeof(buf))) > 0 && total < 1 << 20)
		total += n;
	CHECK(n == -1 && errno == EAGAIN);
	CHECK(total >= 512 && total < 1 << 20);
	int back = 0;
	while ((n = (int)read(fd[0], buf, sizeof(buf))) > 0) {
		CHECK(buf[0] == 'p' && buf[n - 1] == 'p');
		back += n;
	}
	CHECK(n == -1 && errno == EAGAIN && back == total);
}

static const struct posix_test tests[] = {
	{"pipe", t_pipe},
	{"pipe_fork", t_pipe_fork},
	{"pipe_big_write", t_pipe_big_write},
	{"pipe_eof_last", t_pipe_eof_last},
	{"epipe", t_epipe},
	{"sigpipe", t_sigpipe},
	{"pipe_nonblock", t_pipe_nonblock},
};

POSIX_GROUP(posix_pipe, tests);
