// SPDX-License-Identifier: BSD-2-Clause
/*
 * builtin.c: the table of built-in commands, and those that steer the
 * shell itself (: true false exit return break continue eval . shift).
 *
 * A built-in is int fn(int argc, char **argv) returning its exit status.
 * It runs in the shell process, with its redirections already applied.
 * break, continue and return do not jump: they set sh.skip (exec.c).
 * A special built-in (POSIX's list) that fails in a way that must end a
 * script sets sh.fatal; command.c then exits a non-interactive shell.
 * "exec" is not in the table: command.c handles it, since it changes
 * how the redirections are done.
 *
 * The built-ins about variables are in builtin_var.c, the others (echo,
 * cd, read, ...) in builtin_io.c; trap is in trap.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

static int bi_true(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int bi_false(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}

/* The optional number operand of exit and return; 2 if it is bad. */
static int status_arg(int argc, char **argv)
{
	long long n;
	if (argc < 2)
		return sh.status;
	if (!parse_num(argv[1], &n) || n < 0) {
		sh_err("%s: %s: bad number", argv[0], argv[1]);
		sh.fatal = true;
		return 2;
	}
	return (int)(n & 0xff);
}

static int bi_exit(int argc, char **argv)
{
	sh_exit(status_arg(argc, argv));
}

static int bi_return(int argc, char **argv)
{
	int st = status_arg(argc, argv);
	if (!sh.func_depth && !sh.dot_depth) {
		sh_err("return: not in a function");
		return 1;
	}
	sh.status = st;
	sh.skip = SKIP_RETURN;
	return st;
}

static int loop_jump(int argc, char **argv, enum skip kind)
{
	long long n = 1;
	if (argc > 1 && (!parse_num(argv[1], &n) || n < 1)) {
		sh_err("%s: %s: bad number", argv[0], argv[1]);
		sh.fatal = true;
		return 2;
	}
	if (sh.loop_depth == 0)
		return 0;
	sh.status = 0;
	sh.skip = kind;
	sh.skip_n = n > sh.loop_depth ? sh.loop_depth : (int)n;
	return 0;
}

static int bi_break(int argc, char **argv)
{
	return loop_jump(argc, argv, SKIP_BREAK);
}

static int bi_continue(int argc, char **argv)
{
	return loop_jump(argc, argv, SKIP_CONTINUE);
}

static int bi_eval(int argc, char **argv)
{
	struct strbuf b = {0};
	int st;
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	st = exec_string(sb_str(&b));
	sb_free(&b);
	return st;
}

/* Run the file at path in this shell, as "." does. */
static int dot_file(const char *path, int argc, char **argv)
{
	struct params saved = sh.pos;
	struct input *in;
	int fd = open(path, O_RDONLY), st;
	if (fd < 0 || (st = fd_cloexec_dup(fd)) < 0) {
		sh_err(".: cannot open %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		sh.fatal = true;
		return 2;
	}
	close(fd);
	in = in_fd(st, IN_OWNFD);
	if (argc > 2)
		params_set(&sh.pos, argc - 2, argv + 2);
	sh.dot_depth++;
	st = run_input(in, RUN_DOT);
	sh.dot_depth--;
	if (argc > 2) {
		params_free(&sh.pos);
		sh.pos = saved;
	}
	in_free(in);
	return st;
}

static int bi_dot(int argc, char **argv)
{
	char *path;
	int st;
	if (argc < 2) {
		sh_err(".: filename argument required");
		sh.fatal = true;
		return 2;
	}
	path = strchr(argv[1], '/') ? xstrdup(argv[1])
				    : path_find(argv[1], NULL);
	if (!path) {
		sh_err(".: %s: not found", argv[1]);
		sh.fatal = true;
		return 2;
	}
	st = dot_file(path, argc, argv);
	free(path);
	return st;
}

static int bi_shift(int argc, char **argv)
{
	long long n = 1;
	if (argc > 1 && (!parse_num(argv[1], &n) || n < 0)) {
		sh_err("shift: %s: bad number", argv[1]);
		sh.fatal = true;
		return 2;
	}
	if (n > sh.pos.n) {
		sh_err("shift: can't shift that many");
		sh.fatal = true;
		return 2;
	}
	for (int i = 0; i < n; i++)
		free(sh.pos.v[i]);
	sh.pos.n -= (int)n;
	memmove(sh.pos.v, sh.pos.v + n,
		((size_t)sh.pos.n + 1) * sizeof(char *));
	return 0;
}

static int bi_test(int argc, char **argv)
{
	return sh_test(argc, argv);
}

static const struct builtin builtins[] = {
	{".", bi_dot, true},
	{":", bi_true, true},
	{"[", bi_test, false},
	{"break", bi_break, true},
	{"cd", bi_cd, false},
	{"continue", bi_continue, true},
	{"echo", bi_echo, false},
	{"eval", bi_eval, true},
	{"exit", bi_exit, true},
	{"export", bi_export, true},
	{"false", bi_false, false},
	{"local", bi_local, false},
	{"pwd", bi_pwd, false},
	{"read", bi_read, false},
	{"readonly", bi_readonly, true},
	{"return", bi_return, true},
	{"set", bi_set, true},
	{"shift", bi_shift, true},
	{"test", bi_test, false},
	{"trap", builtin_trap, true},
	{"true", bi_true, false},
	{"umask", bi_umask, false},
	{"unset", bi_unset, true},
	{"wait", bi_wait, false},
};

const struct builtin *builtin_find(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return &builtins[i];
	return NULL;
}
