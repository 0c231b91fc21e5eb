// SPDX-License-Identifier: BSD-2-Clause
/*
 * Words into values.  Numbers are decimal or 0x-hex and must fit in 32
 * bits; PCI ids and classes are bare hex of a few digits; labels (the
 * driver's and those of ipc) are 1 to 15 of a-z, 0-9, "_" and "-".
 * value_number() and value_label() report what is wrong; the helpers
 * that answer true or false leave the message to their caller, which
 * knows what the word was meant to be.
 */
#include <string.h>

#include "parser.h"

bool word_is(const struct word *w, const char *s)
{
	return strlen(s) == w->len && memcmp(w->s, s, w->len) == 0;
}

/* Cut w at the first `sep`: false (and left = w, right empty) if there
 * is none.  right may be w itself. */
bool word_split(const struct word *w, char sep, struct word *left,
		struct word *right)
{
	struct word in = *w;
	const char *at = memchr(in.s, sep, in.len);
	*left = in;
	*right = (struct word){in.s + in.len, 0};
	if (!at)
		return false;
	left->len = (size_t)(at - in.s);
	*right = (struct word){at + 1, in.len - left->len - 1};
	return true;
}

static int digit(char c, uint32_t base)
{
	int d = c >= '0' && c <= '9'   ? c - '0'
		: c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10
				       : -1;
	return d >= 0 && (uint32_t)d < base ? d : -1;
}

/* The digits of w in `base`: 0, 1 if w is not a number, 2 if too big. */
static int digits(const struct word *w, uint32_t base, uint32_t *v)
{
	uint64_t n = 0;
	if (!w->len)
		return 1;
	for (size_t i = 0; i < w->len; i++) {
		int d = digit(w->s[i], base);
		if (d < 0)
			return 1;
		n = n * base + (uint32_t)d;
		if (n > UINT32_MAX)
			return 2;
	}
	*v = (uint32_t)n;
	return 0;
}

int value_number(struct parser *ps, const struct token *t, const struct word *w,
		 uint32_t *v)
{
	struct word d = *w;
	uint32_t base = 10;
	if (d.len > 2 && d.s[0] == '0' && (d.s[1] == 'x' || d.s[1] == 'X')) {
		base = 16;
		d.s += 2;
		d.len -= 2;
	}
	int r = digits(&d, base, v);
	if (r == 1)
		return fail(ps, t->line, "bad number %q", w);
	if (r == 2)
		return fail(ps, t->line, "number %q is too big", w);
	return 0;
}

bool value_hex(const struct word *w, size_t max_digits, uint32_t *v)
{
	return w->len <= max_digits && digits(w, 16, v) == 0;
}

int value_label(struct parser *ps, const struct token *t, const char *what,
		char *dst)
{
	const struct word *w = &t->w;
	for (size_t i = 0; i < w->len; i++) {
		char c = w->s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-'))
			return fail(ps, t->line,
				    "bad %s %q (use a-z, 0-9, _ and -)", what,
				    w);
	}
	if (w->len >= POLICY_LABEL_MAX)
		return fail(ps, t->line, "%s %q is longer than %u characters",
			    what, w, (uint32_t)(POLICY_LABEL_MAX - 1));
	memcpy(dst, w->s, w->len);
	dst[w->len] = 0;
	return 0;
}
