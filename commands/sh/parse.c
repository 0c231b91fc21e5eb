// SPDX-License-Identifier: BSD-2-Clause
/*
 * parse.c: tokens -> a tree of struct node, by recursive descent.
 *
 * The grammar, one function each:
 *
 *   line      := list (NEWLINE | EOF)
 *   list      := and_or ((';' | '&' | NEWLINE*) and_or)* [';' | '&']
 *   and_or    := pipeline (('&&' | '||') NEWLINE* pipeline)*
 *   pipeline  := ['!'] command ('|' NEWLINE* command)*
 *   command   := compound redir* | funcdef | simple
 *   compound  := if | while | until | for | case | '{' list '}'
 *              | '(' list ')'
 *   simple    := (assignment | redir)* (word | redir)*
 *
 * Newlines separate commands only inside compound commands (a "multi"
 * list); at the top the shell parses one line at a time with
 * parse_line() and runs it before it reads the next, so that a script
 * can define a function and use it on the next line, and a command
 * reading stdin sees the rest of a script that comes from stdin.
 * parse_line() therefore never looks past the newline that ends it.
 *
 * Reserved words are recognised only where a command may start, and
 * only when unquoted (the raw text is exactly the word).
 *
 * On a syntax error the parser prints "sh: line N: syntax error near
 * 'TOKEN'" once, sets p->error and returns NULL; every function frees
 * what it built so far.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

static struct node *parse_list(struct parser *p, bool multi);
static struct node *parse_command(struct parser *p);

static struct token *peek(struct parser *p)
{
	if (!p->have_tok) {
		lex_next(p, &p->tok);
		p->have_tok = true;
	}
	return &p->tok;
}

static void advance(struct parser *p)
{
	free(p->tok.text);
	p->tok.text = NULL;
	p->have_tok = false;
}

static char *take_text(struct parser *p)
{
	char *s = p->tok.text;
	p->tok.text = NULL;
	p->have_tok = false;
	return s;
}

/* Report a syntax error at the lookahead token (once). */
static bool fail(struct parser *p)
{
	struct token *t = peek(p);
	if (!p->error && t->type != T_ERR)
		sh_err("line %d: syntax error near '%s'", t->line, tok_name(t));
	p->error = true;
	return false;
}

static bool is_kw(struct parser *p, const char *kw)
{
	struct token *t = peek(p);
	return t->type == T_WORD && strcmp(t->text, kw) == 0;
}

static bool expect_kw(struct parser *p, const char *kw)
{
	if (!is_kw(p, kw))
		return fail(p);
	advance(p);
	return true;
}

static bool expect(struct parser *p, enum tok type)
{
	if (peek(p)->type != type)
		return fail(p);
	advance(p);
	return true;
}

static void skip_newlines(struct parser *p)
{
	while (peek(p)->type == T_NL)
		advance(p);
}

static bool is_redir_op(enum tok t)
{
	return t >= T_LESS && t <= T_CLOBBER;
}

/* Can the lookahead start a command (and so continue a list)? */
static bool starts_command(struct parser *p)
{
	static const char *const ends[] = {"then", "else", "elif", "fi",
					   "do",   "done", "esac", "}"};
	struct token *t = peek(p);
	if (t->type == T_WORD) {
		for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
			if (strcmp(t->text, ends[i]) == 0)
				return false;
		return true;
	}
	return t->type == T_IONUM || t->type == T_LPAR || is_redir_op(t->type);
}

static struct node *pair(enum node_type type, struct node *l, struct node *r)
{
	struct node *n = node_new(type);
	n->left = l;
	n->right = r;
	return n;
}

static struct word *new_word(char *text)
{
	struct word *w = xmalloc(sizeof(*w));
	w->next = NULL;
	w->text = text;
	return w;
}

/* A list that must not be empty (the body of if, while, { }, ...). */
static struct node *need_list(struct parser *p)
{
	struct node *n = parse_list(p, true);
	if (!n && !p->error)
		fail(p);
	return n;
}

static enum redir_type redir_type_of(enum tok t)
{
	switch (t) {
	case T_LESS:
		return R_IN;
	case T_DGREAT:
		return R_APPEND;
	case T_CLOBBER:
		return R_CLOBBER;
	case T_LESSGREAT:
		return R_RDWR;
	case T_LESSAND:
		return R_DUPIN;
	case T_GREATAND:
		return R_DUPOUT;
	case T_DLESS:
	case T_DLESSDASH:
		return R_HEREDOC;
	default:
		return R_OUT;
	}
}

