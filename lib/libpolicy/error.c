// SPDX-License-Identifier: BSD-2-Clause
/*
 * Error messages of the policy parser: "FILE:LINE: what is wrong", one
 * line without a newline, written into the caller's buffer and cut to
 * fit it.  No stdio here (the parser also runs inside RS), so a small
 * formatter of its own: %s, %u, %x, %q (a word, in double quotes, cut
 * to WORD_SHOWN bytes with "..." if longer) and %t (a token: its word,
 * or "end of file").
 */
#include <stdarg.h>

#include "parser.h"

#define WORD_SHOWN 40

struct out {
	char *buf;
	size_t room, used;
};

static void put(struct out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n && o->used + 1 < o->room; i++)
		o->buf[o->used++] = s[i];
}

static void put_str(struct out *o, const char *s)
{
	while (*s)
		put(o, s++, 1);
}

static void put_num(struct out *o, uint32_t v, uint32_t base)
{
	char digits[12];
	size_t n = 0;
	if (base == 16)
		put_str(o, "0x");
	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		put(o, &digits[--n], 1);
}

static void put_word(struct out *o, const struct word *w)
{
	put_str(o, "\"");
	put(o, w->s, w->len < WORD_SHOWN ? w->len : WORD_SHOWN);
	put_str(o, w->len > WORD_SHOWN ? "...\"" : "\"");
}

static void put_token(struct out *o, const struct token *t)
{
	if (t->kind == TOK_END)
		put_str(o, "end of file");
	else
		put_word(o, &t->w);
}

static void format(struct out *o, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%' || !fmt[1]) {
			put(o, fmt, 1);
			continue;
		}
		switch (*++fmt) {
		case 's':
			put_str(o, va_arg(ap, const char *));
			break;
		case 'u':
			put_num(o, va_arg(ap, uint32_t), 10);
			break;
		case 'x':
			put_num(o, va_arg(ap, uint32_t), 16);
			break;
		case 'q':
			put_word(o, va_arg(ap, const struct word *));
			break;
		case 't':
			put_token(o, va_arg(ap, const struct token *));
			break;
		default:
			put(o, fmt, 1);
		}
	}
}

int fail(struct parser *ps, uint32_t line, const char *fmt, ...)
{
	struct out o = {ps->err, ps->errlen, 0};
	if (!o.buf || !o.room)
		return -1;
	put_str(&o, ps->file ? ps->file : "policy");
	put_str(&o, ":");
	put_num(&o, line, 10);
	put_str(&o, ": ");
	va_list ap;
	va_start(ap, fmt);
	format(&o, fmt, ap);
	va_end(ap);
	o.buf[o.used] = 0;
	return -1;
}
