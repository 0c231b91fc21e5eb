// SPDX-License-Identifier: BSD-2-Clause
/*
 * pattern.c: shell pattern matching, for case, ${x#pat} and file names.
 *
 *   *        any string, also the empty one
 *   ?        any one byte
 *   [abc]    one of the bytes listed; [a-z] a range; [!...] or [^...]
 *            none of them; [[:alpha:]] and the other ctype classes
 *   \c       the byte c itself
 *
 * A '[' without its ']' is an ordinary byte.  Everything else stands for
 * itself.  The caller has already turned quoted characters into \c
 * (expand.c does that), so a pattern is a plain string here.  File-name
 * rules (a leading '.', the '/') are glob.c's business, not this file's.
 *
 * The matcher keeps only the last '*': on a mismatch it lets that star
 * eat one more byte and tries again.  That is enough, because a later
 * star can always take over what an earlier one would have matched.
 */
#include <ctype.h>
#include <string.h>

#include "sh.h"

struct char_class {
	const char *name;
	int (*test)(int c);
};

static const struct char_class classes[] = {
	{"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank},
	{"cntrl", iscntrl}, {"digit", isdigit}, {"graph", isgraph},
	{"lower", islower}, {"print", isprint}, {"punct", ispunct},
	{"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit},
};

/* "[:name:]" at p: does c belong?  *len gets its length (0: not one). */
static bool class_match(const char *p, int c, size_t *len)
{
	const char *end = strstr(p + 2, ":]");
	*len = 0;
	if (!end)
		return false;
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		size_t n = strlen(classes[i].name);
		if ((size_t)(end - p - 2) == n &&
		    strncmp(p + 2, classes[i].name, n) == 0) {
			*len = (size_t)(end + 2 - p);
			return classes[i].test(c) != 0;
		}
	}
	return false;
}

/* One element of a bracket at p: a class, a range or a byte. */
static const char *bracket_item(const char *p, int c, bool *hit)
{
	unsigned char lo, hi;
	size_t len;
	if (p[0] == '[' && p[1] == ':') {
		bool in = class_match(p, c, &len);
		if (len) {
			*hit |= in;
			return p + len;
		}
	}
	if (*p == '\\' && p[1])
		p++;
	lo = (unsigned char)*p++;
	hi = lo;
	if (p[0] == '-' && p[1] && p[1] != ']') {
		p++;
		if (*p == '\\' && p[1])
			p++;
		hi = (unsigned char)*p++;
	}
	if (c >= lo && c <= hi)
		*hit = true;
	return p;
}

/*
 * The bracket expression at p ('[') against c.  Returns its length, or
 * 0 if it is not a complete bracket (then '[' is an ordinary byte).
 */
static size_t bracket(const char *p, int c, bool *hit)
{
	const char *q = p + 1;
	bool negate = *q == '!' || *q == '^';
	*hit = false;
	if (negate)
		q++;
	if (*q == ']')
		q = bracket_item(q, c, hit);
	while (*q && *q != ']')
		q = bracket_item(q, c, hit);
	if (*q != ']')
		return 0;
	*hit ^= negate;
	return (size_t)(q + 1 - p);
}

/* Does the pattern element at p match c?  Returns its length or 0. */
static size_t match_one(const char *p, int c)
{
	bool hit;
	size_t len;
	switch (*p) {
	case '?':
		return 1;
	case '[':
		len = bracket(p, c, &hit);
		if (len)
			return hit ? len : 0;
		return c == '[';
	case '\\':
		if (p[1])
			return (unsigned char)p[1] == c ? 2 : 0;
		return c == '\\';
	default:
		return (unsigned char)*p == c;
	}
}

/* Does pat match all of the n bytes at s? */
bool pattern_match(const char *pat, const char *s, size_t n)
{
	const char *end = s + n, *star_p = NULL, *star_s = NULL;
	while (s < end || *pat) {
		size_t len;
		if (*pat == '*') {
			star_p = ++pat;
			star_s = s;
			continue;
		}
		if (s < end && *pat &&
		    (len = match_one(pat, (unsigned char)*s))) {
			pat += len;
			s++;
			continue;
		}
		if (!star_p || star_s >= end)
			return false;
		pat = star_p;
		s = ++star_s;
	}
	return true;
}

/* Does the pattern (its first n bytes) use *, ? or a bracket? */
bool pattern_has_magic(const char *pat, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		bool hit;
		if (pat[i] == '\\' && i + 1 < n)
			i++;
		else if (pat[i] == '*' || pat[i] == '?')
			return true;
		else if (pat[i] == '[' && bracket(pat + i, 0, &hit))
			return true;
	}
	return false;
}