static void queue_heredoc(struct parser *p, struct redir *r)
{
	char *raw = r->word;
	r->word = lex_unquote(raw, &r->quoted);
	free(raw);
	if (p->hd_last)
		p->hd_last->next_hd = r;
	else
		p->hd_first = r;
	p->hd_last = r;
}

/* redir := [IO_NUMBER] op WORD; appended at *tail. */
static bool parse_redir(struct parser *p, struct redir ***tail)
{
	struct token *t = peek(p);
	struct redir *r;
	long fd = -1;
	enum tok op;
	if (t->type == T_IONUM) {
		fd = strtol(t->text, NULL, 10);
		advance(p);
		if (!is_redir_op(peek(p)->type))
			return fail(p);
	}
	op = peek(p)->type;
	advance(p);
	if (peek(p)->type != T_WORD)
		return fail(p);
	r = xmalloc(sizeof(*r));
	*r = (struct redir){.type = redir_type_of(op)};
	r->strip_tabs = op == T_DLESSDASH;
	r->word = take_text(p);
	if (fd < 0)
		fd = (op == T_LESS || op == T_LESSAND || op == T_LESSGREAT ||
		      r->type == R_HEREDOC)
			     ? 0
			     : 1;
	r->fd = fd > INT_MAX ? INT_MAX : (int)fd;
	**tail = r;
	*tail = &r->next;
	if (r->type == R_HEREDOC)
		queue_heredoc(p, r);
	return true;
}

/* Redirections after a compound command. */
static struct node *compound_redirs(struct parser *p, struct node *n)
{
	struct redir **tail = &n->redirs;
	while (n && (is_redir_op(peek(p)->type) || peek(p)->type == T_IONUM)) {
		if (!parse_redir(p, &tail)) {
			node_free(n);
			return NULL;
		}
	}
	return n;
}

/* do_group := 'do' list 'done' */
static struct node *parse_do_group(struct parser *p)
{
	struct node *body;
	if (!expect_kw(p, "do"))
		return NULL;
	body = need_list(p);
	if (body && !expect_kw(p, "done")) {
		node_free(body);
		return NULL;
	}
	return body;
}

/* if := 'if' list 'then' list ('elif' ... | 'else' list)? 'fi' */
static struct node *parse_if(struct parser *p)
{
	struct node *n = node_new(N_IF);
	advance(p);
	if (!(n->left = need_list(p)) || !expect_kw(p, "then") ||
	    !(n->right = need_list(p)))
		goto fail;
	if (is_kw(p, "elif")) {
		if (!(n->third = parse_if(p)))
			goto fail;
		return n;
	}
	if (is_kw(p, "else")) {
		advance(p);
		if (!(n->third = need_list(p)))
			goto fail;
	}
	if (expect_kw(p, "fi"))
		return n;
fail:
	node_free(n);
	return NULL;
}

static struct node *parse_while(struct parser *p, enum node_type type)
{
	struct node *n = node_new(type);
	advance(p);
	if ((n->left = need_list(p)) && (n->right = parse_do_group(p)))
		return n;
	node_free(n);
	return NULL;
}

/* The words after "for NAME in", up to ';' or a newline. */
static bool parse_for_words(struct parser *p, struct node *n)
{
	struct word **tail = &n->words;
	advance(p);
	n->has_in = true;
	while (peek(p)->type == T_WORD) {
		*tail = new_word(take_text(p));
		tail = &(*tail)->next;
	}
	if (peek(p)->type != T_SEMI && peek(p)->type != T_NL)
		return fail(p);
	advance(p);
	return true;
}

/* for := 'for' NAME [NEWLINE* 'in' word* (';'|NEWLINE)] NEWLINE* do_group */
static struct node *parse_for(struct parser *p)
{
	struct node *n = node_new(N_FOR);
	advance(p);
	if (peek(p)->type != T_WORD || !is_name(peek(p)->text)) {
		fail(p);
		goto fail;
	}
	n->name = take_text(p);
	skip_newlines(p);
	if (is_kw(p, "in")) {
		if (!parse_for_words(p, n))
			goto fail;
	} else if (peek(p)->type == T_SEMI) {
		advance(p);
	}
	skip_newlines(p);
	if ((n->right = parse_do_group(p)))
		return n;
fail:
	node_free(n);
	return NULL;
}

