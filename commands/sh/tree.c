// SPDX-License-Identifier: BSD-2-Clause
/*
 * tree.c: making and freeing the nodes of a parsed command.
 *
 * A tree belongs to whoever parsed it and is freed once it has run, with
 * one exception: a function definition keeps its body.  Bodies are
 * therefore counted: node_new() starts a node at one reference, the
 * function table and each running call take another, and node_free()
 * releases the node only when the last reference goes.  Only the root of
 * a body is ever shared, so children are freed with their parent.
 */
#include <stdlib.h>

#include "sh.h"

struct node *node_new(enum node_type type)
{
	struct node *n = xmalloc(sizeof(*n));
	*n = (struct node){.type = type, .refs = 1};
	return n;
}

void words_free(struct word *w)
{
	while (w) {
		struct word *next = w->next;
		free(w->text);
		free(w);
		w = next;
	}
}

void redirs_free(struct redir *r)
{
	while (r) {
		struct redir *next = r->next;
		free(r->word);
		free(r);
		r = next;
	}
}

static void items_free(struct case_item *it)
{
	while (it) {
		struct case_item *next = it->next;
		words_free(it->patterns);
		node_free(it->body);
		free(it);
		it = next;
	}
}

void node_free(struct node *n)
{
	while (n && --n->refs == 0) {
		struct node *right = n->right;
		node_free(n->left);
		node_free(n->third);
		words_free(n->words);
		words_free(n->assigns);
		redirs_free(n->redirs);
		items_free(n->items);
		free(n->name);
		free(n);
		n = right; /* long lists: walk to the right, do not recurse */
	}
}
