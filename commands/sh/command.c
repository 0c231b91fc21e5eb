// SPDX-License-Identifier: BSD-2-Clause
/*
 * command.c: one simple command, and the table of functions.
 *
 * exec_simple() expands the words, then expands the assignments
 * (NAME=value before the command name), and then finds what to run in
 * POSIX order: special built-in, function, other built-in, a program
 * found through PATH.  Where the assignments go depends on that:
 *
 *   no command name      they stay in the shell
 *   special built-in     they stay in the shell
 *   function, built-in   they hold for that command only (var_save)
 *   program              they go into the child's environment
 *
 * Redirections work the same way: for a program they are applied in
 * the child; for built-ins and functions they are applied in the shell
 * and undone afterwards; "exec" without a command keeps them.
 *
 * An expansion error ends a non-interactive shell (status 2) and
 * abandons the command line of an interactive one: expand_failed().
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct func {
	struct func *next;
	char *name;
	struct node *body;
};

static struct func *funcs;

static struct func **func_slot(const char *name)
{
	struct func **pp = &funcs;
	while (*pp && strcmp((*pp)->name, name) != 0)
		pp = &(*pp)->next;
	return pp;
}

void func_define(const char *name, struct node *body)
{
	struct func **pp = func_slot(name);
	body->refs++;
	if (*pp) {
		node_free((*pp)->body);
	} else {
		*pp = xmalloc(sizeof(**pp));
		**pp = (struct func){.name = xstrdup(name)};
	}
	(*pp)->body = body;
}

bool func_unset(const char *name)
{
	struct func **pp = func_slot(name), *f = *pp;
	if (!f)
		return false;
	*pp = f->next;
	node_free(f->body);
	free(f->name);
	free(f);
	return true;
}

void func_clear(void)
{
	while (funcs)
		func_unset(funcs->name);
}

int expand_failed(void)
{
	if (!sh.interactive)
		sh_exit(2);
	sh.status = 2;
	sh.skip = SKIP_ABORT;
	return 2;
}

/* The assignments of n, expanded, as "NAME=value" strings. */
static int expand_assigns(struct node *n, struct strvec *out)
{
	for (struct word *w = n->assigns; w; w = w->next) {
		size_t len = name_len(w->text);
		char *value = expand_word(w->text + len + 1, XW_ASSIGN);
		struct strbuf b = {0};
		if (!value)
			return -1;
		sb_addn(&b, w->text, len + 1);
		sb_adds(&b, value);
		free(value);
		sv_push(out, sb_take(&b));
	}
	return 0;
}

/* Set them; with `save`, remember the old values to undo later. */
static int apply_assigns(struct strvec *a, int flags, struct var_save **save)
{
	for (size_t i = 0; i < a->n; i++) {
		if (save) {
			char *name = xstrndup(a->v[i], name_len(a->v[i]));
			*save = var_save(*save, name);
			free(name);
		}
		if (var_assign(a->v[i], flags) < 0)
			return -1;
	}
	return 0;
}

/* set -x: "+ A=1 cmd arg" on stderr. */
static void trace(struct strvec *assigns, struct strvec *argv)
{
	const char *ps4 = var_get("PS4");
	struct strbuf b = {0};
	if (!assigns->n && !argv->n)
		return;
	sb_adds(&b, ps4 ? ps4 : "");
	for (size_t i = 0; i < assigns->n; i++)
		sb_fmt(&b, "%s%s", i ? " " : "", assigns->v[i]);
	for (size_t i = 0; i < argv->n; i++)
		sb_fmt(&b, "%s%s", i || assigns->n ? " " : "", argv->v[i]);
	sb_addc(&b, '\n');
	out_n(2, b.s, b.len);
	sb_free(&b);
}

static int run_no_command(struct node *n, struct strvec *assigns)
{
	struct fd_save *save = NULL;
	int st = sh.subst_status;
	if (apply_assigns(assigns, 0, NULL) < 0)
		return expand_failed();
	if (n->redirs && redir_apply(n->redirs, &save) < 0)
		st = 1;
	redir_restore(save);
	return st;
}

/* exec [command]: replace the shell, or keep the redirections. */
static int run_exec(struct node *n, struct strvec *assigns, struct strvec *argv)
{
	if (redir_apply(n->redirs, NULL) < 0) {
		if (!sh.interactive)
			sh_exit(1);
		return 1;
	}
	if (argv->n == 1)
		return apply_assigns(assigns, 0, NULL) < 0 ? expand_failed()
							   : 0;
	if (apply_assigns(assigns, V_EXPORT, NULL) < 0)
		return expand_failed();
	trap_child(false);
	shell_execve(argv->v + 1);
}

