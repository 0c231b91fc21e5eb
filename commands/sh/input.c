// SPDX-License-Identifier: BSD-2-Clause
/*
 * input.c: where the shell's commands come from.
 *
 * A struct input hands the lexer one byte at a time from either a string
 * (sh -c, eval, a trap, the text of $(...)) or a file descriptor (a
 * script, stdin, the terminal).  The lexer may push back a few bytes
 * with in_ungetc().  in_getc() returns EOF at the end and IN_INTR when
 * ^C interrupted an interactive read.
 *
 * Sharing stdin: with "sh < script" the commands and the data they read
 * come from the same fd 0, so the shell must never keep bytes that a
 * command (read, cat) should see.  When fd 0 can seek, the shell reads
 * in blocks and in_sync(), called before each command runs, seeks back
 * over what it has not used; when it cannot seek (a pipe) the shell reads
 * one byte at a time.
 *
 * Interactive input shows PS1 before the first line of a command and
 * PS2 before each further line (in->ps says which comes next), when it
 * starts to read the line, whether or not it is already buffered.
 *
 * When the shell, or a user's redirection, needs a descriptor that an
 * input holds, in_avoid_fd() moves the input to another one.
 * in->capture, when set, receives a copy of every byte read: the lexer
 * uses it to keep the text of $(...) while the parser reads it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define IN_BLOCK 4096

/* The inputs reading a file descriptor, for in_avoid_fd(). */
static struct input *fd_inputs;

struct input *in_string(const char *s, size_t n)
{
	struct input *in = xmalloc(sizeof(*in));
	*in = (struct input){.fd = -1, .data = s, .len = n, .line = 1};
	return in;
}

struct input *in_fd(int fd, int flags)
{
	struct input *in = xmalloc(sizeof(*in));
	*in = (struct input){.fd = fd, .line = 1, .own_fd = flags & IN_OWNFD};
	in->line_start = true;
	in->buf = xmalloc(IN_BLOCK);
	in->data = in->buf;
	in->prompt = flags & IN_PROMPT;
	if ((flags & IN_STDIN) && !in->prompt) {
		if (lseek(fd, 0, SEEK_CUR) >= 0)
			in->sync = true;
		else
			in->one_byte = true;
	}
	in->next_fd = fd_inputs;
	fd_inputs = in;
	return in;
}

void in_free(struct input *in)
{
	if (!in)
		return;
	if (in->fd >= 0) {
		struct input **pp = &fd_inputs;
		while (*pp && *pp != in)
			pp = &(*pp)->next_fd;
		if (*pp)
			*pp = in->next_fd;
		if (in->own_fd)
			close(in->fd);
	}
	free(in->buf);
	free(in);
}

static void show_prompt(struct input *in)
{
	const char *name = in->ps == 1 ? "PS1" : "PS2";
	const char *raw = var_get(name);
	char *text = raw ? expand_prompt(raw) : NULL;
	out_s(2, text ? text : "");
	free(text);
	in->ps = 2;
}

/* Read the next block (or byte) into the buffer; 0, EOF or IN_INTR. */
static int in_fill(struct input *in)
{
	if (in->fd < 0 || in->eof)
		return EOF;
	for (;;) {
		ssize_t n = read(in->fd, in->buf, in->one_byte ? 1 : IN_BLOCK);
		if (n > 0) {
			in->len = (size_t)n;
			in->pos = 0;
			return 0;
		}
		if (n < 0 && errno == EINTR) {
			if (in->prompt && trap_take_sigint()) {
				out_s(2, "\n");
				in->interrupted = true;
				return IN_INTR;
			}
			continue;
		}
		in->eof = true;
		return EOF;
	}
}

int in_getc(struct input *in)
{
	int c;
	if (in->nback > 0) {
		c = in->back[--in->nback];
	} else {
		if (in->prompt && in->line_start && !in->eof) {
			show_prompt(in);
			in->line_start = false;
		}
		if (in->pos >= in->len) {
			int r = in_fill(in);
			if (r < 0)
				return r;
		}
		c = (unsigned char)in->data[in->pos++];
	}
	if (c == '\n')
		in->line++;
	in->line_start = c == '\n';
	if (in->capture)
		sb_addc(in->capture, (char)c);
	return c;
}

void in_ungetc(struct input *in, int c)
{
	if (c < 0 || in->nback >= IN_BACK)
		return;
	if (c == '\n')
		in->line--;
	if (in->capture && in->capture->len > 0)
		in->capture->s[--in->capture->len] = '\0';
	in->back[in->nback++] = c;
}

/* Give the unread bytes of a shared stdin back to the file. */
void in_sync(struct input *in)
{
	off_t unread;
	if (!in->sync)
		return;
	unread = (off_t)(in->len - in->pos) + in->nback;
	if (unread > 0)
		lseek(in->fd, -unread, SEEK_CUR);
	in->len = in->pos = 0;
	in->nback = 0;
}

/* Forget the rest of the line (after a syntax error or ^C). */
void in_flush(struct input *in)
{
	while (!in->line_start && (in->nback > 0 || in->pos < in->len))
		in_getc(in);
	in->line_start = true;
	in->interrupted = false;
}

/* Bytes of a string input consumed so far. */
size_t in_used(const struct input *in)
{
	return in->pos - (size_t)in->nback;
}

/* Move any input reading fd out of the way before fd is reused. */
void in_avoid_fd(int fd)
{
	for (struct input *in = fd_inputs; in; in = in->next_fd) {
		if (in->fd != fd)
			continue;
		int nfd = fcntl(fd, F_DUPFD, SH_FD_MIN);
		if (nfd < 0)
			continue;
		fcntl(nfd, F_SETFD, FD_CLOEXEC);
		if (in->own_fd)
			close(fd);
		in->fd = nfd;
		in->own_fd = true;
	}
}
