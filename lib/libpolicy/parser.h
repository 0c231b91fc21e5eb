/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Inside the policy parser (include/policy.h has the interface).
 *
 * lex.c cuts the text into tokens: words (any run of printable
 * characters other than blanks, "{", "}", ";" and "#"), the three
 * punctuation marks, and the end of the text; comments and blanks go.
 * parse.c reads the block and its statements with one token of
 * look-ahead and calls, for each value, a function of isolation.c (list
 * keywords) or recovery.c (the others); value.c turns words into
 * numbers and labels.  Every function that can fail returns 0 or -1;
 * on -1, fail() has already written the message.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy.h"

enum tok_kind { TOK_END, TOK_WORD, TOK_LBRACE, TOK_RBRACE, TOK_SEMI };

struct word {
	const char *s;
	size_t len;
};

struct token {
	enum tok_kind kind;
	struct word w; /* its text ("" at the end) */
	uint32_t line;
	bool first; /* the first token of its line */
};

struct parser {
	const char *file;
	const char *at, *end; /* what is left of the text */
	uint32_t line;	      /* the line `at` is on */
	struct token tok;     /* the current token */
	struct token prev;    /* the one before it */
	char *err;
	size_t errlen;
	struct policy *pol; /* what has been read so far */
	uint32_t given;	    /* bit n: scalar keyword n was seen */
};

/* lex.c */
void lex_start(struct parser *ps, const char *text, size_t len);
int lex_next(struct parser *ps);

/* error.c: write "FILE:LINE: " and the message; return -1.  The format
 * knows %s (a C string), %u (uint32_t), %q (a struct word *, quoted and
 * cut short if long) and %t (a struct token *: %q, or "end of file"). */
int fail(struct parser *ps, uint32_t line, const char *fmt, ...);

/* value.c */
bool word_is(const struct word *w, const char *s);
bool word_split(const struct word *w, char sep, struct word *left,
		struct word *right);
int value_number(struct parser *ps, const struct token *t, const struct word *w,
		 uint32_t *v);
bool value_hex(const struct word *w, size_t max_digits, uint32_t *v);
int value_label(struct parser *ps, const struct token *t, const char *what,
		char *dst);

/* isolation.c: one value of a list keyword. */
int ipc_value(struct parser *ps, const struct token *t);
int kernel_value(struct parser *ps, const struct token *t);
int io_value(struct parser *ps, const struct token *t);
int irq_value(struct parser *ps, const struct token *t);
int memory_value(struct parser *ps, const struct token *t);
int pci_device_value(struct parser *ps, const struct token *t);
int pci_class_value(struct parser *ps, const struct token *t);

/* recovery.c: the values of a scalar keyword, t[0] onwards. */
void recovery_defaults(struct policy *p);
int heartbeat_values(struct parser *ps, const struct token *t);
int restart_values(struct parser *ps, const struct token *t);
int backoff_values(struct parser *ps, const struct token *t);
int limit_values(struct parser *ps, const struct token *t);
int script_values(struct parser *ps, const struct token *t);
int copy_values(struct parser *ps, const struct token *t);
int reset_values(struct parser *ps, const struct token *t);
int priority_values(struct parser *ps, const struct token *t);
