// SPDX-License-Identifier: BSD-2-Clause
/*
 * redir.c: redirections, < > >> >| <> <& >& and here-documents.
 *
 * redir_apply() performs a list of redirections in order.  With a save
 * list it first copies each descriptor it changes to a close-on-exec
 * descriptor >= SH_FD_MIN (or notes that it was closed), so that
 * redir_restore() can put everything back afterwards; without one the
 * change is for good (exec, or in a child about to execve).  On failure
 * it prints why and returns -1; the caller still calls redir_restore()
 * to undo what was done before the failing redirection.
 *
 * A here-document becomes the read end of a pipe.  A body that fits in
 * the pipe (PIPE_BUF) is written at once; a longer one by a small child
 * so that the shell cannot block on a full pipe.
 *
 * Before a descriptor is replaced, the shell's own input is moved off it
 * (in_avoid_fd()).  Redirections of fd 0 are counted in
 * sh.fd0_redirected: a background command only gets /dev/null as stdin
 * when its stdin was not redirected.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct fd_save {
	struct fd_save *next;
	int fd;
	int copy; /* -1: fd was closed */
};

/* A close-on-exec copy of fd at SH_FD_MIN or above, or -1. */
int fd_cloexec_dup(int fd)
{
	int copy = fcntl(fd, F_DUPFD, SH_FD_MIN);
	if (copy >= 0)
		fcntl(copy, F_SETFD, FD_CLOEXEC);
	return copy;
}

static int save_fd(struct fd_save **save, int fd)
{
	struct fd_save *s;
	if (!save)
		return 0;
	for (s = *save; s; s = s->next)
		if (s->fd == fd)
			return 0;
	s = xmalloc(sizeof(*s));
	s->fd = fd;
	s->copy = fd_cloexec_dup(fd);
	if (s->copy < 0 && errno != EBADF) {
		sh_err("%d: %s", fd, strerror(errno));
		free(s);
		return -1;
	}
	s->next = *save;
	*save = s;
	if (fd == 0)
		sh.fd0_redirected++;
	return 0;
}

void redir_restore(struct fd_save *s)
{
	while (s) {
		struct fd_save *next = s->next;
		if (s->copy >= 0) {
			dup2(s->copy, s->fd);
			close(s->copy);
		} else {
			close(s->fd);
		}
		if (s->fd == 0)
			sh.fd0_redirected--;
		free(s);
		s = next;
	}
}

static int open_file(struct redir *r, const char *name)
{
	int flags, fd;
	switch (r->type) {
	case R_IN:
		flags = O_RDONLY;
		break;
	case R_APPEND:
		flags = O_WRONLY | O_CREAT | O_APPEND;
		break;
	case R_RDWR:
		flags = O_RDWR | O_CREAT;
		break;
	default:
		flags = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	}
	fd = open(name, flags, 0666);
	if (fd < 0)
		sh_err("cannot open %s: %s", name, strerror(errno));
	return fd;
}

/* Write a here-document body into a pipe; returns the read end. */
static int heredoc_fd(const char *body)
{
	size_t len = strlen(body);
	int p[2];
	pid_t pid;
	if (pipe(p) < 0) {
		sh_err("here-document: %s", strerror(errno));
		return -1;
	}
	if (len <= PIPE_BUF) {
		out_n(p[1], body, len);
	} else if ((pid = fork()) == 0) {
		close(p[0]);
		_exit(out_n(p[1], body, len) < 0);
	} else if (pid < 0) {
		sh_err("here-document: %s", strerror(errno));
		close(p[0]);
		p[0] = -1;
	}
	close(p[1]);
	return p[0];
}

static int heredoc_open(struct redir *r)
{
	char *body =
		r->quoted ? xstrdup(r->word) : expand_word(r->word, XW_HEREDOC);
	int fd;
	if (!body) {
		expand_failed();
		return -1;
	}
	fd = heredoc_fd(body);
	free(body);
	return fd;
}

/* The descriptor named by a <& or >& target; -2 for "-" (close). */
static int dup_source(const char *target)
{
	long long n;
	if (strcmp(target, "-") == 0)
		return -2;
	if (!parse_num(target, &n) || n < 0 || n > INT_MAX ||
	    fcntl((int)n, F_GETFD) < 0) {
		sh_err("%s: bad file descriptor", target);
		return -1;
	}
	return (int)n;
}

/* Make r->fd refer to what src is (src is closed unless kept). */
static int move_fd(struct redir *r, int src, bool keep_src)
{
	if (src == -2) {
		close(r->fd);
		return 0;
	}
	if (src == r->fd)
		return 0;
	if (dup2(src, r->fd) < 0) {
		sh_err("%d: %s", r->fd, strerror(errno));
		if (!keep_src)
			close(src);
		return -1;
	}
	if (!keep_src)
		close(src);
	return 0;
}

static int redir_one(struct redir *r, struct fd_save **save)
{
	bool dup = r->type == R_DUPIN || r->type == R_DUPOUT;
	char *target = NULL;
	int src;
	in_avoid_fd(r->fd);
	if (save_fd(save, r->fd) < 0)
		return -1;
	if (r->type == R_HEREDOC) {
		src = heredoc_open(r);
	} else {
		target = expand_word(r->word, XW_ASSIGN);
		if (!target) {
			expand_failed();
			return -1;
		}
		src = dup ? dup_source(target) : open_file(r, target);
		free(target);
	}
	if (src == -1)
		return -1;
	return move_fd(r, src, dup);
}

int redir_apply(struct redir *r, struct fd_save **save)
{
	for (; r; r = r->next)
		if (redir_one(r, save) < 0)
			return -1;
	return 0;
}
