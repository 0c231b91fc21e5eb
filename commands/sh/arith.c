// SPDX-License-Identifier: BSD-2-Clause
/*
 * arith.c: the integer arithmetic of $((...)).
 *
 * arith_eval() reads an expression whose $-expansions expand.c has
 * already done, and computes it in long long.  It knows, from the lowest
 * precedence up:
 *
 *   = += -= *= /= %= <<= >>= &= ^= |=   (to a variable name)
 *   ?:   ||   &&   |   ^   &   == !=   < <= > >=   << >>   + -   * / %
 *   unary + - ! ~,  ( ),  numbers (decimal, 0x hex, 0 octal), names
 *
 * A name stands for its variable's value (unset or empty is 0).  The
 * binary operators are read by precedence climbing over one table.  The
 * side that && || ?: skip is still parsed but not evaluated (a->skip),
 * so it neither assigns nor divides by zero.  Overflow wraps.
 *
 * Errors print "sh: arithmetic: ..." and make arith_eval() return -1.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct arith {
	const char *p;
	int skip; /* > 0 while in a branch that is not taken */
	bool err;
};

enum op {
	OP_NONE,
	OP_OROR,
	OP_ANDAND,
	OP_OR,
	OP_XOR,
	OP_AND,
	OP_EQ,
	OP_NE,
	OP_LT,
	OP_LE,
	OP_GT,
	OP_GE,
	OP_SHL,
	OP_SHR,
	OP_ADD,
	OP_SUB,
	OP_MUL,
	OP_DIV,
	OP_MOD,
};

struct binop {
	const char *text;
	size_t len;
	enum op op;
	int prec;
};

/* Longer operators first, so "<<" is not read as "<". */
static const struct binop binops[] = {
	{"||", 2, OP_OROR, 1}, {"&&", 2, OP_ANDAND, 2}, {"==", 2, OP_EQ, 6},
	{"!=", 2, OP_NE, 6},   {"<=", 2, OP_LE, 7},	{">=", 2, OP_GE, 7},
	{"<<", 2, OP_SHL, 8},  {">>", 2, OP_SHR, 8},	{"|", 1, OP_OR, 3},
	{"^", 1, OP_XOR, 4},   {"&", 1, OP_AND, 5},	{"<", 1, OP_LT, 7},
	{">", 1, OP_GT, 7},    {"+", 1, OP_ADD, 9},	{"-", 1, OP_SUB, 9},
	{"*", 1, OP_MUL, 10},  {"/", 1, OP_DIV, 10},	{"%", 1, OP_MOD, 10},
};

static long long parse_assign(struct arith *a);

static void arith_error(struct arith *a, const char *msg)
{
	if (!a->err)
		sh_err("arithmetic: %s", msg);
	a->err = true;
}

static void skip_space(struct arith *a)
{
	while (isspace((unsigned char)*a->p))
		a->p++;
}

/* A number in C syntax at s; false if s is not all a number. */
static bool read_number(const char *s, long long *v)
{
	const char *digits;
	char *end;
	while (isspace((unsigned char)*s))
		s++;
	if (!*s) {
		*v = 0;
		return true;
	}
	digits = s + (*s == '-' || *s == '+');
	errno = 0;
	*v = (long long)strtoull(s, &end, 0);
	while (isspace((unsigned char)*end))
		end++;
	return end != s && !*end && errno == 0 &&
	       isdigit((unsigned char)*digits);
}

static long long var_value(struct arith *a, const char *name)
{
	const char *s = var_get(name);
	long long v;
	if (!s)
		return 0;
	if (!read_number(s, &v)) {
		struct strbuf b = {0};
		sb_fmt(&b, "bad number '%s' in %s", s, name);
		arith_error(a, b.s);
		sb_free(&b);
		return 0;
	}
	return v;
}

static long long parse_primary(struct arith *a)
{
	long long v = 0;
	skip_space(a);
	if (*a->p == '(') {
		a->p++;
		v = parse_assign(a);
		skip_space(a);
		if (*a->p != ')')
			arith_error(a, "missing ')'");
		else
			a->p++;
	} else if (isdigit((unsigned char)*a->p)) {
		char *end;
		errno = 0;
		v = (long long)strtoull(a->p, &end, 0);
		if (errno || isalnum((unsigned char)*end) || *end == '_')
			arith_error(a, "bad number");
		a->p = end;
	} else if (name_len(a->p)) {
		size_t n = name_len(a->p);
		char *name = xstrndup(a->p, n);
		a->p += n;
		v = var_value(a, name);
		free(name);
	} else {
		arith_error(a, "syntax error");
	}
	return v;
}

static long long parse_unary(struct arith *a)
{
	char c;
	skip_space(a);
	c = *a->p;
	if (c == '+' || c == '-' || c == '!' || c == '~') {
		long long v;
		a->p++;
		v = parse_unary(a);
		if (c == '-')
			return (long long)(0ULL - (unsigned long long)v);
		if (c == '!')
			return !v;
		return c == '~' ? ~v : v;
	}
	return parse_primary(a);
}

