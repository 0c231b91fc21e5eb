// SPDX-License-Identifier: BSD-2-Clause
/*
 * var.c: shell variables and positional parameters.
 *
 * Variables live in a small hash table of chained struct var.  A variable
 * may exist without a value ("export X" before X is set): var_get() then
 * says NULL, as for an unset one, but the flags are kept for when it gets
 * one.  V_EXPORT puts it into the environment of commands
 * (var_environ() builds that array afresh for each execve); V_READONLY
 * makes var_set() and var_unset() fail with a message.
 *
 * Assignments that hold for one command only (A=1 builtin, function
 * arguments, `local`) are undone with a struct var_save: var_save()
 * remembers a variable's state before it is changed and var_restore()
 * puts every remembered variable back, readonly or not.
 *
 * Positional parameters are a struct params: $1 is v[0].  Special
 * parameters ($?, $#, ...) are not variables; expand.c computes them.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define VAR_BUCKETS 64

struct var {
	struct var *next;
	char *name;
	char *value; /* NULL: declared, not set */
	int flags;
};

struct var_save {
	struct var_save *next;
	char *name;
	char *value;
	int flags;
	bool existed;
};

static struct var *table[VAR_BUCKETS];

static struct var **slot(const char *name)
{
	unsigned h = 5381;
	struct var **pp;
	for (const char *s = name; *s; s++)
		h = h * 33 + (unsigned char)*s;
	pp = &table[h % VAR_BUCKETS];
	while (*pp && strcmp((*pp)->name, name) != 0)
		pp = &(*pp)->next;
	return pp;
}

const char *var_get(const char *name)
{
	struct var *v = *slot(name);
	return v ? v->value : NULL;
}

static struct var *var_create(const char *name)
{
	struct var **pp = slot(name);
	if (!*pp) {
		*pp = xmalloc(sizeof(**pp));
		**pp = (struct var){.name = xstrdup(name)};
	}
	return *pp;
}

static void var_put(struct var *v, const char *value, int flags)
{
	if (value) {
		char *copy = xstrdup(value);
		free(v->value);
		v->value = copy;
	}
	v->flags |= flags;
}

/* Set (value may be NULL: only add flags); -1 if readonly. */
int var_set(const char *name, const char *value, int flags)
{
	struct var *v = *slot(name);
	if (v && (v->flags & V_READONLY) && value) {
		sh_err("%s: is read only", name);
		return -1;
	}
	var_put(v ? v : var_create(name), value, flags);
	return 0;
}

/* "NAME=value" */
int var_assign(const char *word, int flags)
{
	size_t n = name_len(word);
	char *name = xstrndup(word, n);
	int r = var_set(name, word + n + 1, flags);
	free(name);
	return r;
}

static void var_remove(struct var **pp)
{
	struct var *v = *pp;
	*pp = v->next;
	free(v->name);
	free(v->value);
	free(v);
}

int var_unset(const char *name)
{
	struct var **pp = slot(name);
	if (!*pp)
		return 0;
	if ((*pp)->flags & V_READONLY) {
		sh_err("%s: is read only", name);
		return -1;
	}
	var_remove(pp);
	return 0;
}

int var_flag(const char *name, int flags)
{
	return var_set(name, NULL, flags);
}

/* The environment for execve: every exported variable with a value. */
char **var_environ(void)
{
	struct strvec env = {0};
	sv_push(&env, NULL);
	env.n = 0;
	for (int i = 0; i < VAR_BUCKETS; i++) {
		for (struct var *v = table[i]; v; v = v->next) {
			struct strbuf b = {0};
			if (!(v->flags & V_EXPORT) || !v->value)
				continue;
			sb_fmt(&b, "%s=%s", v->name, v->value);
			sv_push(&env, sb_take(&b));
		}
	}
	return env.v;
}

static int by_name(const void *a, const void *b)
{
	const struct var *x = *(struct var *const *)a;
	const struct var *y = *(struct var *const *)b;
	return strcmp(x->name, y->name);
}

/* List variables (all with a value, or those with `flags`), sorted. */
void var_print(int flags, const char *prefix)
{
	struct var **list = NULL;
	size_t n = 0, cap = 0;
	for (int i = 0; i < VAR_BUCKETS; i++) {
		for (struct var *v = table[i]; v; v = v->next) {
			if (flags ? !(v->flags & flags) : !v->value)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 32;
				list = xrealloc(list, cap * sizeof(*list));
			}
			list[n++] = v;
		}
	}
	if (n)
		qsort(list, n, sizeof(*list), by_name);
	for (size_t i = 0; i < n; i++) {
		struct strbuf b = {0};
		sb_fmt(&b, "%s%s", prefix, list[i]->name);
		if (list[i]->value) {
			sb_addc(&b, '=');
			sb_addquoted(&b, list[i]->value);
		}
		sb_addc(&b, '\n');
		out_n(1, b.s, b.len);
		sb_free(&b);
	}
	free(list);
}

static void var_defaults(void)
{
	char buf[NUM_BUF];
	var_set("IFS", " \t\n", 0);
	if (!var_get("PS1"))
		var_set("PS1", getuid() == 0 ? "# " : "$ ", 0);
	if (!var_get("PS2"))
		var_set("PS2", "> ", 0);
	if (!var_get("PS4"))
		var_set("PS4", "+ ", 0);
	var_set("PPID", fmt_num(buf, getppid()), 0);
}

static void set_pwd(void)
{
	char *cwd = get_cwd();
	if (cwd)
		var_set("PWD", cwd, 0);
	free(cwd);
}

void var_init(char **env)
{
	for (; env && *env; env++) {
		size_t n = name_len(*env);
		if (n && (*env)[n] == '=')
			var_assign(*env, V_EXPORT);
	}
	var_defaults();
	set_pwd();
}

/* A script run in place of a failed execve keeps only the environment. */
void var_keep_exported(void)
{
	for (int i = 0; i < VAR_BUCKETS; i++) {
		struct var **pp = &table[i];
		while (*pp) {
			if ((*pp)->flags & V_EXPORT)
				pp = &(*pp)->next;
			else
				var_remove(pp);
		}
	}
	var_defaults();
}

struct var_save *var_save(struct var_save *list, const char *name)
{
	struct var *v = *slot(name);
	struct var_save *s = xmalloc(sizeof(*s));
	*s = (struct var_save){.next = list, .name = xstrdup(name)};
	if (v) {
		s->existed = true;
		s->value = v->value ? xstrdup(v->value) : NULL;
		s->flags = v->flags;
	}
	return s;
}

/* Undo, newest first, so the oldest saved state is what remains. */
void var_restore(struct var_save *list)
{
	while (list) {
		struct var_save *next = list->next;
		struct var **pp = slot(list->name);
		if (!list->existed) {
			if (*pp)
				var_remove(pp);
		} else {
			struct var *v = var_create(list->name);
			free(v->value);
			v->value = list->value;
			v->flags = list->flags;
			list->value = NULL;
		}
		free(list->name);
		free(list->value);
		free(list);
		list = next;
	}
}

/* pp becomes a copy of v[0..n-1]; the old contents are not freed. */
void params_set(struct params *pp, int n, char **v)
{
	pp->n = n;
	pp->v = xmalloc(((size_t)n + 1) * sizeof(*pp->v));
	for (int i = 0; i < n; i++)
		pp->v[i] = xstrdup(v[i]);
	pp->v[n] = NULL;
}

void params_free(struct params *pp)
{
	for (int i = 0; i < pp->n; i++)
		free(pp->v[i]);
	free(pp->v);
	pp->n = 0;
	pp->v = NULL;
}
