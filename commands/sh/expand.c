// SPDX-License-Identifier: BSD-2-Clause
/*
 * expand.c: raw words -> fields.
 *
 * A raw word (see lex.c) goes through, in one left-to-right walk:
 * tilde expansion, parameter expansion ($x ${x} ${x:-w} ${x:=w} ${x:?w}
 * ${x:+w} ${#x} ${x#p} ${x##p} ${x%p} ${x%%p}, each also without ':'),
 * command substitution ($(...) and `...`), arithmetic ($((...))), field
 * splitting and quote removal.  Pathname expansion follows for each
 * field.
 *
 * While walking, each output byte is put into the current field with a
 * "quoted" mark (struct exp: text and mask side by side).  Literal
 * unquoted bytes are kept as they are; the results of unquoted
 * expansions are split on IFS as they arrive (put_value()); quoted bytes
 * are never split and never act as * ? [.  A field "exists" (started)
 * once it has a byte or a pair of quotes, so "" gives one empty field
 * and an unquoted empty $x gives none.  "$@" gives one field per
 * parameter, and none at all when there are none.
 *
 * IFS splitting: IFS white space (space, tab, newline) around fields is
 * dropped, each other IFS byte ends one field (so a::b has an empty field
 * between), and white space next to such a byte belongs to it.
 *
 * expand_words() makes the argument list of a command; expand_word()
 * makes one string (assignments, redirection targets, case words and
 * patterns, here-documents).  On an error (${x?}, bad arithmetic, set -u)
 * a message is printed and they return -1 / NULL.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

/* Where the walk is: these change what quotes and backslashes do. */
#define C_DQ 1	     /* inside "..." */
#define C_HD 2	     /* here-document or $((...)): only \$ \` \\ */
#define C_SPLITLIT 4 /* the word of ${x-word}: its text is split too */

/* struct exp flags */
#define X_SPLIT 1 /* field splitting (and so "$@" as several fields) */

struct field {
	char *text;
	char *mask; /* mask[i] != 0: text[i] was quoted */
	size_t len;
};

struct exp {
	int flags;
	struct strbuf text, mask; /* the field being built */
	bool started;		  /* it exists even if empty */
	bool after_ws;		  /* the last split was on IFS white space */
	struct field *fields;
	size_t nfields, capfields;
	bool failed;
};

static const char *step(struct exp *e, const char *p, const char *end, int ctx);
static const char *skip_dollar(const char *p, const char *end, bool dq);

static bool quoted(int ctx)
{
	return ctx & (C_DQ | C_HD);
}

static const char *ifs(void)
{
	const char *s = var_get("IFS");
	return s ? s : " \t\n";
}

static bool ifs_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static void put(struct exp *e, char c, bool q)
{
	sb_addc(&e->text, c);
	sb_addc(&e->mask, q);
	e->started = true;
	e->after_ws = false;
}

static void end_field(struct exp *e)
{
	struct field *f;
	if (e->nfields == e->capfields) {
		e->capfields = e->capfields ? e->capfields * 2 : 4;
		e->fields = xrealloc(e->fields, e->capfields * sizeof(*f));
	}
	f = &e->fields[e->nfields++];
	f->len = e->text.len;
	f->text = sb_take(&e->text);
	f->mask = sb_take(&e->mask);
	e->started = false;
	e->after_ws = false;
}

static void exp_free(struct exp *e)
{
	for (size_t i = 0; i < e->nfields; i++) {
		free(e->fields[i].text);
		free(e->fields[i].mask);
	}
	free(e->fields);
	sb_free(&e->text);
	sb_free(&e->mask);
}

/* The result of an expansion: split on IFS unless quoted. */
static void put_value(struct exp *e, const char *s, bool q)
{
	const char *sep = ifs();
	if (q || !(e->flags & X_SPLIT)) {
		for (; *s; s++)
			put(e, *s, q);
		return;
	}
	for (; *s; s++) {
		if (!strchr(sep, *s)) {
			put(e, *s, false);
		} else if (ifs_space(*s)) {
			if (e->started) {
				end_field(e);
				e->after_ws = true;
			}
		} else if (e->after_ws) {
			e->after_ws = false;
		} else {
			end_field(e);
		}
	}
}

