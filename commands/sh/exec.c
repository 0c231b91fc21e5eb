// SPDX-License-Identifier: BSD-2-Clause
/*
 * exec.c: running a parsed tree.
 *
 * exec_node() runs one node and returns its exit status, which it also
 * stores in sh.status ($?).  The flags say how the caller will use it:
 *
 *   EV_EXIT    this process ends after the node (a forked child), so a
 *              simple command can execve without forking again;
 *   EV_TESTED  the status is tested (if/while conditions, the left of
 *              && and ||, after !), so set -e must not end the shell.
 *
 * break, continue, return and an interactive ^C do not unwind the C
 * stack by force: they set sh.skip, every node returns at once while it
 * is set, and the loop, function or "." that the jump is for clears it.
 * While sh.skip is set, $? keeps the value the jumping command gave it.
 *
 * Pending traps run after each node, when the shell is between commands.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* After the body or condition of a loop: leave the loop? */
static bool loop_stop(void)
{
	if (sh.skip == SKIP_BREAK || sh.skip == SKIP_CONTINUE) {
		bool is_break = sh.skip == SKIP_BREAK;
		if (--sh.skip_n > 0)
			return true;
		sh.skip = SKIP_NONE;
		return is_break;
	}
	return sh.skip != SKIP_NONE;
}

static int exec_seq(struct node *n, int flags)
{
	while (n->type == N_SEQ && !sh.skip) {
		exec_node(n->left, flags & ~EV_EXIT);
		n = n->right;
	}
	return exec_node(n, flags);
}

static int exec_and_or(struct node *n, int flags)
{
	int st = exec_node(n->left, (flags & ~EV_EXIT) | EV_TESTED);
	if (sh.skip || (st == 0) != (n->type == N_AND))
		return st;
	return exec_node(n->right, flags);
}

static int exec_background(struct node *n)
{
	pid_t pid = sh_fork(FORK_BG);
	if (pid < 0)
		return 2;
	if (pid == 0)
		sh_exit(exec_node(n->left, EV_EXIT));
	job_add(pid);
	sh.last_bg = pid;
	return 0;
}

static int exec_subshell(struct node *n, int flags)
{
	pid_t pid;
	if (flags & EV_EXIT)
		return exec_node(n->left, flags);
	pid = sh_fork(FORK_FG);
	if (pid < 0)
		return 2;
	if (pid == 0)
		sh_exit(exec_node(n->left, EV_EXIT | (flags & EV_TESTED)));
	return wait_child(pid);
}

/* Start one command of a pipeline with its stdin and stdout. */
static pid_t pipe_child(struct node *cmd, int in, int out, int spare)
{
	pid_t pid = sh_fork(FORK_FG);
	if (pid != 0)
		return pid;
	if (spare >= 0)
		close(spare);
	if (in >= 0 && in != 0) {
		dup2(in, 0);
		close(in);
	}
	if (out >= 0 && out != 1) {
		dup2(out, 1);
		close(out);
	}
	sh_exit(exec_node(cmd, EV_EXIT));
}

static int exec_pipeline(struct node *n)
{
	pid_t *pids = NULL;
	size_t np = 0;
	int in = -1, st;
	for (;;) {
		struct node *cmd = n->type == N_PIPE ? n->left : n;
		int fds[2] = {-1, -1};
		pid_t pid;
		if (n->type == N_PIPE && pipe(fds) < 0) {
			sh_err("pipe: %s", strerror(errno));
			break;
		}
		pid = pipe_child(cmd, in, fds[1], fds[0]);
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
		if (pid < 0)
			break;
		pids = xrealloc(pids, (np + 1) * sizeof(*pids));
		pids[np++] = pid;
		if (n->type != N_PIPE)
			break;
		n = n->right;
	}
	if (in >= 0)
		close(in);
	st = wait_pipeline(pids, np);
	free(pids);
	return n->type == N_PIPE ? 2 : st;
}

static int exec_if(struct node *n, int flags)
{
	int st = exec_node(n->left, (flags & ~EV_EXIT) | EV_TESTED);
	if (sh.skip)
		return st;
	if (st == 0)
		return exec_node(n->right, flags);
	return n->third ? exec_node(n->third, flags) : 0;
}

