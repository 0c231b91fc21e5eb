// SPDX-License-Identifier: BSD-2-Clause
/*
 * util.c: the small tools every other file of the shell leans on.
 *
 * Memory: xmalloc() and friends never return NULL.  When memory runs out
 * the shell says so and exits with status 2: a shell that carries on
 * with half a command is worse than one that stops.
 *
 * Growing strings (a word being read, the output of $(...)) live in a
 * struct strbuf, NULL-terminated string arrays (argv, environ) in a
 * struct strvec.  Both start zeroed ({0}) and are released with
 * sb_free() / sv_free(); sb_take() hands the string over instead.
 *
 * Output goes through out_n()/out_s() with write(2), never stdio, so
 * nothing waits in a buffer when the shell forks or when a redirection
 * moves fd 1 under it.  sh_err() prints one "sh: ..." line on fd 2.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

static void out_of_memory(void)
{
	out_s(2, "sh: out of memory\n");
	_exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Make room for `more` bytes and the terminating NUL. */
static void sb_grow(struct strbuf *b, size_t more)
{
	size_t cap = b->cap ? b->cap : 32;
	if (b->len + more + 1 <= b->cap)
		return;
	while (cap < b->len + more + 1)
		cap *= 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void sb_addn(struct strbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sb_addc(struct strbuf *b, char c)
{
	if (b->len + 2 > b->cap)
		sb_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void sb_adds(struct strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

void sb_vfmt(struct strbuf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n <= 0)
		return;
	sb_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void sb_fmt(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vfmt(b, fmt, ap);
	va_end(ap);
}

const char *sb_str(const struct strbuf *b)
{
	return b->s ? b->s : "";
}

char *sb_take(struct strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	*b = (struct strbuf){0};
	return s;
}

void sb_free(struct strbuf *b)
{
	free(b->s);
	*b = (struct strbuf){0};
}

/* Append s (which the vector now owns); v->v stays NULL-terminated. */
void sv_push(struct strvec *v, char *s)
{
	if (v->n + 2 > v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->v = xrealloc(v->v, v->cap * sizeof(*v->v));
	}
	v->v[v->n++] = s;
	v->v[v->n] = NULL;
}

void sv_free(struct strvec *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i]);
	free(v->v);
	*v = (struct strvec){0};
}

int out_n(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int out_s(int fd, const char *s)
{
	return out_n(fd, s, strlen(s));
}

/* One error line, "sh: " + message, written in one piece. */
void sh_err(const char *fmt, ...)
{
	struct strbuf b = {0};
	va_list ap;
	sb_adds(&b, "sh: ");
	va_start(ap, fmt);
	sb_vfmt(&b, fmt, ap);
	va_end(ap);
	sb_addc(&b, '\n');
	out_n(2, b.s, b.len);
	sb_free(&b);
}

/* value in single quotes, each ' written as '\'' */
void sb_addquoted(struct strbuf *b, const char *value)
{
	sb_addc(b, '\'');
	for (; *value; value++) {
		if (*value == '\'')
			sb_adds(b, "'\\''");
		else
			sb_addc(b, *value);
	}
	sb_addc(b, '\'');
}

/* The current directory (malloc'd), or NULL. */
char *get_cwd(void)
{
	size_t size = 256;
	char *buf = NULL;
	for (;;) {
		buf = xrealloc(buf, size);
		if (getcwd(buf, size))
			return buf;
		if (errno != ERANGE) {
			free(buf);
			return NULL;
		}
		size *= 2;
	}
}

/* Decimal text of v in buf (NUM_BUF bytes); returns buf. */
char *fmt_num(char *buf, long long v)
{
	char tmp[NUM_BUF];
	unsigned long long u =
		v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	size_t n = 0, i = 0;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[i++] = '-';
	while (n)
		buf[i++] = tmp[--n];
	buf[i] = '\0';
	return buf;
}

/* A whole string that is an optionally signed decimal number. */
bool parse_num(const char *s, long long *v)
{
	bool neg = false;
	unsigned long long u = 0;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (!isdigit((unsigned char)*s))
		return false;
	for (; isdigit((unsigned char)*s); s++) {
		u = u * 10 + (unsigned)(*s - '0');
		if (u > (unsigned long long)LLONG_MAX + 1)
			return false;
	}
	if (*s || (!neg && u > (unsigned long long)LLONG_MAX))
		return false;
	*v = neg ? (long long)(0ULL - u) : (long long)u;
	return true;
}

/* Length of the variable name at the start of s (0 if none). */
size_t name_len(const char *s)
{
	size_t n = 0;
	if (!isalpha((unsigned char)s[0]) && s[0] != '_')
		return 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

bool is_name(const char *s)
{
	size_t n = name_len(s);
	return n > 0 && s[n] == '\0';
}