static void literal(struct exp *e, char c, int ctx)
{
	char s[2] = {c, '\0'};
	if (quoted(ctx) || !(ctx & C_SPLITLIT))
		put(e, c, quoted(ctx));
	else
		put_value(e, s, false);
}

static void fail(struct exp *e)
{
	e->failed = true;
}

/* ---- finding the end of a construct in raw text ---- */

static const char *skip_squote(const char *p, const char *end)
{
	while (p < end && *p != '\'')
		p++;
	return p < end ? p + 1 : end;
}

static const char *skip_bquote(const char *p, const char *end)
{
	while (p < end && *p != '`')
		p += (*p == '\\' && p + 1 < end) ? 2 : 1;
	return p < end ? p + 1 : end;
}

static const char *skip_dquote(const char *p, const char *end)
{
	while (p < end && *p != '"') {
		if (*p == '\\' && p + 1 < end)
			p += 2;
		else if (*p == '$')
			p = skip_dollar(p, end, true);
		else if (*p == '`')
			p = skip_bquote(p + 1, end);
		else
			p++;
	}
	return p < end ? p + 1 : end;
}

/* The '}' that ends a ${...} whose inside starts at p. */
static const char *skip_brace(const char *p, const char *end, bool dq)
{
	while (p < end && *p != '}') {
		if (*p == '\\' && p + 1 < end)
			p += 2;
		else if (*p == '\'' && !dq)
			p = skip_squote(p + 1, end);
		else if (*p == '"')
			p = skip_dquote(p + 1, end);
		else if (*p == '$')
			p = skip_dollar(p, end, dq);
		else if (*p == '`')
			p = skip_bquote(p + 1, end);
		else
			p++;
	}
	return p;
}

/* The first ')' of the "))" that ends a $(( whose inside starts at p. */
static const char *skip_arith(const char *p, const char *end)
{
	int depth = 0;
	while (p < end) {
		if (*p == ')' && depth == 0)
			return p;
		if (*p == '\\' && p + 1 < end)
			p += 2;
		else if (*p == '$')
			p = skip_dollar(p, end, true);
		else if (*p == '`')
			p = skip_bquote(p + 1, end);
		else if (*p == '"')
			p = skip_dquote(p + 1, end);
		else if (*p == '\'')
			p = skip_squote(p + 1, end);
		else if (*p++ == '(')
			depth++;
		else if (p[-1] == ')')
			depth--;
	}
	return end;
}

/* Past the $-construct at p. */
static const char *skip_dollar(const char *p, const char *end, bool dq)
{
	size_t used;
	if (p + 1 >= end)
		return end;
	if (p[1] == '{') {
		p = skip_brace(p + 2, end, dq);
		return p < end ? p + 1 : end;
	}
	if (p[1] != '(')
		return p + 1;
	if (p + 2 < end && p[2] == '(') {
		p = skip_arith(p + 3, end);
		return p + 2 <= end ? p + 2 : end;
	}
	parse_subst_text(p + 2, (size_t)(end - p - 2), NULL, &used);
	return p + 2 + used;
}

/* ---- sub-expansions: the word inside ${x-word} and friends ---- */

static void expand_range(struct exp *e, const char *p, const char *end, int ctx)
{
	while (p < end && !e->failed)
		p = step(e, p, end, ctx);
}

/* [p, end) expanded into one string with its quote mask. */
static bool expand_sub(const char *p, const char *end, int ctx, struct exp *out)
{
	*out = (struct exp){0};
	expand_range(out, p, end, ctx);
	return !out->failed;
}

/* The field being built, as a pattern: quoted * ? [ ] \ get a '\'. */
static char *to_pattern(const char *text, const char *mask, size_t len)
{
	struct strbuf b = {0};
	sb_addn(&b, "", 0);
	for (size_t i = 0; i < len; i++) {
		if (mask[i] && strchr("*?[]\\", text[i]))
			sb_addc(&b, '\\');
		sb_addc(&b, text[i]);
	}
	return sb_take(&b);
}

