// SPDX-License-Identifier: BSD-2-Clause
/*
 * builtin_io.c: the built-ins that talk to files and processes:
 * echo, pwd, cd, read, umask and wait.
 *
 *   echo [-n] [arg...]     args joined by spaces, and a newline unless -n
 *   pwd                    the current directory
 *   cd [dir | -]           default $HOME; "-" is $OLDPWD (and is
 *                          printed); sets PWD and OLDPWD
 *   read [-r] [name...]    one line of stdin, split on IFS: a field for
 *                          each name, the rest of the line for the last
 *                          (REPLY without names).  Without -r a '\'
 *                          quotes the next byte and joins lines.
 *                          Status 1 at end of file.
 *   umask [ooo]            show or set the mask, in octal
 *   wait [pid...]          the status of the last pid, or wait for all
 *
 * read takes care to consume no byte past the newline: on a file that
 * can seek it reads a block and seeks back over the unused part, on
 * anything else (a pipe, a terminal) one byte at a time.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

#define READ_BLOCK 128

int bi_echo(int argc, char **argv)
{
	struct strbuf b = {0};
	bool newline = true;
	int i = 1, st;
	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		newline = false;
		i++;
	}
	sb_addn(&b, "", 0);
	for (int first = i; i < argc; i++) {
		if (i > first)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	if (newline)
		sb_addc(&b, '\n');
	st = out_n(1, b.s, b.len) < 0;
	sb_free(&b);
	return st;
}

int bi_pwd(int argc, char **argv)
{
	char *cwd = get_cwd();
	(void)argc;
	(void)argv;
	if (!cwd) {
		sh_err("pwd: %s", strerror(errno));
		return 1;
	}
	out_s(1, cwd);
	out_s(1, "\n");
	free(cwd);
	return 0;
}

int bi_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	bool dash = dir && strcmp(dir, "-") == 0;
	char *old, *cwd;
	if (dash)
		dir = var_get("OLDPWD");
	if (!dir) {
		sh_err("cd: %s not set", dash ? "OLDPWD" : "HOME");
		return 1;
	}
	if (chdir(dir) < 0) {
		sh_err("cd: %s: %s", dir, strerror(errno));
		return 1;
	}
	old = var_get("PWD") ? xstrdup(var_get("PWD")) : NULL;
	cwd = get_cwd();
	if (old)
		var_set("OLDPWD", old, 0);
	if (cwd)
		var_set("PWD", cwd, 0);
	if (dash && cwd) {
		out_s(1, cwd);
		out_s(1, "\n");
	}
	free(old);
	free(cwd);
	return 0;
}

/* Reading stdin without taking more than one line from it. */
struct reader {
	char buf[READ_BLOCK];
	size_t len, pos;
	bool seekable;
};

/* Next byte of stdin, EOF, or -(128 + signal) when a trap interrupts. */
static int rd_getc(struct reader *r)
{
	while (r->pos >= r->len) {
		ssize_t n = read(0, r->buf, r->seekable ? READ_BLOCK : 1);
		if (n < 0 && errno == EINTR) {
			int sig = trap_pending_signal();
			if (sig)
				return -(128 + sig);
			continue;
		}
		if (n <= 0)
			return EOF;
		r->len = (size_t)n;
		r->pos = 0;
	}
	return (unsigned char)r->buf[r->pos++];
}

static void rd_done(struct reader *r)
{
	if (r->seekable && r->pos < r->len)
		lseek(0, -(off_t)(r->len - r->pos), SEEK_CUR);
}

/* One line into text; mask marks bytes quoted by '\'.  0, 1 or 128+. */
static int read_line(bool raw, struct strbuf *text, struct strbuf *mask)
{
	struct reader r = {.seekable = lseek(0, 0, SEEK_CUR) >= 0};
	int c, st = 1;
	while ((c = rd_getc(&r)) >= 0) {
		bool q = false;
		if (c == '\\' && !raw) {
			if ((c = rd_getc(&r)) < 0)
				break;
			if (c == '\n')
				continue;
			q = true;
		} else if (c == '\n') {
			st = 0;
			break;
		}
		sb_addc(text, (char)c);
		sb_addc(mask, q);
	}
	rd_done(&r);
	return c < EOF ? -c : st;
}