static int run_builtin(const struct builtin *b, struct node *n,
		       struct strvec *assigns, struct strvec *argv, int flags)
{
	struct fd_save *fds = NULL;
	struct var_save *vars = NULL;
	int st = 1;
	if (redir_apply(n->redirs, &fds) < 0) {
		redir_restore(fds);
		if (b->special && !sh.interactive)
			sh_exit(1);
		return 1;
	}
	if (apply_assigns(assigns, 0, b->special ? NULL : &vars) < 0) {
		var_restore(vars);
		redir_restore(fds);
		return expand_failed();
	}
	sh.fatal = false;
	sh.tested += (flags & EV_TESTED) != 0;
	st = b->fn((int)argv->n, argv->v);
	sh.tested -= (flags & EV_TESTED) != 0;
	var_restore(vars);
	redir_restore(fds);
	if (b->special && sh.fatal && !sh.interactive)
		sh_exit(st);
	return st;
}

/* Call a function: new positional parameters, locals, return. */
static int call(struct node *body, struct strvec *argv, int flags)
{
	struct params saved = sh.pos;
	struct var_save *locals = sh.locals;
	int loops = sh.loop_depth, st;
	params_set(&sh.pos, (int)argv->n - 1, argv->v + 1);
	sh.locals = NULL;
	sh.loop_depth = 0;
	sh.func_depth++;
	body->refs++;
	st = exec_node(body, flags & EV_TESTED);
	if (sh.skip == SKIP_RETURN) {
		sh.skip = SKIP_NONE;
		st = sh.status;
	}
	node_free(body);
	sh.func_depth--;
	sh.loop_depth = loops;
	var_restore(sh.locals);
	sh.locals = locals;
	params_free(&sh.pos);
	sh.pos = saved;
	return st;
}

static int run_function(struct node *body, struct node *n,
			struct strvec *assigns, struct strvec *argv, int flags)
{
	struct fd_save *fds = NULL;
	struct var_save *vars = NULL;
	int st = 1;
	if (redir_apply(n->redirs, &fds) == 0) {
		if (apply_assigns(assigns, V_EXPORT, &vars) == 0)
			st = call(body, argv, flags);
		else
			st = expand_failed();
	}
	var_restore(vars);
	redir_restore(fds);
	return st;
}

static int run_program(struct node *n, struct strvec *assigns,
		       struct strvec *argv, int flags)
{
	if (!(flags & EV_EXIT) || trap_exit_set()) {
		pid_t pid = sh_fork(FORK_FG);
		if (pid < 0)
			return 2;
		if (pid > 0)
			return wait_child(pid);
	}
	if (redir_apply(n->redirs, NULL) < 0)
		_exit(1);
	if (apply_assigns(assigns, V_EXPORT, NULL) < 0)
		_exit(2);
	shell_execve(argv->v);
}

static struct node *func_find(const char *name)
{
	struct func *f = *func_slot(name);
	return f ? f->body : NULL;
}

static int run_command(struct node *n, struct strvec *assigns,
		       struct strvec *argv, int flags)
{
	const char *name = argv->v[0];
	const struct builtin *b;
	struct node *body;
	if (strcmp(name, "exec") == 0)
		return run_exec(n, assigns, argv);
	b = builtin_find(name);
	if (b && b->special)
		return run_builtin(b, n, assigns, argv, flags);
	if ((body = func_find(name)))
		return run_function(body, n, assigns, argv, flags);
	if (b)
		return run_builtin(b, n, assigns, argv, flags);
	return run_program(n, assigns, argv, flags);
}

int exec_simple(struct node *n, int flags)
{
	struct strvec argv = {0}, assigns = {0};
	int st;
	sh.subst_status = 0;
	if (expand_words(n->words, &argv) < 0 ||
	    expand_assigns(n, &assigns) < 0) {
		sv_free(&argv);
		sv_free(&assigns);
		return expand_failed();
	}
	if (sh.opt_x)
		trace(&assigns, &argv);
	if (argv.n == 0)
		st = run_no_command(n, &assigns);
	else
		st = run_command(n, &assigns, &argv, flags);
	sv_free(&argv);
	sv_free(&assigns);
	return st;
}