static char *sub_string(struct exp *e, const char *p, const char *end, int ctx,
			bool pattern)
{
	struct exp sub;
	char *s = NULL;
	if (expand_sub(p, end, ctx, &sub))
		s = pattern ? to_pattern(sb_str(&sub.text), sb_str(&sub.mask),
					 sub.text.len)
			    : xstrdup(sb_str(&sub.text));
	else
		fail(e);
	exp_free(&sub);
	return s;
}

/* ---- parameters ---- */

static char *options_string(void)
{
	struct strbuf b = {0};
	sb_addn(&b, "", 0);
	if (sh.opt_e)
		sb_addc(&b, 'e');
	if (sh.opt_f)
		sb_addc(&b, 'f');
	if (sh.interactive)
		sb_addc(&b, 'i');
	if (sh.opt_n)
		sb_addc(&b, 'n');
	if (sh.opt_u)
		sb_addc(&b, 'u');
	if (sh.opt_x)
		sb_addc(&b, 'x');
	return sb_take(&b);
}

/* $* and $@ as one string, joined by the first byte of IFS. */
static char *join_params(char which)
{
	const char *sep = var_get("IFS");
	struct strbuf b = {0};
	sb_addn(&b, "", 0);
	for (int i = 0; i < sh.pos.n; i++) {
		if (i > 0 && (which == '@' || !sep))
			sb_addc(&b, ' ');
		else if (i > 0 && *sep)
			sb_addc(&b, *sep);
		sb_adds(&b, sh.pos.v[i]);
	}
	return sb_take(&b);
}

/* A parameter's value (malloc'd), or NULL when it is unset. */
static char *param_value(const char *name)
{
	char buf[NUM_BUF];
	long long n;
	const char *v;
	if (isdigit((unsigned char)name[0]) && parse_num(name, &n)) {
		if (n == 0)
			return xstrdup(sh.arg0);
		return n <= sh.pos.n ? xstrdup(sh.pos.v[n - 1]) : NULL;
	}
	switch (name[1] ? 0 : name[0]) {
	case '?':
		return xstrdup(fmt_num(buf, sh.status));
	case '$':
		return xstrdup(fmt_num(buf, sh.pid));
	case '!':
		return sh.last_bg ? xstrdup(fmt_num(buf, sh.last_bg)) : NULL;
	case '#':
		return xstrdup(fmt_num(buf, sh.pos.n));
	case '-':
		return options_string();
	case '@':
	case '*':
		return sh.pos.n ? join_params(name[0]) : NULL;
	}
	v = var_get(name);
	return v ? xstrdup(v) : NULL;
}

static bool unset_error(struct exp *e, const char *name)
{
	sh_err("%s: parameter not set", name);
	fail(e);
	return false;
}

/* "$@" and "$*" in all their forms. */
static void put_params(struct exp *e, char which, int ctx)
{
	bool q = quoted(ctx);
	if (!(e->flags & X_SPLIT) || (which == '*' && q)) {
		char *s = join_params(which);
		put_value(e, s, q);
		free(s);
		return;
	}
	for (int i = 0; i < sh.pos.n; i++) {
		if (q) {
			if (i > 0)
				end_field(e);
			e->started = true;
		} else if (i > 0 && e->started) {
			end_field(e);
			e->after_ws = true;
		}
		put_value(e, sh.pos.v[i], q);
	}
}

static void put_param(struct exp *e, const char *name, int ctx)
{
	char *v;
	if ((name[0] == '@' || name[0] == '*') && !name[1]) {
		put_params(e, name[0], ctx);
		return;
	}
	v = param_value(name);
	if (!v && sh.opt_u && strcmp(name, "!") != 0) {
		unset_error(e, name);
		return;
	}
	if (v)
		put_value(e, v, quoted(ctx));
	free(v);
}

/* Length of the parameter name at p: a name, digits or one special. */
static size_t param_len(const char *p, const char *end, bool braced)
{
	size_t n = name_len(p), max = (size_t)(end - p);
	if (n)
		return n < max ? n : max;
	if (p < end && isdigit((unsigned char)*p)) {
		n = 1;
		while (braced && n < max && isdigit((unsigned char)p[n]))
			n++;
		return n;
	}
	return p < end && strchr("@*#?-$!", *p) && *p ? 1 : 0;
}

