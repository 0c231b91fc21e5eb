// SPDX-License-Identifier: BSD-2-Clause
/*
 * lex.c: bytes -> tokens.
 *
 * lex_next() skips blanks, comments and backslash-newline pairs and
 * returns one token: an operator (; ;; & && | || ( ) < > << <<- >> <& >&
 * <> >|), a newline, end of file, an IO number (digits right before < or
 * >), or a word.
 *
 * A word keeps its quoting: its text is the "raw" source (quotes,
 * backslashes, $... and `...` included), minus backslash-newline pairs
 * outside single quotes.  expand.c gives the raw text its meaning later.
 * The lexer only has to find where the word ends, which means following
 * quotes and the nesting of ${...}, $((...)), `...` and $(...).  For
 * $(...) it runs the parser itself (parse_subst_check()) so that a
 * `case` pattern's ")" inside does not end the substitution early; the
 * input's capture copies the bytes the parser reads into the word.
 *
 * Reserved words (if, then, {, ...) are ordinary words here; the parser
 * recognises them where the grammar allows one.
 *
 * Here-documents: the parser queues each "<<" redirection on the parser
 * (p->hd_first); when the lexer reads the next newline it reads the
 * bodies, one after the other, and stores each in its redirection.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

static bool read_squote(struct parser *p, struct strbuf *sb);
static bool read_dquote(struct parser *p, struct strbuf *sb);
static bool read_backquote(struct parser *p, struct strbuf *sb);
static bool read_dollar(struct parser *p, struct strbuf *sb, bool dq);

static bool lex_fail(struct parser *p, const char *what)
{
	if (!p->error && !p->in->interrupted)
		sh_err("line %d: syntax error: %s", p->in->line, what);
	p->error = true;
	return false;
}

static bool is_meta(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' ||
	       c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
}

/* After a backslash: keep "\c", drop a backslash-newline pair. */
static void read_escape(struct parser *p, struct strbuf *sb)
{
	int c = in_getc(p->in);
	if (c == '\n')
		return;
	sb_addc(sb, '\\');
	if (c >= 0)
		sb_addc(sb, (char)c);
	else
		in_ungetc(p->in, c);
}

static bool read_squote(struct parser *p, struct strbuf *sb)
{
	for (;;) {
		int c = in_getc(p->in);
		if (c < 0)
			return lex_fail(p, "unterminated quoted string");
		sb_addc(sb, (char)c);
		if (c == '\'')
			return true;
	}
}

static bool read_dquote(struct parser *p, struct strbuf *sb)
{
	for (;;) {
		int c = in_getc(p->in);
		if (c < 0)
			return lex_fail(p, "unterminated quoted string");
		if (c == '\\') {
			read_escape(p, sb);
			continue;
		}
		sb_addc(sb, (char)c);
		if (c == '"')
			return true;
		if (c == '$' && !read_dollar(p, sb, true))
			return false;
		if (c == '`' && !read_backquote(p, sb))
			return false;
	}
}

static bool read_backquote(struct parser *p, struct strbuf *sb)
{
	for (;;) {
		int c = in_getc(p->in);
		if (c < 0)
			return lex_fail(p, "unterminated `");
		if (c == '\\') {
			read_escape(p, sb);
			continue;
		}
		sb_addc(sb, (char)c);
		if (c == '`')
			return true;
	}
}

/* The inside of ${...}; in double quotes a ' is an ordinary byte. */
static bool read_brace(struct parser *p, struct strbuf *sb, bool dq)
{
	for (;;) {
		int c = in_getc(p->in);
		bool ok = true;
		if (c < 0)
			return lex_fail(p, "missing '}'");
		if (c == '\\') {
			read_escape(p, sb);
			continue;
		}
		sb_addc(sb, (char)c);
		if (c == '}')
			return true;
		if (c == '\'' && !dq)
			ok = read_squote(p, sb);
		else if (c == '"')
			ok = read_dquote(p, sb);
		else if (c == '$')
			ok = read_dollar(p, sb, dq);
		else if (c == '`')
			ok = read_backquote(p, sb);
		if (!ok)
			return false;
	}
}

