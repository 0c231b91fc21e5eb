// SPDX-License-Identifier: BSD-2-Clause
/*
 * The policy grammar (include/policy.h, docs/man/policy.5.md):
 *
 *	file      = KIND LABEL "{" statement* "}" ";"
 *	KIND      = "driver" | "server" | "program"
 *	statement = LIST value value* ";" | SCALAR value{n} ";"
 *
 * where LIST is ipc, kernel, io, irq, memory, "pci device" or "pci
 * class", and SCALAR one of the recovery keywords, with its n.
 *
 * One table lists the keywords: a list keyword (nvals 0) may repeat; a
 * scalar takes exactly nvals values and may appear once.  A keyword
 * that begins a line always begins a statement, so a forgotten ";" is
 * reported where it belongs instead of the next keyword being read as
 * a value.  Everything goes into a policy on the stack, copied out only
 * when the whole text is good.
 */
#include <string.h>

#include "parser.h"

#define MAX_VALS 2

struct keyword {
	const char *name;
	const char *sub; /* "pci device": "pci", then "device" */
	int nvals;	 /* 0: a list */
	int (*value)(struct parser *ps, const struct token *t);
};

static const struct keyword keywords[] = {
	{"ipc", 0, 0, ipc_value},
	{"kernel", 0, 0, kernel_value},
	{"io", 0, 0, io_value},
	{"irq", 0, 0, irq_value},
	{"memory", 0, 0, memory_value},
	{"pci", "device", 0, pci_device_value},
	{"pci", "class", 0, pci_class_value},
	{"heartbeat", 0, 1, heartbeat_values},
	{"restart", 0, 1, restart_values},
	{"backoff", 0, 2, backoff_values},
	{"limit", 0, 2, limit_values},
	{"script", 0, 1, script_values},
	{"copy", 0, 1, copy_values},
	{"reset", 0, 1, reset_values},
	{"priority", 0, 1, priority_values},
};
#define NR_KEYWORDS (sizeof(keywords) / sizeof(keywords[0]))

static const struct keyword *find(const struct word *w)
{
	for (size_t i = 0; i < NR_KEYWORDS; i++)
		if (word_is(w, keywords[i].name))
			return &keywords[i];
	return 0;
}

/* Does the current token end the statement before it? */
static bool starts_statement(const struct token *t)
{
	return t->kind != TOK_WORD || (t->first && find(&t->w));
}

static int missing_semicolon(struct parser *ps)
{
	return fail(ps, ps->prev.line, "missing \";\"");
}

/* "pci" is followed by "device" or "class": the entry for both words. */
static const struct keyword *find_sub(struct parser *ps,
				      const struct keyword *k)
{
	if (lex_next(ps) < 0)
		return 0;
	for (const struct keyword *s = k; s < keywords + NR_KEYWORDS; s++)
		if (!strcmp(s->name, k->name) && ps->tok.kind == TOK_WORD &&
		    word_is(&ps->tok.w, s->sub))
			return s;
	fail(ps, ps->tok.line,
	     "expected \"device\" or \"class\" after %q, found %t", &ps->prev.w,
	     &ps->tok);
	return 0;
}

static int list(struct parser *ps, const struct keyword *k)
{
	if (lex_next(ps) < 0)
		return -1;
	if (ps->tok.kind == TOK_SEMI)
		return fail(ps, ps->tok.line, "\"%s%s%s\" needs a value",
			    k->name, k->sub ? " " : "", k->sub ? k->sub : "");
	while (ps->tok.kind != TOK_SEMI) {
		if (starts_statement(&ps->tok))
			return missing_semicolon(ps);
		if (k->value(ps, &ps->tok) < 0 || lex_next(ps) < 0)
			return -1;
	}
	return 0;
}

static int wrong_count(struct parser *ps, uint32_t line,
		       const struct keyword *k)
{
	return fail(ps, line, "\"%s\" takes %u value%s", k->name,
		    (uint32_t)k->nvals, k->nvals > 1 ? "s" : "");
}