/* ${x#p} ${x##p} ${x%p} ${x%%p}: v with the matching part removed. */
static char *trim(const char *v, const char *pat, char op, bool longest)
{
	size_t n = strlen(v);
	for (size_t k = 0; k <= n; k++) {
		size_t i = longest ? n - k : k;
		if (op == '#' && pattern_match(pat, v, i))
			return xstrdup(v + i);
		if (op == '%' && pattern_match(pat, v + (n - i), i))
			return xstrndup(v, n - i);
	}
	return xstrdup(v);
}

struct brace {
	char *name;
	bool colon;	 /* ${x:-w}: an empty value counts as unset */
	char op;	 /* 0, - = ? + # % */
	bool twice;	 /* ## %% */
	const char *w;	 /* the word after the operator */
	const char *end; /* its end (the closing brace) */
};

static void brace_assign(struct exp *e, struct brace *b, int ctx)
{
	char *s = sub_string(e, b->w, b->end, ctx & C_DQ, false);
	if (!s)
		return;
	if (!is_name(b->name)) {
		sh_err("%s: cannot assign in this way", b->name);
		fail(e);
	} else if (var_set(b->name, s, 0) < 0) {
		fail(e);
	} else {
		put_value(e, s, quoted(ctx));
	}
	free(s);
}

static void brace_error(struct exp *e, struct brace *b, bool null)
{
	char *s = sub_string(e, b->w, b->end, 0, false);
	if (s && *s)
		sh_err("%s: %s", b->name, s);
	else if (s)
		sh_err("%s: parameter %s", b->name,
		       null ? "null or not set" : "not set");
	free(s);
	fail(e);
}

static void brace_trim(struct exp *e, struct brace *b, const char *v, int ctx)
{
	char *pat = sub_string(e, b->w, b->end, 0, true);
	char *r;
	if (!pat)
		return;
	r = trim(v ? v : "", pat, b->op, b->twice);
	put_value(e, r, quoted(ctx));
	free(r);
	free(pat);
}

/* Apply the operator of ${name OP word}. */
static void brace_op(struct exp *e, struct brace *b, int ctx)
{
	char *v = param_value(b->name);
	bool set = v && (!b->colon || *v);
	int wctx = quoted(ctx) ? ctx : ctx | C_SPLITLIT;
	if (b->op == '#' || b->op == '%') {
		if (!v && sh.opt_u)
			unset_error(e, b->name);
		else
			brace_trim(e, b, v, ctx);
	} else if (b->op == '+') {
		if (set)
			expand_range(e, b->w, b->end, wctx);
	} else if (set) {
		put_param(e, b->name, ctx);
	} else if (b->op == '-') {
		expand_range(e, b->w, b->end, wctx);
	} else if (b->op == '=') {
		brace_assign(e, b, ctx);
	} else {
		brace_error(e, b, b->colon);
	}
	free(v);
}

static void put_length(struct exp *e, const char *name, int ctx)
{
	char buf[NUM_BUF];
	char *v = param_value(name);
	long long n = v ? (long long)strlen(v) : 0;
	if ((name[0] == '@' || name[0] == '*') && !name[1])
		n = sh.pos.n;
	if (!v && sh.opt_u && !((name[0] == '@' || name[0] == '*') && !name[1]))
		unset_error(e, name);
	else
		put_value(e, fmt_num(buf, n), quoted(ctx));
	free(v);
}

static const char *bad_substitution(struct exp *e, const char *end)
{
	sh_err("bad substitution");
	fail(e);
	return end;
}

/* Read the operator after the name; false if there is none valid. */
static bool brace_parse_op(struct brace *b, const char **pp)
{
	const char *q = *pp;
	if (*q == ':') {
		b->colon = true;
		q++;
		if (!strchr("-=?+", *q) || !*q)
			return false;
	}
	if (!*q || !strchr("-=?+#%", *q))
		return false;
	b->op = *q++;
	if ((b->op == '#' || b->op == '%') && *q == b->op) {
		b->twice = true;
		q++;
	}
	*pp = q;
	return true;
}