/* The inside of $((...)), up to the "))" that closes it. */
static bool read_arith(struct parser *p, struct strbuf *sb)
{
	int depth = 0;
	for (;;) {
		int c = in_getc(p->in);
		bool ok = true;
		if (c < 0)
			return lex_fail(p, "missing '))'");
		if (c == '\\') {
			read_escape(p, sb);
			continue;
		}
		sb_addc(sb, (char)c);
		if (c == '(') {
			depth++;
		} else if (c == ')' && depth > 0) {
			depth--;
		} else if (c == ')') {
			if (in_getc(p->in) != ')')
				return lex_fail(p, "missing '))'");
			sb_addc(sb, ')');
			return true;
		} else if (c == '$') {
			ok = read_dollar(p, sb, true);
		} else if (c == '`') {
			ok = read_backquote(p, sb);
		} else if (c == '"') {
			ok = read_dquote(p, sb);
		} else if (c == '\'') {
			ok = read_squote(p, sb);
		}
		if (!ok)
			return false;
	}
}

/* The inside of $(...): let the parser read it, copying it into sb. */
static bool read_cmdsub(struct parser *p, struct strbuf *sb)
{
	struct input *in = p->in;
	struct strbuf *outer = in->capture;
	bool ok;
	if (!outer)
		in->capture = sb;
	ok = parse_subst_check(in);
	in->capture = outer;
	if (!ok)
		p->error = true;
	return ok;
}

/* After a '$' (already in sb): follow ${, $(( and $( to their ends. */
static bool read_dollar(struct parser *p, struct strbuf *sb, bool dq)
{
	int c = in_getc(p->in);
	if (c == '{') {
		sb_addc(sb, '{');
		return read_brace(p, sb, dq);
	}
	if (c != '(') {
		in_ungetc(p->in, c);
		return true;
	}
	sb_addc(sb, '(');
	c = in_getc(p->in);
	if (c == '(') {
		sb_addc(sb, '(');
		return read_arith(p, sb);
	}
	in_ungetc(p->in, c);
	return read_cmdsub(p, sb);
}

static bool read_word(struct parser *p, struct strbuf *sb)
{
	for (;;) {
		int c = in_getc(p->in);
		bool ok = true;
		if (c == IN_INTR)
			return lex_fail(p, "interrupted");
		if (c < 0)
			return true;
		if (is_meta(c)) {
			in_ungetc(p->in, c);
			return true;
		}
		if (c == '\\') {
			read_escape(p, sb);
			continue;
		}
		sb_addc(sb, (char)c);
		if (c == '\'')
			ok = read_squote(p, sb);
		else if (c == '"')
			ok = read_dquote(p, sb);
		else if (c == '$')
			ok = read_dollar(p, sb, false);
		else if (c == '`')
			ok = read_backquote(p, sb);
		if (!ok)
			return false;
	}
}

/* Read one here-document body up to its delimiter line. */
static void read_body(struct parser *p, struct redir *r)
{
	struct strbuf body = {0}, line = {0};
	for (;;) {
		int c;
		const char *l;
		line.len = 0;
		sb_addn(&line, "", 0);
		while ((c = in_getc(p->in)) >= 0 && c != '\n')
			sb_addc(&line, (char)c);
		l = line.s;
		while (r->strip_tabs && *l == '\t')
			l++;
		if (strcmp(l, r->word) == 0 || (c < 0 && line.len == 0))
			break;
		sb_adds(&body, l);
		sb_addc(&body, '\n');
		if (c < 0)
			break;
	}
	sb_free(&line);
	free(r->word);
	r->word = sb_take(&body);
}

static void read_heredocs(struct parser *p)
{
	struct redir *r = p->hd_first;
	p->hd_first = p->hd_last = NULL;
	for (; r; r = r->next_hd)
		read_body(p, r);
}

/* Consume the next byte if it is `want`. */
static bool follow(struct parser *p, int want)
{
	int c = in_getc(p->in);
	if (c == want)
		return true;
	in_ungetc(p->in, c);
	return false;
}

static enum tok lex_less(struct parser *p)
{
	if (follow(p, '<'))
		return follow(p, '-') ? T_DLESSDASH : T_DLESS;
	if (follow(p, '&'))
		return T_LESSAND;
	if (follow(p, '>'))
		return T_LESSGREAT;
	return T_LESS;
}