/* item := ['('] word ('|' word)* ')' list */
static struct case_item *parse_case_item(struct parser *p)
{
	struct case_item *it = xmalloc(sizeof(*it));
	struct word **tail = &it->patterns;
	*it = (struct case_item){0};
	if (peek(p)->type == T_LPAR)
		advance(p);
	for (;;) {
		if (peek(p)->type != T_WORD) {
			fail(p);
			goto fail;
		}
		*tail = new_word(take_text(p));
		tail = &(*tail)->next;
		if (peek(p)->type != T_PIPE)
			break;
		advance(p);
	}
	if (!expect(p, T_RPAR))
		goto fail;
	it->body = parse_list(p, true);
	if (!p->error)
		return it;
fail:
	words_free(it->patterns);
	node_free(it->body);
	free(it);
	return NULL;
}

static bool parse_case_items(struct parser *p, struct node *n)
{
	struct case_item **tail = &n->items;
	while (!is_kw(p, "esac")) {
		struct case_item *it = parse_case_item(p);
		if (!it)
			return false;
		*tail = it;
		tail = &it->next;
		if (peek(p)->type != T_DSEMI)
			break;
		advance(p);
		skip_newlines(p);
	}
	return expect_kw(p, "esac");
}

/* case := 'case' WORD NEWLINE* 'in' NEWLINE* item* 'esac' */
static struct node *parse_case(struct parser *p)
{
	struct node *n = node_new(N_CASE);
	advance(p);
	if (peek(p)->type != T_WORD) {
		fail(p);
		goto fail;
	}
	n->words = new_word(take_text(p));
	skip_newlines(p);
	if (!expect_kw(p, "in"))
		goto fail;
	skip_newlines(p);
	if (parse_case_items(p, n))
		return n;
fail:
	node_free(n);
	return NULL;
}

/* '{' list '}' and '(' list ')' */
static struct node *parse_group(struct parser *p, bool subshell)
{
	struct node *n = node_new(subshell ? N_SUBSHELL : N_GROUP);
	advance(p);
	if ((n->left = need_list(p)) &&
	    (subshell ? expect(p, T_RPAR) : expect_kw(p, "}")))
		return n;
	node_free(n);
	return NULL;
}

/* The compound command at the lookahead, or NULL if there is none. */
static struct node *parse_compound(struct parser *p, bool *found)
{
	*found = true;
	if (peek(p)->type == T_LPAR)
		return parse_group(p, true);
	if (is_kw(p, "{"))
		return parse_group(p, false);
	if (is_kw(p, "if"))
		return parse_if(p);
	if (is_kw(p, "while"))
		return parse_while(p, N_WHILE);
	if (is_kw(p, "until"))
		return parse_while(p, N_UNTIL);
	if (is_kw(p, "for"))
		return parse_for(p);
	if (is_kw(p, "case"))
		return parse_case(p);
	*found = false;
	return NULL;
}

/* funcdef := NAME '(' ')' NEWLINE* compound redir* (NAME read already) */
static struct node *parse_funcdef(struct parser *p, struct node *cmd)
{
	struct node *n = node_new(N_FUNC);
	bool found;
	n->name = cmd->words->text;
	cmd->words->text = NULL;
	node_free(cmd);
	advance(p);
	if (!expect(p, T_RPAR))
		goto fail;
	skip_newlines(p);
	n->left = compound_redirs(p, parse_compound(p, &found));
	if (!found)
		fail(p);
	if (n->left)
		return n;
fail:
	node_free(n);
	return NULL;
}

static bool is_assignment(const char *s)
{
	size_t n = name_len(s);
	return n > 0 && s[n] == '=';
}

static struct node *parse_simple(struct parser *p)
{
	struct node *n = node_new(N_CMD);
	struct word **wt = &n->words, **at = &n->assigns;
	struct redir **rt = &n->redirs;
	for (;;) {
		struct token *t = peek(p);
		if (t->type == T_IONUM || is_redir_op(t->type)) {
			if (!parse_redir(p, &rt))
				goto fail;
			continue;
		}
		if (t->type != T_WORD)
			break;
		if (!n->words && is_assignment(t->text)) {
			*at = new_word(take_text(p));
			at = &(*at)->next;
			continue;
		}
		*wt = new_word(take_text(p));
		wt = &(*wt)->next;
		if (n->words->next || peek(p)->type != T_LPAR)
			continue;
		if (!n->assigns && !n->redirs && is_name(n->words->text))
			return parse_funcdef(p, n);
		fail(p);
		goto fail;
	}
	if (n->words || n->assigns || n->redirs)
		return n;
	fail(p);
fail:
	node_free(n);
	return NULL;
}

static struct node *parse_command(struct parser *p)
{
	bool found;
	struct node *n = parse_compound(p, &found);
	if (found)
		return compound_redirs(p, n);
	return parse_simple(p);
}