/* ${...} at p (the '$'). */
static const char *do_brace(struct exp *e, const char *p, const char *end,
			    int ctx)
{
	struct brace b = {0};
	const char *q = p + 2, *close = skip_brace(q, end, ctx & C_DQ);
	bool length = false;
	size_t n;
	if (close >= end)
		return bad_substitution(e, end);
	if (*q == '#' && q + 1 < close && param_len(q + 1, close, true)) {
		length = true;
		q++;
	}
	n = param_len(q, close, true);
	if (n == 0)
		return bad_substitution(e, end);
	b.name = xstrndup(q, n);
	q += n;
	if (length && q == close)
		put_length(e, b.name, ctx);
	else if (q == close)
		put_param(e, b.name, ctx);
	else if (length || !brace_parse_op(&b, &q))
		bad_substitution(e, end);
	else {
		b.w = q;
		b.end = close;
		brace_op(e, &b, ctx);
	}
	free(b.name);
	return close + 1;
}

/* ---- command substitution and arithmetic ---- */

static void put_output(struct exp *e, struct node *tree, int ctx)
{
	char *out = cmdsub_run(tree);
	node_free(tree);
	put_value(e, out, quoted(ctx));
	free(out);
}

static const char *do_cmdsub(struct exp *e, const char *p, const char *end,
			     int ctx)
{
	struct node *tree;
	size_t used;
	if (!parse_subst_text(p + 2, (size_t)(end - p - 2), &tree, &used)) {
		fail(e);
		return end;
	}
	put_output(e, tree, ctx);
	return p + 2 + used;
}

/* `...`: inside, \$ \` \\ (and \" in double quotes) lose the '\'. */
static const char *do_backquote(struct exp *e, const char *p, const char *end,
				int ctx)
{
	const char *close = skip_bquote(p + 1, end) - 1;
	struct strbuf text = {0};
	struct node *tree;
	sb_addn(&text, "", 0);
	for (const char *s = p + 1; s < close; s++) {
		if (*s == '\\' && s + 1 < close &&
		    (strchr("$`\\", s[1]) || (s[1] == '"' && (ctx & C_DQ))))
			s++;
		sb_addc(&text, *s);
	}
	if (parse_text(text.s, text.len, &tree))
		put_output(e, tree, ctx);
	else
		fail(e);
	sb_free(&text);
	return close + 1;
}

static const char *do_arith(struct exp *e, const char *p, const char *end,
			    int ctx)
{
	const char *close = skip_arith(p + 3, end);
	char *expr = sub_string(e, p + 3, close, C_HD, false);
	char buf[NUM_BUF];
	long long v;
	if (!expr)
		return end;
	if (arith_eval(expr, &v) < 0)
		fail(e);
	else
		put_value(e, fmt_num(buf, v), quoted(ctx));
	free(expr);
	return close + 2 <= end ? close + 2 : end;
}

static const char *do_dollar(struct exp *e, const char *p, const char *end,
			     int ctx)
{
	const char *q = p + 1;
	size_t n;
	char *name;
	if (q < end && *q == '{')
		return do_brace(e, p, end, ctx);
	if (q < end && *q == '(')
		return q + 1 < end && q[1] == '(' ? do_arith(e, p, end, ctx)
						  : do_cmdsub(e, p, end, ctx);
	n = param_len(q, end, false);
	if (n == 0) {
		literal(e, '$', ctx);
		return q;
	}
	name = xstrndup(q, n);
	put_param(e, name, ctx);
	free(name);
	return q + n;
}

/* ---- quotes ---- */

static const char *do_backslash(struct exp *e, const char *p, const char *end,
				int ctx)
{
	const char *keep = (ctx & C_HD) ? "$`\\" : "$`\"\\";
	if (p + 1 >= end) {
		literal(e, '\\', ctx);
		return p + 1;
	}
	if (p[1] == '\n')
		return p + 2;
	if (quoted(ctx) && !strchr(keep, p[1])) {
		put(e, '\\', true);
		return p + 1;
	}
	put(e, p[1], true);
	return p + 2;
}