static int exec_loop(struct node *n, int flags)
{
	int st = 0;
	sh.loop_depth++;
	for (;;) {
		int cond = exec_node(n->left, (flags & ~EV_EXIT) | EV_TESTED);
		if (loop_stop() || (cond == 0) != (n->type == N_WHILE))
			break;
		st = exec_node(n->right, flags & ~EV_EXIT);
		if (loop_stop())
			break;
	}
	sh.loop_depth--;
	return st;
}

static int exec_for(struct node *n, int flags)
{
	struct strvec list = {0};
	int st = 0;
	if (!n->has_in) {
		for (int i = 0; i < sh.pos.n; i++)
			sv_push(&list, xstrdup(sh.pos.v[i]));
	} else if (expand_words(n->words, &list) < 0) {
		sv_free(&list);
		return expand_failed();
	}
	sh.loop_depth++;
	for (size_t i = 0; i < list.n; i++) {
		if (var_set(n->name, list.v[i], 0) < 0) {
			st = 1;
			break;
		}
		st = exec_node(n->right, flags & ~EV_EXIT);
		if (loop_stop())
			break;
	}
	sh.loop_depth--;
	sv_free(&list);
	return st;
}

/* Does one of the item's patterns match word?  -1: expansion failed. */
static int item_matches(struct case_item *it, const char *word)
{
	for (struct word *w = it->patterns; w; w = w->next) {
		char *pat = expand_word(w->text, XW_PATTERN);
		bool hit;
		if (!pat)
			return -1;
		hit = pattern_match(pat, word, strlen(word));
		free(pat);
		if (hit)
			return 1;
	}
	return 0;
}

static int exec_case(struct node *n, int flags)
{
	char *word = expand_word(n->words->text, XW_ASSIGN);
	int st = 0;
	if (!word)
		return expand_failed();
	for (struct case_item *it = n->items; it; it = it->next) {
		int hit = item_matches(it, word);
		if (hit < 0)
			st = expand_failed();
		else if (hit && it->body)
			st = exec_node(it->body, flags);
		if (hit)
			break;
	}
	free(word);
	return st;
}

static int dispatch(struct node *n, int flags)
{
	switch (n->type) {
	case N_CMD:
		return exec_simple(n, flags);
	case N_PIPE:
		return exec_pipeline(n);
	case N_AND:
	case N_OR:
		return exec_and_or(n, flags);
	case N_SEQ:
		return exec_seq(n, flags);
	case N_BG:
		return exec_background(n);
	case N_NOT:
		return !exec_node(n->left, (flags & ~EV_EXIT) | EV_TESTED);
	case N_SUBSHELL:
		return exec_subshell(n, flags);
	case N_GROUP:
		return exec_node(n->left, flags);
	case N_IF:
		return exec_if(n, flags);
	case N_WHILE:
	case N_UNTIL:
		return exec_loop(n, flags);
	case N_FOR:
		return exec_for(n, flags);
	case N_CASE:
		return exec_case(n, flags);
	case N_FUNC:
		func_define(n->name, n->left);
		return 0;
	}
	return 0;
}

/* A compound command with redirections: apply, run, undo. */
static int exec_redirected(struct node *n, int flags)
{
	struct fd_save *save = NULL;
	int st = 1;
	if (redir_apply(n->redirs, &save) == 0)
		st = dispatch(n, flags);
	redir_restore(save);
	return st;
}

/* Kinds of node whose failure ends the shell under set -e. */
static bool errexit_kind(const struct node *n)
{
	return n->type == N_CMD || n->type == N_PIPE || n->type == N_SUBSHELL;
}

int exec_node(struct node *n, int flags)
{
	int st;
	if (!n)
		return 0;
	if (sh.skip)
		return sh.status;
	if (n->redirs && n->type != N_CMD)
		st = exec_redirected(n, flags);
	else
		st = dispatch(n, flags);
	if (!sh.skip)
		sh.status = st;
	if (trap_any_pending)
		trap_run_pending();
	if (sh.opt_e && sh.status && !sh.skip && !(flags & EV_TESTED) &&
	    !sh.tested && errexit_kind(n))
		sh_exit(sh.status);
	return sh.status;
}

/* eval, traps: run a string as shell input. */
int exec_string(const char *s)
{
	struct input *in = in_string(s, strlen(s));
	int st = run_input(in, RUN_EVAL);
	in_free(in);
	return st;
}