static int scalar(struct parser *ps, const struct keyword *k)
{
	struct token vals[MAX_VALS];
	uint32_t line = ps->tok.line;
	for (int i = 0; i < k->nvals; i++) {
		if (lex_next(ps) < 0)
			return -1;
		if (ps->tok.kind == TOK_SEMI)
			return wrong_count(ps, line, k);
		if (starts_statement(&ps->tok))
			return missing_semicolon(ps);
		vals[i] = ps->tok;
	}
	if (lex_next(ps) < 0)
		return -1;
	if (ps->tok.kind != TOK_SEMI && !starts_statement(&ps->tok))
		return wrong_count(ps, ps->tok.line, k);
	if (ps->tok.kind != TOK_SEMI)
		return missing_semicolon(ps);
	return k->value(ps, vals);
}

/* One statement, from its keyword up to and past its ";". */
static int statement(struct parser *ps)
{
	const struct token *t = &ps->tok;
	if (t->kind != TOK_WORD)
		return fail(ps, t->line, "unexpected %t", t);
	const struct keyword *k = find(&t->w);
	if (!k)
		return fail(ps, t->line, "unknown keyword %t", t);
	if (k->nvals) {
		uint32_t bit = 1u << (k - keywords);
		if (ps->given & bit)
			return fail(ps, t->line, "\"%s\" given twice", k->name);
		ps->given |= bit;
	}
	if (k->sub && !(k = find_sub(ps, k)))
		return -1;
	if ((k->nvals ? scalar(ps, k) : list(ps, k)) < 0)
		return -1;
	return lex_next(ps);
}

/* What a block may be (policy.h, enum policy_kind), by its first word. */
static const char *const kinds[] = {"driver", "server", "program"};

static int kind(struct parser *ps, const struct token *t)
{
	for (int i = 0; i < 3; i++)
		if (t->kind == TOK_WORD && word_is(&t->w, kinds[i]))
			return ps->pol->kind = (enum policy_kind)i, 0;
	return fail(ps, t->line,
		    "expected \"driver\", \"server\" or \"program\", "
		    "found %t",
		    t);
}

/* KIND LABEL "{" */
static int header(struct parser *ps)
{
	const struct token *t = &ps->tok;
	if (lex_next(ps) < 0)
		return -1;
	if (t->kind == TOK_END)
		return fail(ps, t->line, "empty file: no \"driver\" block");
	if (kind(ps, t) < 0)
		return -1;
	const char *k = kinds[ps->pol->kind];
	ps->pol->line = t->line;
	if (lex_next(ps) < 0)
		return -1;
	if (t->kind != TOK_WORD)
		return fail(ps, t->line,
			    "expected a label after \"%s\", found %t", k, t);
	if (value_label(ps, t, "label", ps->pol->label) < 0 || lex_next(ps) < 0)
		return -1;
	if (t->kind != TOK_LBRACE)
		return fail(ps, ps->prev.line, "missing \"{\" after \"%s %s\"",
			    k, ps->pol->label);
	return lex_next(ps);
}

/* The statements, "}" ";" and then nothing more. */
static int body(struct parser *ps)
{
	const struct token *t = &ps->tok;
	while (t->kind != TOK_RBRACE) {
		if (t->kind == TOK_END)
			return fail(ps, t->line,
				    "missing \"}\" before end of file");
		if (statement(ps) < 0)
			return -1;
	}
	if (lex_next(ps) < 0)
		return -1;
	if (t->kind != TOK_SEMI)
		return fail(ps, ps->prev.line, "missing \";\" after \"}\"");
	if (lex_next(ps) < 0)
		return -1;
	if (t->kind != TOK_END)
		return fail(ps, t->line,
			    "unexpected %t after \"};\" (one block per file)",
			    t);
	return 0;
}

int policy_parse(const char *file, const char *text, size_t len,
		 struct policy *out, char *err, size_t errlen)
{
	struct policy pol;
	struct parser ps = {.file = file, .err = err, .errlen = errlen};
	memset(&pol, 0, sizeof(pol));
	recovery_defaults(&pol);
	ps.pol = &pol;
	lex_start(&ps, text, len);
	if (header(&ps) < 0 || body(&ps) < 0)
		return -1;
	*out = pol;
	if (err && errlen)
		err[0] = 0;
	return 0;
}
