// SPDX-License-Identifier: BSD-2-Clause
/*
 * main.c: starting the shell, its read-parse-run loop, and leaving it.
 *
 *   sh [-eifnux] [-s] [arg...]            commands from stdin
 *   sh [-eifnux] -c command [name [arg...]]
 *   sh [-eifnux] file [arg...]
 *
 * The shell is interactive with -i, or when it reads commands from
 * stdin and both stdin and stderr are terminals.
 *
 * run_input() is the loop for every source of commands: the shell's own
 * input (RUN_TOP), eval and traps (RUN_EVAL) and "." files (RUN_DOT).
 * It parses one line, runs it, frees it, and goes on.  A syntax error
 * ends a non-interactive shell with status 2; an interactive one drops
 * the line and prompts again.  An unfinished break/continue/return
 * (sh.skip) ends the loop so that the loop or function it belongs to
 * sees it; "." ends a return itself, the top level drops whatever is
 * left.
 *
 * sh_exit() is the one way out: it runs the EXIT trap first.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

extern char **environ;

struct shell sh;

static void usage(void)
{
	out_s(2, "usage: sh [-eifnux] [-c command [name [arg...]]] "
		 "[file [arg...]]\n");
	_exit(2);
}

void sh_exit(int status)
{
	sh.status = status;
	trap_run_exit();
	_exit(status & 0xff);
}

static bool syntax_error_continues(struct input *in, int mode)
{
	if (!sh.interactive)
		sh_exit(2);
	sh.status = in->interrupted ? 130 : 2;
	in_flush(in);
	return mode == RUN_TOP;
}

int run_input(struct input *in, int mode)
{
	struct parser p = {.in = in};
	int st = 0;
	for (;;) {
		struct node *n;
		if (mode == RUN_TOP)
			jobs_reap();
		in->ps = 1;
		n = parse_line(&p);
		if (p.error) {
			st = sh.status = in->interrupted ? 130 : 2;
			if (syntax_error_continues(in, mode))
				continue;
			break;
		}
		if (p.eof)
			break;
		if (!n)
			continue;
		in_sync(in);
		if (!sh.opt_n || sh.interactive)
			st = exec_node(n, 0);
		node_free(n);
		if (sh.skip == SKIP_RETURN && mode == RUN_DOT) {
			sh.skip = SKIP_NONE;
			st = sh.status;
			break;
		}
		if (sh.skip && mode != RUN_TOP)
			break;
		sh.skip = SKIP_NONE;
	}
	parse_done(&p);
	return st;
}

/* Run a script in this process as a new shell would (see path.c). */
void sh_run_script(const char *path, char **argv)
{
	int fd = open(path, O_RDONLY), nfd;
	int argc = 0;
	if (fd < 0 || (nfd = fd_cloexec_dup(fd)) < 0) {
		sh_err("cannot open %s: %s", path, strerror(errno));
		_exit(127);
	}
	close(fd);
	while (argv[argc])
		argc++;
	var_keep_exported();
	func_clear();
	trap_child(false);
	sh.opt_e = sh.opt_f = sh.opt_n = sh.opt_u = sh.opt_x = false;
	sh.status = 0;
	sh.skip = SKIP_NONE;
	sh.loop_depth = sh.func_depth = sh.dot_depth = 0;
	sh.locals = NULL;
	sh.arg0 = xstrdup(path);
	params_set(&sh.pos, argc > 0 ? argc - 1 : 0, argv + (argc > 0));
	run_input(in_fd(nfd, IN_OWNFD), RUN_TOP);
	sh_exit(sh.status);
}

struct options {
	const char *command; /* -c */
	const char *script;
	bool interactive; /* -i */
	bool from_stdin;  /* -s */
};

/* The option letters of one argument; false if it has a bad one. */
static bool parse_flags(const char *arg, struct options *o, bool *cflag)
{
	bool on = arg[0] == '-';
	for (const char *c = arg + 1; *c; c++) {
		if (*c == 'c' && on)
			*cflag = true;
		else if (*c == 'i')
			o->interactive = on;
		else if (*c == 's')
			o->from_stdin = on;
		else if (!sh_set_option(*c, on))
			return false;
	}
	return true;
}

/* Options, then the operands; returns the index of $1. */
static int parse_args(int argc, char **argv, struct options *o)
{
	bool cflag = false;
	int i = 1;
	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
		if (strcmp(argv[i], "--") == 0 || strcmp(argv[i], "-") == 0) {
			i++;
			break;
		}
		if (!parse_flags(argv[i], o, &cflag))
			usage();
	}
	if (cflag) {
		if (i >= argc) {
			sh_err("-c requires an argument");
			usage();
		}
		o->command = argv[i++];
		if (i < argc)
			sh.arg0 = argv[i++];
	} else if (!o->from_stdin && i < argc) {
		o->script = argv[i++];
		sh.arg0 = argv[i - 1];
	}
	return i;
}

static struct input *open_script(const char *path)
{
	int fd = open(path, O_RDONLY), nfd;
	if (fd < 0 || (nfd = fd_cloexec_dup(fd)) < 0) {
		sh_err("cannot open %s: %s", path, strerror(errno));
		exit(127);
	}
	close(fd);
	return in_fd(nfd, IN_OWNFD);
}

int main(int argc, char **argv)
{
	struct options o = {0};
	struct input *in;
	int first;
	sh.pid = getpid();
	sh.arg0 = argc > 0 ? argv[0] : "sh";
	var_init(environ);
	first = parse_args(argc, argv, &o);
	params_set(&sh.pos, argc - first, argv + first);
	sh.interactive = o.interactive ||
			 (!o.command && !o.script && isatty(0) && isatty(2));
	trap_init();
	if (o.script)
		in = open_script(o.script);
	else if (o.command)
		in = in_string(o.command, strlen(o.command));
	else
		in = in_fd(0, IN_STDIN | (sh.interactive ? IN_PROMPT : 0));
	run_input(in, RUN_TOP);
	if (sh.interactive && !o.command && !o.script)
		out_s(2, "\n");
	sh_exit(sh.status);
}