/* The binary operator at a->p (not an assignment such as "+="). */
static const struct binop *peek_binop(struct arith *a)
{
	skip_space(a);
	for (size_t i = 0; i < sizeof(binops) / sizeof(binops[0]); i++) {
		size_t n = binops[i].len;
		if (strncmp(a->p, binops[i].text, n) != 0)
			continue;
		if (a->p[n] == '=' && binops[i].op != OP_EQ &&
		    binops[i].op != OP_NE && binops[i].op != OP_LE &&
		    binops[i].op != OP_GE)
			return NULL;
		return &binops[i];
	}
	return NULL;
}

static long long divide(struct arith *a, enum op op, long long l, long long r)
{
	if (r == 0) {
		if (!a->skip)
			arith_error(a, "division by zero");
		return 0;
	}
	if (r == -1)
		return op == OP_DIV ? (long long)(0ULL - (unsigned long long)l)
				    : 0;
	return op == OP_DIV ? l / r : l % r;
}

static long long apply(struct arith *a, enum op op, long long l, long long r)
{
	unsigned long long ul = (unsigned long long)l,
			   ur = (unsigned long long)r;
	switch (op) {
	case OP_OR:
		return l | r;
	case OP_XOR:
		return l ^ r;
	case OP_AND:
		return l & r;
	case OP_EQ:
		return l == r;
	case OP_NE:
		return l != r;
	case OP_LT:
		return l < r;
	case OP_LE:
		return l <= r;
	case OP_GT:
		return l > r;
	case OP_GE:
		return l >= r;
	case OP_SHL:
		return (long long)(ul << (ur & 63));
	case OP_SHR:
		return l >> (ur & 63);
	case OP_ADD:
		return (long long)(ul + ur);
	case OP_SUB:
		return (long long)(ul - ur);
	case OP_MUL:
		return (long long)(ul * ur);
	default:
		return divide(a, op, l, r);
	}
}

static long long parse_binary(struct arith *a, int min_prec)
{
	long long l = parse_unary(a);
	const struct binop *b;
	while ((b = peek_binop(a)) && b->prec >= min_prec) {
		long long r;
		bool lazy = b->op == OP_OROR || b->op == OP_ANDAND;
		bool skip = lazy && (b->op == OP_OROR ? l != 0 : l == 0);
		a->p += b->len;
		a->skip += skip;
		r = parse_binary(a, b->prec + 1);
		a->skip -= skip;
		if (lazy)
			l = b->op == OP_OROR ? (l || r) : (l && r);
		else
			l = apply(a, b->op, l, r);
	}
	return l;
}

/* cond := binary ['?' assign ':' cond] */
static long long parse_cond(struct arith *a)
{
	long long c = parse_binary(a, 1), t, f;
	skip_space(a);
	if (*a->p != '?')
		return c;
	a->p++;
	a->skip += !c;
	t = parse_assign(a);
	a->skip -= !c;
	skip_space(a);
	if (*a->p != ':') {
		arith_error(a, "missing ':'");
		return 0;
	}
	a->p++;
	a->skip += !!c;
	f = parse_cond(a);
	a->skip -= !!c;
	return c ? t : f;
}

/* The assignment operator at p ("=", "+=", ...): its binop, length. */
static size_t assign_op(const char *p, enum op *op)
{
	*op = OP_NONE;
	if (p[0] == '=' && p[1] != '=')
		return 1;
	for (size_t i = 0; i < sizeof(binops) / sizeof(binops[0]); i++) {
		size_t n = binops[i].len;
		if (binops[i].prec >= 3 && binops[i].op != OP_EQ &&
		    binops[i].op != OP_NE && binops[i].prec != 7 &&
		    strncmp(p, binops[i].text, n) == 0 && p[n] == '=') {
			*op = binops[i].op;
			return n + 1;
		}
	}
	return 0;
}

static long long do_assign(struct arith *a, const char *name, enum op op)
{
	long long v = parse_assign(a);
	char buf[NUM_BUF];
	if (op != OP_NONE)
		v = apply(a, op, var_value(a, name), v);
	if (!a->skip && !a->err && var_set(name, fmt_num(buf, v), 0) < 0)
		a->err = true;
	return v;
}

/* assign := NAME assign-op assign | cond */
static long long parse_assign(struct arith *a)
{
	const char *start;
	size_t n, len;
	enum op op;
	skip_space(a);
	start = a->p;
	n = name_len(start);
	if (n) {
		a->p += n;
		skip_space(a);
		len = assign_op(a->p, &op);
		if (len) {
			char *name = xstrndup(start, n);
			long long v;
			a->p += len;
			v = do_assign(a, name, op);
			free(name);
			return v;
		}
		a->p = start;
	}
	return parse_cond(a);
}

int arith_eval(const char *expr, long long *value)
{
	struct arith a = {.p = expr};
	*value = parse_assign(&a);
	skip_space(&a);
	if (*a.p && !a.err)
		arith_error(&a, "syntax error");
	return a.err ? -1 : 0;
}
