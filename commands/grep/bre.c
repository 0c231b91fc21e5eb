// SPDX-License-Identifier: BSD-2-Clause
/*
 * bre: the regular-expression matcher behind grep.
 *
 * Accepted syntax (a subset of POSIX basic regular expressions):
 *	c	an ordinary character matches itself
 *	.	any character
 *	[set]	one character of the set: single characters, ranges "a-z",
 *		classes "[:alpha:]" (also digit alnum upper lower space
 *		blank punct print graph cntrl xdigit); "]" first is literal
 *	[^set]	one character not in the set
 *	x*	zero or more of the preceding item (literal "*" at the start)
 *	^	at the start of the pattern: the start of the line
 *	$	at the end of the pattern: the end of the line
 *	\c	a special character c taken literally (\. \* \[ \\ \^ \$)
 * Elsewhere "^" and "$" are ordinary.  "\(", "\{", "\1" and escaped
 * letters or digits are refused, so an unsupported pattern fails loudly
 * instead of matching something unexpected.
 *
 * Compiling turns the pattern into a list of items, each a 256-bit set
 * of the bytes it accepts plus a "starred" flag; ignoring case just puts
 * both cases into every set.  Matching tries each start position and
 * backtracks over starred items, longest run first.  That is fast for
 * ordinary patterns; many stars in a row against long lines can cost
 * time polynomial in the line length, never memory.
 */
#include "bre.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct item {
	unsigned char set[32]; /* bit b: byte b is accepted */
	int star;
};

struct bre {
	int anchor_start;
	int anchor_end;
	size_t n;
	struct item item[]; /* n items */
};

struct class_name {
	const char *name;
	int (*test)(int);
};

static const struct class_name classes[] = {
	{"alpha", isalpha}, {"digit", isdigit}, {"alnum", isalnum},
	{"upper", isupper}, {"lower", islower}, {"space", isspace},
	{"blank", isblank}, {"punct", ispunct}, {"print", isprint},
	{"graph", isgraph}, {"cntrl", iscntrl}, {"xdigit", isxdigit},
};

static void set_add(struct item *it, int c, int icase)
{
	c &= 0xff;
	it->set[c >> 3] |= (unsigned char)(1u << (c & 7));
	if (icase && isalpha(c)) {
		int o = isupper(c) ? tolower(c) : toupper(c);
		it->set[o >> 3] |= (unsigned char)(1u << (o & 7));
	}
}

static int set_has(const struct item *it, unsigned char c)
{
	return it->set[c >> 3] & (1u << (c & 7));
}

/* "[:name:]" at p (inside a bracket); the length used, or 0 if none. */
static size_t parse_class(struct item *it, const char *p, const char *end)
{
	if (end - p < 4 || p[0] != '[' || p[1] != ':')
		return 0;
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		size_t n = strlen(classes[i].name);
		if ((size_t)(end - p) < n + 4 ||
		    memcmp(p + 2, classes[i].name, n) != 0 || p[n + 2] != ':' ||
		    p[n + 3] != ']')
			continue;
		for (int c = 0; c < 256; c++) {
			if (classes[i].test(c))
				set_add(it, c, 0);
		}
		return n + 4;
	}
	return 0;
}

/*
 * Parse the bracket expression starting just after "[" at p.  Returns
 * the position after the closing "]", or NULL if there is none.
 */
static const char *parse_bracket(struct item *it, const char *p,
				 const char *end, int icase)
{
	int negate = p < end && *p == '^';
	if (negate)
		p++;
	for (int first = 1; p < end && (first || *p != ']'); first = 0) {
		size_t used = parse_class(it, p, end);
		if (used) {
			p += used;
			continue;
		}
		unsigned char lo = (unsigned char)*p++;
		unsigned char hi = lo;
		if (end - p >= 2 && p[0] == '-' && p[1] != ']') {
			hi = (unsigned char)p[1];
			p += 2;
		}
		for (int c = lo; c <= hi; c++)
			set_add(it, c, icase);
	}
	if (p >= end)
		return NULL;
	if (negate) {
		for (size_t i = 0; i < sizeof(it->set); i++)
			it->set[i] = (unsigned char)~it->set[i];
	}
	return p + 1;
}

/* Can "\c" stand for a literal c?  Letters, digits and ( ) { } cannot. */
static int escapable(unsigned char c)
{
	return !isalnum(c) && !strchr("(){}|+?<>", c);
}

struct bre *bre_compile(const char *pat, size_t len, int icase,
			const char **why)
{
	const char *p = pat, *end = pat + len;
	struct bre *re = calloc(1, sizeof(*re) + len * sizeof(re->item[0]));
	if (!re) {
		*why = "out of memory";
		return NULL;
	}
	if (p < end && *p == '^') {
		re->anchor_start = 1;
		p++;
	}
	while (p < end) {
		struct item *it = &re->item[re->n];
		unsigned char c = (unsigned char)*p++;
		if (c == '*' && re->n > 0) {
			re->item[re->n - 1].star = 1;
			continue;
		}
		if (c == '$' && p == end) {
			re->anchor_end = 1;
			break;
		}
		if (c == '.') {
			memset(it->set, 0xff, sizeof(it->set));
		} else if (c == '[') {
			p = parse_bracket(it, p, end, icase);
			if (!p) {
				*why = "unmatched [";
				goto out_fail;
			}
		} else if (c == '\\') {
			if (p == end) {
				*why = "trailing backslash";
				goto out_fail;
			}
			c = (unsigned char)*p++;
			if (!escapable(c)) {
				*why = "unsupported escape";
				goto out_fail;
			}
			set_add(it, c, icase);
		} else {
			set_add(it, c, icase);
		}
		re->n++;
	}
	return re;

out_fail:
	free(re);
	return NULL;
}

/* Does item i onwards match text starting at s (ending at end)? */
static int match_here(const struct bre *re, size_t i, const char *s,
		      const char *end)
{
	for (; i < re->n; i++) {
		const struct item *it = &re->item[i];
		if (it->star) {
			const char *t = s;
			while (t < end && set_has(it, (unsigned char)*t))
				t++;
			for (;; t--) {
				if (match_here(re, i + 1, t, end))
					return 1;
				if (t == s)
					return 0;
			}
		}
		if (s == end || !set_has(it, (unsigned char)*s))
			return 0;
		s++;
	}
	return !re->anchor_end || s == end;
}

int bre_match(const struct bre *re, const char *text, size_t len)
{
	const char *end = text + len;
	if (re->anchor_start)
		return match_here(re, 0, text, end);
	for (const char *s = text;; s++) {
		if (match_here(re, 0, s, end))
			return 1;
		if (s == end)
			return 0;
	}
}