/* pipeline := ['!'] command ('|' NEWLINE* command)* */
static struct node *parse_pipeline(struct parser *p)
{
	bool negate = is_kw(p, "!");
	struct node *n, **tail;
	if (negate)
		advance(p);
	n = parse_command(p);
	tail = &n;
	while (*tail && peek(p)->type == T_PIPE) {
		struct node *next;
		advance(p);
		skip_newlines(p);
		if (!(next = parse_command(p))) {
			node_free(n);
			return NULL;
		}
		*tail = pair(N_PIPE, *tail, next);
		tail = &(*tail)->right;
	}
	return negate && n ? pair(N_NOT, n, NULL) : n;
}

/* and_or := pipeline (('&&' | '||') NEWLINE* pipeline)* */
static struct node *parse_and_or(struct parser *p)
{
	struct node *n = parse_pipeline(p);
	while (n) {
		enum tok t = peek(p)->type;
		struct node *r;
		if (t != T_ANDAND && t != T_OROR)
			break;
		advance(p);
		skip_newlines(p);
		if (!(r = parse_pipeline(p))) {
			node_free(n);
			return NULL;
		}
		n = pair(t == T_ANDAND ? N_AND : N_OR, n, r);
	}
	return n;
}

/* Append n to the list at *tail (a chain of N_SEQ to the right). */
static struct node **list_append(struct node **tail, struct node *n)
{
	if (!*tail) {
		*tail = n;
		return tail;
	}
	*tail = pair(N_SEQ, *tail, n);
	return &(*tail)->right;
}

static struct node *parse_list(struct parser *p, bool multi)
{
	struct node *list = NULL, **tail = &list;
	for (;;) {
		struct node *n;
		enum tok t;
		if (multi)
			skip_newlines(p);
		if (p->error || !starts_command(p))
			break;
		if (!(n = parse_and_or(p)))
			break;
		t = peek(p)->type;
		if (t == T_AMP)
			n = pair(N_BG, n, NULL);
		tail = list_append(tail, n);
		if (t != T_AMP && t != T_SEMI && !(multi && t == T_NL))
			break;
		advance(p);
	}
	if (!p->error)
		return list;
	node_free(list);
	return NULL;
}

/*
 * One complete command, up to and including its newline.  NULL with
 * neither p->eof nor p->error set means an empty line.
 */
struct node *parse_line(struct parser *p)
{
	struct node *n;
	p->error = false;
	p->hd_first = p->hd_last = NULL;
	if (peek(p)->type == T_EOF) {
		p->eof = true;
		return NULL;
	}
	n = parse_list(p, false);
	if (!p->error && peek(p)->type != T_NL && peek(p)->type != T_EOF)
		fail(p);
	if (p->error) {
		node_free(n);
		p->hd_first = p->hd_last = NULL;
		advance(p);
		return NULL;
	}
	if (peek(p)->type == T_NL)
		advance(p);
	return n;
}

void parse_done(struct parser *p)
{
	if (p->have_tok)
		advance(p);
}

/* The list inside $(...) ends at its ')'; *tree may be NULL (empty). */
static bool parse_subst(struct parser *p, struct node **tree)
{
	struct node *n = parse_list(p, true);
	bool ok = !p->error && peek(p)->type == T_RPAR && !p->hd_first;
	if (!ok && !p->error)
		fail(p);
	parse_done(p);
	if (ok && tree)
		*tree = n;
	else
		node_free(n);
	return ok;
}

/* For the lexer: read and check $(...) from in, the "$(" already read. */
bool parse_subst_check(struct input *in)
{
	struct parser sub = {.in = in};
	return parse_subst(&sub, NULL);
}

/* For expansion: parse the text after "$(" ; *used counts up to ')'. */
bool parse_subst_text(const char *s, size_t n, struct node **tree, size_t *used)
{
	struct input *in = in_string(s, n);
	struct parser sub = {.in = in};
	bool ok;
	if (tree)
		*tree = NULL;
	ok = parse_subst(&sub, tree);
	*used = in_used(in);
	in_free(in);
	return ok;
}

/* The whole of s as one tree (the inside of `...`). */
bool parse_text(const char *s, size_t n, struct node **tree)
{
	struct input *in = in_string(s, n);
	struct parser p = {.in = in};
	struct node *t = parse_list(&p, true);
	bool ok = !p.error && peek(&p)->type == T_EOF;
	if (!ok && !p.error)
		fail(&p);
	parse_done(&p);
	in_free(in);
	*tree = ok ? t : NULL;
	if (!ok)
		node_free(t);
	return ok;
}
