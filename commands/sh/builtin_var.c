// SPDX-License-Identifier: BSD-2-Clause
/*
 * builtin_var.c: the built-ins about variables and options:
 * export, readonly, unset, set and local.
 *
 *   export [-p] [NAME[=value]...]    mark for the environment; no
 *                                    operand (or -p): list them
 *   readonly [-p] [NAME[=value]...]  the same for read-only
 *   unset [-v | -f] NAME...          remove variables or functions
 *   set [-efnux] [+efnux] [-o opt] [--] [arg...]
 *                                    options; args become $1 $2 ...;
 *                                    no operand: list all variables
 *   local NAME[=value]...            NAME goes back to its old value
 *                                    when the function returns
 */
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct long_option {
	const char *name;
	char letter;
};

static const struct long_option long_options[] = {
	{"errexit", 'e'}, {"noglob", 'f'}, {"noexec", 'n'},
	{"nounset", 'u'}, {"xtrace", 'x'},
};

/* Turn an option letter on or off; false if there is no such option. */
bool sh_set_option(char c, bool on)
{
	switch (c) {
	case 'e':
		sh.opt_e = on;
		return true;
	case 'f':
		sh.opt_f = on;
		return true;
	case 'n':
		sh.opt_n = on;
		return true;
	case 'u':
		sh.opt_u = on;
		return true;
	case 'x':
		sh.opt_x = on;
		return true;
	default:
		return false;
	}
}

static int declare(int argc, char **argv, int flag, const char *prefix)
{
	int i = 1, st = 0;
	if (i < argc && strcmp(argv[i], "-p") == 0)
		i++;
	if (i >= argc) {
		var_print(flag, prefix);
		return 0;
	}
	for (; i < argc; i++) {
		size_t n = name_len(argv[i]);
		if (!n || (argv[i][n] && argv[i][n] != '=')) {
			sh_err("%s: %s: bad variable name", argv[0], argv[i]);
			sh.fatal = true;
			st = 1;
		} else if ((argv[i][n] ? var_assign(argv[i], flag)
				       : var_flag(argv[i], flag)) < 0) {
			sh.fatal = true;
			st = 1;
		}
	}
	return st;
}

int bi_export(int argc, char **argv)
{
	return declare(argc, argv, V_EXPORT, "export ");
}

int bi_readonly(int argc, char **argv)
{
	return declare(argc, argv, V_READONLY, "readonly ");
}

int bi_unset(int argc, char **argv)
{
	bool funcs = false;
	int i = 1, st = 0;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-f") == 0) {
			funcs = true;
		} else if (strcmp(argv[i], "-v") == 0) {
			funcs = false;
		} else {
			if (strcmp(argv[i], "--") == 0)
				i++;
			break;
		}
	}
	for (; i < argc; i++) {
		if (funcs)
			func_unset(argv[i]);
		else if (var_unset(argv[i]) < 0)
			st = 1;
	}
	return st;
}

static bool set_long_option(const char *name, bool on)
{
	for (size_t i = 0; i < sizeof(long_options) / sizeof(long_options[0]);
	     i++)
		if (strcmp(name, long_options[i].name) == 0)
			return sh_set_option(long_options[i].letter, on);
	return false;
}

/* One "-abc" or "+abc" operand of set; false on a bad option. */
static bool set_flags(const char *arg, const char *next, bool *used_next)
{
	bool on = arg[0] == '-';
	for (const char *c = arg + 1; *c; c++) {
		if (*c == 'o' && next && !*used_next) {
			*used_next = true;
			if (!set_long_option(next, on)) {
				sh_err("set: %s: bad option", next);
				return false;
			}
		} else if (!sh_set_option(*c, on)) {
			sh_err("set: %c%c: bad option", arg[0], *c);
			return false;
		}
	}
	return true;
}

int bi_set(int argc, char **argv)
{
	int i = 1;
	if (argc == 1) {
		var_print(0, "");
		return 0;
	}
	for (; i < argc; i++) {
		const char *a = argv[i];
		bool used_next = false;
		if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0) {
			i++;
			break;
		}
		if ((a[0] != '-' && a[0] != '+') || !a[1])
			break;
		if (!set_flags(a, i + 1 < argc ? argv[i + 1] : NULL,
			       &used_next)) {
			sh.fatal = true;
			return 2;
		}
		i += used_next;
	}
	if (i < argc || strcmp(argv[i - 1], "--") == 0) {
		params_free(&sh.pos);
		params_set(&sh.pos, argc - i, argv + i);
	}
	return 0;
}

int bi_local(int argc, char **argv)
{
	int st = 0;
	if (!sh.func_depth) {
		sh_err("local: not in a function");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		size_t n = name_len(argv[i]);
		char *name;
		if (!n || (argv[i][n] && argv[i][n] != '=')) {
			sh_err("local: %s: bad variable name", argv[i]);
			st = 1;
			continue;
		}
		name = xstrndup(argv[i], n);
		sh.locals = var_save(sh.locals, name);
		if (argv[i][n] && var_assign(argv[i], 0) < 0)
			st = 1;
		free(name);
	}
	return st;
}