static enum tok lex_great(struct parser *p)
{
	if (follow(p, '>'))
		return T_DGREAT;
	if (follow(p, '&'))
		return T_GREATAND;
	if (follow(p, '|'))
		return T_CLOBBER;
	return T_GREAT;
}

/* The operator starting with c, or T_WORD if c starts no operator. */
static enum tok lex_operator(struct parser *p, int c)
{
	switch (c) {
	case ';':
		return follow(p, ';') ? T_DSEMI : T_SEMI;
	case '&':
		return follow(p, '&') ? T_ANDAND : T_AMP;
	case '|':
		return follow(p, '|') ? T_OROR : T_PIPE;
	case '(':
		return T_LPAR;
	case ')':
		return T_RPAR;
	case '<':
		return lex_less(p);
	case '>':
		return lex_great(p);
	default:
		return T_WORD;
	}
}

/* The first byte of the next token, after blanks and continuations. */
static int skip_blanks(struct parser *p)
{
	for (;;) {
		int c = in_getc(p->in);
		if (c == ' ' || c == '\t')
			continue;
		if (c == '\\') {
			int c2 = in_getc(p->in);
			if (c2 == '\n')
				continue;
			in_ungetc(p->in, c2);
		}
		if (c == '#') {
			while ((c = in_getc(p->in)) >= 0 && c != '\n')
				;
		}
		return c;
	}
}

static void lex_word(struct parser *p, struct token *t, int c)
{
	struct strbuf sb = {0};
	size_t i;
	in_ungetc(p->in, c);
	if (!read_word(p, &sb)) {
		sb_free(&sb);
		t->type = T_ERR;
		return;
	}
	t->type = T_WORD;
	t->text = sb_take(&sb);
	for (i = 0; isdigit((unsigned char)t->text[i]); i++)
		;
	if (i > 0 && t->text[i] == '\0') {
		c = in_getc(p->in);
		if (c == '<' || c == '>')
			t->type = T_IONUM;
		in_ungetc(p->in, c);
	}
}

void lex_next(struct parser *p, struct token *t)
{
	int c = skip_blanks(p);
	*t = (struct token){.type = T_EOF, .line = p->in->line};
	if (c == IN_INTR) {
		t->type = T_ERR;
		p->error = true;
	} else if (c < 0) {
		read_heredocs(p);
	} else if (c == '\n') {
		t->type = T_NL;
		t->line--;
		read_heredocs(p);
	} else if ((t->type = lex_operator(p, c)) == T_WORD) {
		lex_word(p, t, c);
	}
}

/* How a token is named in a syntax error message. */
const char *tok_name(const struct token *t)
{
	static const char *const names[] = {
		[T_EOF] = "end of file", [T_ERR] = "error",
		[T_NL] = "newline",	 [T_SEMI] = ";",
		[T_DSEMI] = ";;",	 [T_AMP] = "&",
		[T_ANDAND] = "&&",	 [T_PIPE] = "|",
		[T_OROR] = "||",	 [T_LPAR] = "(",
		[T_RPAR] = ")",		 [T_LESS] = "<",
		[T_GREAT] = ">",	 [T_DLESS] = "<<",
		[T_DLESSDASH] = "<<-",	 [T_DGREAT] = ">>",
		[T_LESSAND] = "<&",	 [T_GREATAND] = ">&",
		[T_LESSGREAT] = "<>",	 [T_CLOBBER] = ">|",
	};
	if (t->type == T_WORD || t->type == T_IONUM)
		return t->text;
	return names[t->type];
}

/* Quote removal without expansion, for a here-document delimiter. */
char *lex_unquote(const char *raw, bool *quoted)
{
	struct strbuf sb = {0};
	char q = 0;
	*quoted = false;
	sb_addn(&sb, "", 0);
	for (const char *s = raw; *s; s++) {
		if (*s == '\\' && s[1] &&
		    (!q || (q == '"' && strchr("$`\"\\", s[1])))) {
			*quoted = true;
			sb_addc(&sb, *++s);
		} else if ((*s == '\'' || *s == '"') && (!q || q == *s)) {
			*quoted = true;
			q = q ? 0 : *s;
		} else {
			sb_addc(&sb, *s);
		}
	}
	return sb_take(&sb);
}