static const char *do_squote(struct exp *e, const char *p, const char *end)
{
	for (p++; p < end && *p != '\''; p++)
		put(e, *p, true);
	e->started = true;
	return p < end ? p + 1 : end;
}

/* Is the inside of the quotes at p exactly $@ or ${@}? */
static bool only_at(const char *p, const char *end)
{
	size_t n = (size_t)(end - p);
	return (n >= 3 && strncmp(p, "$@\"", 3) == 0) ||
	       (n >= 5 && strncmp(p, "${@}\"", 5) == 0);
}

static const char *do_dquote(struct exp *e, const char *p, const char *end,
			     int ctx)
{
	bool empty_ok = only_at(p + 1, end) && sh.pos.n == 0;
	for (p++; p < end && *p != '"' && !e->failed;)
		p = step(e, p, end, (ctx & ~C_SPLITLIT) | C_DQ);
	if (!empty_ok)
		e->started = true;
	return p < end ? p + 1 : end;
}

static const char *step(struct exp *e, const char *p, const char *end, int ctx)
{
	switch (*p) {
	case '\\':
		return do_backslash(e, p, end, ctx);
	case '\'':
		if (quoted(ctx))
			break;
		return do_squote(e, p, end);
	case '"':
		if (ctx & C_HD)
			break;
		return do_dquote(e, p, end, ctx);
	case '$':
		return do_dollar(e, p, end, ctx);
	case '`':
		return do_backquote(e, p, end, ctx);
	}
	literal(e, *p, ctx);
	return p + 1;
}

/* ---- the whole word ---- */

/* A leading ~ or ~/...: $HOME, quoted.  Returns where to go on. */
static const char *tilde(struct exp *e, const char *p)
{
	const char *home = var_get("HOME");
	if (p[0] != '~' || (p[1] && p[1] != '/') || !home)
		return p;
	for (; *home; home++)
		put(e, *home, true);
	e->started = true;
	return p + 1;
}

static void expand_raw(struct exp *e, const char *raw, int ctx, bool tl)
{
	const char *end = raw + strlen(raw);
	if (tl)
		raw = tilde(e, raw);
	expand_range(e, raw, end, ctx);
}

/* Pathname expansion of one field, or the field as it is. */
static void add_field(struct field *f, struct strvec *out)
{
	bool magic = false;
	char *pat;
	for (size_t i = 0; i < f->len && !magic; i++)
		magic = !f->mask[i] && strchr("*?[", f->text[i]);
	if (!magic || sh.opt_f) {
		sv_push(out, xstrdup(f->text));
		return;
	}
	pat = to_pattern(f->text, f->mask, f->len);
	if (!pattern_has_magic(pat, strlen(pat)) || !glob_expand(pat, out))
		sv_push(out, xstrdup(f->text));
	free(pat);
}

int expand_words(struct word *w, struct strvec *out)
{
	for (; w; w = w->next) {
		struct exp e = {.flags = X_SPLIT};
		expand_raw(&e, w->text, 0, true);
		if (e.failed) {
			exp_free(&e);
			return -1;
		}
		if (e.started)
			end_field(&e);
		for (size_t i = 0; i < e.nfields; i++)
			add_field(&e.fields[i], out);
		exp_free(&e);
	}
	return 0;
}

char *expand_word(const char *raw, enum expand_how how)
{
	struct exp e = {0};
	char *s;
	expand_raw(&e, raw, how == XW_HEREDOC ? C_HD : 0, how == XW_ASSIGN);
	if (e.failed) {
		exp_free(&e);
		return NULL;
	}
	if (how == XW_PATTERN)
		s = to_pattern(sb_str(&e.text), sb_str(&e.mask), e.text.len);
	else
		s = xstrdup(sb_str(&e.text));
	exp_free(&e);
	return s;
}

/* PS1 and PS2: parameter expansion as in a here-document. */
char *expand_prompt(const char *raw)
{
	return expand_word(raw, XW_HEREDOC);
}
