// SPDX-License-Identifier: BSD-2-Clause
/*
 * The line discipline, the same for every terminal.
 *
 * In canonical mode (ICANON) typed characters collect in an edit line:
 * ERASE (^? or ^H) takes one back, KILL (^U) the whole line, and
 * newline or EOF (^D) hands the line to readers; ^D on an empty line
 * makes the next read return 0 (end of file).  Otherwise each byte is
 * ready at once, and a read waits for VMIN of them.  With ISIG, INTR
 * (^C), QUIT (^\) and SUSP (^Z) become signals for the foreground
 * process group (through VFS), and throw away pending input.  ECHO
 * echoes; OPOST/ONLCR turn "\n" into "\r\n" on output; ICRNL turns a
 * typed CR into NL.
 */
#include <string.h>

#include "chardriver.h"
#include "tty.h"

#define KEY_CTRL(c) ((c)&0x1f)
#define SIGINT 2
#define SIGQUIT 3
#define SIGTSTP 18

void line_init(struct tty *t)
{
	t->pgrp_by = t->sel_notify = NONE;
	memset(&t->tio, 0, sizeof(t->tio));
	t->tio.c_iflag = ICRNL | BRKINT;
	t->tio.c_oflag = OPOST | ONLCR;
	t->tio.c_cflag = CS8 | CREAD | CLOCAL;
	t->tio.c_lflag = ICANON | ECHO | ECHOE | ECHOK | ISIG | IEXTEN;
	t->tio.c_cc[VEOF] = KEY_CTRL('D');
	t->tio.c_cc[VEOL] = 0;
	t->tio.c_cc[VERASE] = 0x7f;
	t->tio.c_cc[VINTR] = KEY_CTRL('C');
	t->tio.c_cc[VKILL] = KEY_CTRL('U');
	t->tio.c_cc[VMIN] = 1;
	t->tio.c_cc[VQUIT] = KEY_CTRL('\\');
	t->tio.c_cc[VSUSP] = KEY_CTRL('Z');
	t->tio.c_cc[VWERASE] = KEY_CTRL('W');
	t->tio.c_ispeed = t->tio.c_ospeed = B115200;
}

void line_output(struct tty *t, const char *s, uint32_t n)
{
	if (!(t->tio.c_oflag & OPOST) || !(t->tio.c_oflag & ONLCR)) {
		t->out(t, s, n);
		return;
	}
	uint32_t start = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (s[i] != '\n')
			continue;
		t->out(t, s + start, i - start);
		t->out(t, "\r\n", 2);
		start = i + 1;
	}
	t->out(t, s + start, n - start);
}

static void echo(struct tty *t, char c)
{
	if (!(t->tio.c_lflag & ECHO))
		return;
	if ((unsigned char)c < 32 && c != '\n' && c != '\t') {
		char caret[2] = {'^', (char)(c + '@')};
		line_output(t, caret, 2);
		return;
	}
	line_output(t, &c, 1);
}

static void push(struct tty *t, const char *s, uint32_t n)
{
	for (uint32_t i = 0; i < n && t->icount < IBUF_SIZE; i++)
		t->ibuf[(t->ihead + t->icount++) % IBUF_SIZE] = s[i];
}

static void flush_input(struct tty *t)
{
	t->icount = 0;
	t->llen = 0;
	t->eof = false;
}

static bool signal_char(struct tty *t, char c)
{
	int sig = 0;
	if (c == (char)t->tio.c_cc[VINTR])
		sig = SIGINT;
	else if (c == (char)t->tio.c_cc[VQUIT])
		sig = SIGQUIT;
	else if (c == (char)t->tio.c_cc[VSUSP])
		sig = SIGTSTP;
	if (!sig)
		return false;
	if (!(t->tio.c_lflag & NOFLSH))
		flush_input(t);
	echo(t, c);
	if (t->tio.c_lflag & ECHO)
		line_output(t, "\n", 1);
	chardriver_signal(t->pgrp_by, t->pgrp, sig);
	return true;
}

static void erase(struct tty *t, uint32_t n)
{
	for (; n && t->llen; n--) {
		t->llen--;
		if (t->tio.c_lflag & ECHOE)
			line_output(t, "\b \b", 3);
	}
}

