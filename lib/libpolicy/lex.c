// SPDX-License-Identifier: BSD-2-Clause
/*
 * The policy tokenizer.  lex_next() moves ps->tok to ps->prev and reads
 * the next token into ps->tok, skipping blanks and comments ("#" to the
 * end of the line, any bytes).  Outside comments only printable ASCII
 * and blanks may appear.  A token knows its line and whether it is the
 * first on that line: parse.c uses that to tell a forgotten ";" from a
 * list running over several lines.  At the end of the text the token is
 * TOK_END, on the file's last line.
 */
#include "parser.h"

void lex_start(struct parser *ps, const char *text, size_t len)
{
	ps->at = text;
	ps->end = text + len;
	ps->line = 1;
	ps->tok = (struct token){.kind = TOK_END, .w = {"", 0}}; /* line 0 */
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

static bool is_word_char(char c)
{
	return c > ' ' && c < 0x7f && c != '{' && c != '}' && c != ';' &&
	       c != '#';
}

/* Skip blanks and comments; true if a line ended on the way. */
static bool skip(struct parser *ps)
{
	bool newline = false;
	while (ps->at < ps->end) {
		char c = *ps->at;
		if (c == '#') {
			while (ps->at < ps->end && *ps->at != '\n')
				ps->at++;
		} else if (is_blank(c)) {
			if (c == '\n') {
				ps->line++;
				newline = true;
			}
			ps->at++;
		} else {
			break;
		}
	}
	return newline;
}

static enum tok_kind punct(char c)
{
	return c == '{' ? TOK_LBRACE : c == '}' ? TOK_RBRACE : TOK_SEMI;
}

int lex_next(struct parser *ps)
{
	bool first = skip(ps) || ps->tok.line == 0;
	ps->prev = ps->tok;
	struct token *t = &ps->tok;
	*t = (struct token){.line = ps->line, .first = first};
	t->w.s = ps->at;
	if (ps->at == ps->end) {
		t->kind = TOK_END;
		if (ps->line > 1 && ps->at[-1] == '\n')
			t->line--; /* the end of the last line, not after it */
		return 0;
	}
	char c = *ps->at;
	if (c == '{' || c == '}' || c == ';') {
		t->kind = punct(c);
		t->w.len = 1;
		ps->at++;
		return 0;
	}
	if (!is_word_char(c))
		return fail(ps, ps->line, "bad character (byte %x)",
			    (uint32_t)(unsigned char)c);
	t->kind = TOK_WORD;
	while (ps->at < ps->end && is_word_char(*ps->at))
		ps->at++;
	t->w.len = (size_t)(ps->at - t->w.s);
	return 0;
}