struct splitter {
	const char *s, *mask, *ifs;
	size_t len, pos;
};

static bool sp_is(struct splitter *p, size_t i, bool space)
{
	char c = p->s[i];
	if (p->mask[i] || !strchr(p->ifs, c) || c == '\0')
		return false;
	return space == (c == ' ' || c == '\t' || c == '\n');
}

static void sp_skip_space(struct splitter *p)
{
	while (p->pos < p->len && sp_is(p, p->pos, true))
		p->pos++;
}

/* The next field, and the delimiter after it. */
static char *sp_field(struct splitter *p)
{
	size_t start = p->pos;
	char *f;
	while (p->pos < p->len && !sp_is(p, p->pos, true) &&
	       !sp_is(p, p->pos, false))
		p->pos++;
	f = xstrndup(p->s + start, p->pos - start);
	sp_skip_space(p);
	if (p->pos < p->len && sp_is(p, p->pos, false)) {
		p->pos++;
		sp_skip_space(p);
	}
	return f;
}

/* The rest of the line, less trailing IFS white space. */
static char *sp_rest(struct splitter *p)
{
	size_t end = p->len;
	while (end > p->pos && sp_is(p, end - 1, true))
		end--;
	return xstrndup(p->s + p->pos, end - p->pos);
}

static int read_assign(char **names, int n, struct strbuf *text,
		       struct strbuf *mask)
{
	const char *ifs = var_get("IFS");
	struct splitter p = {.s = sb_str(text), .mask = sb_str(mask)};
	int st = 0;
	p.ifs = ifs ? ifs : " \t\n";
	p.len = text->len;
	sp_skip_space(&p);
	for (int i = 0; i < n; i++) {
		char *v = i == n - 1 ? sp_rest(&p) : sp_field(&p);
		if (var_set(names[i], v, 0) < 0)
			st = 2;
		free(v);
	}
	return st;
}

int bi_read(int argc, char **argv)
{
	static char *reply[] = {"REPLY"};
	struct strbuf text = {0}, mask = {0};
	bool raw = false;
	int i = 1, st, n;
	char **names;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "-r") != 0) {
			sh_err("read: %s: bad option", argv[i]);
			return 2;
		}
		raw = true;
	}
	names = i < argc ? argv + i : reply;
	n = i < argc ? argc - i : 1;
	for (int k = 0; k < n; k++) {
		if (!is_name(names[k])) {
			sh_err("read: %s: bad variable name", names[k]);
			return 2;
		}
	}
	st = read_line(raw, &text, &mask);
	if (st <= 1 && read_assign(names, n, &text, &mask))
		st = 2;
	sb_free(&text);
	sb_free(&mask);
	return st;
}

int bi_umask(int argc, char **argv)
{
	char buf[8];
	unsigned long m = 0;
	if (argc < 2) {
		mode_t old = umask(0);
		umask(old);
		snprintf(buf, sizeof(buf), "%04o\n", (unsigned)old & 0777);
		out_s(1, buf);
		return 0;
	}
	for (const char *s = argv[1]; *s; s++) {
		if (*s < '0' || *s > '7' || m > 0777) {
			sh_err("umask: %s: bad mask", argv[1]);
			return 1;
		}
		m = m * 8 + (unsigned long)(*s - '0');
	}
	umask((mode_t)(m & 0777));
	return 0;
}

int bi_wait(int argc, char **argv)
{
	int st = 0;
	if (argc < 2)
		return jobs_wait(0);
	for (int i = 1; i < argc; i++) {
		long long pid;
		if (!parse_num(argv[i], &pid) || pid <= 0) {
			sh_err("wait: %s: bad pid", argv[i]);
			return 2;
		}
		st = jobs_wait((pid_t)pid);
	}
	return st;
}