static void canonical(struct tty *t, char c)
{
	const cc_t *cc = t->tio.c_cc;
	if (c == (char)cc[VERASE] || c == '\b') {
		erase(t, 1);
	} else if (c == (char)cc[VKILL]) {
		erase(t, t->llen);
	} else if (c == (char)cc[VWERASE]) {
		while (t->llen && t->line[t->llen - 1] == ' ')
			erase(t, 1);
		while (t->llen && t->line[t->llen - 1] != ' ')
			erase(t, 1);
	} else if (c == (char)cc[VEOF]) {
		if (t->llen == 0)
			t->eof = true;
		push(t, t->line, t->llen);
		t->llen = 0;
	} else if (c == '\n' || (cc[VEOL] && c == (char)cc[VEOL])) {
		t->line[t->llen++] = c;
		echo(t, c);
		push(t, t->line, t->llen);
		t->llen = 0;
	} else if (t->llen < LINE_MAX_T) {
		t->line[t->llen++] = c;
		echo(t, c);
	}
}

void line_input(struct tty *t, char c)
{
	if (t->tio.c_iflag & ISTRIP)
		c &= 0x7f;
	if (c == '\r' && (t->tio.c_iflag & IGNCR))
		return;
	if (c == '\r' && (t->tio.c_iflag & ICRNL))
		c = '\n';
	else if (c == '\n' && (t->tio.c_iflag & INLCR))
		c = '\r';
	if ((t->tio.c_lflag & ISIG) && signal_char(t, c))
		return;
	if (t->tio.c_lflag & ICANON) {
		canonical(t, c);
	} else {
		push(t, &c, 1);
		echo(t, c);
	}
	line_serve(t);
}

bool line_readable(const struct tty *t)
{
	if (t->eof)
		return true;
	if (t->tio.c_lflag & ICANON)
		return t->icount > 0;
	return t->icount >= (t->tio.c_cc[VMIN] ? t->tio.c_cc[VMIN] : 1);
}

/* Copy what one read may take: a canonical read stops after newline. */
static int take(struct tty *t, endpoint_t who, grant_id_t g, uint32_t len)
{
	char out[IBUF_SIZE];
	uint32_t n = 0;
	if (t->icount == 0 && t->eof) {
		t->eof = false;
		return 0;
	}
	while (n < len && t->icount) {
		char c = t->ibuf[t->ihead];
		t->ihead = (t->ihead + 1) % IBUF_SIZE;
		t->icount--;
		out[n++] = c;
		if (c == '\n' && (t->tio.c_lflag & ICANON))
			break;
	}
	int r = sys_safecopyto(who, g, 0, out, n);
	return r < 0 ? -EFAULT : (int)n;
}

/* A read from caller: done at once, or kept with its caller until
 * input comes (line_serve). */
int line_read(struct tty *t, endpoint_t caller, const struct cdev_rw *q)
{
	if (q->len == 0)
		return 0;
	bool raw_now = !(t->tio.c_lflag & ICANON) && t->tio.c_cc[VMIN] == 0;
	if (line_readable(t) || raw_now)
		return take(t, caller, q->grant, q->len);
	if (q->flags & VO_NONBLOCK)
		return -EAGAIN;
	if (t->nreaders == NR_READERS)
		return -EAGAIN;
	t->readers[t->nreaders++] =
		(struct reader){caller, q->id, q->grant, q->len};
	return REPLY_LATER;
}

void line_serve(struct tty *t)
{
	while (t->nreaders && line_readable(t)) {
		struct reader r = t->readers[0];
		memmove(&t->readers[0], &t->readers[1],
			--t->nreaders * sizeof(r));
		chardriver_done(r.caller, r.id,
				take(t, r.caller, r.grant, r.len));
	}
	if (t->sel_notify != NONE && line_readable(t)) {
		chardriver_select_ready(t->sel_notify, t->minor, CDEV_SEL_RD);
		t->sel_notify = NONE;
	}
}

/* The kept read `id` of caller ends; another client's is not its to
 * cancel. */
int line_cancel(struct tty *t, endpoint_t caller, endpoint_t id)
{
	for (int i = 0; i < t->nreaders; i++) {
		if (t->readers[i].id != id || t->readers[i].caller != caller)
			continue;
		memmove(&t->readers[i], &t->readers[i + 1],
			(size_t)(t->nreaders - i - 1) * sizeof(t->readers[0]));
		t->nreaders--;
		return -EINTR;
	}
	return -EINTR;
}
