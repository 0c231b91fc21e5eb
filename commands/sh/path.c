// SPDX-License-Identifier: BSD-2-Clause
/*
 * path.c: finding and starting programs.
 *
 * shell_execve() replaces the process with the command argv[0]: a name
 * with a '/' is used as it is, any other is tried in each directory of
 * $PATH (default /bin; an empty entry means the current directory).
 * The environment is built from the exported variables.  When nothing
 * can be started it prints why and exits: 127 "not found", 126 when a
 * file exists but cannot be run.
 *
 * A file that execve refuses with ENOEXEC is a script without a kernel
 * that knows "#!": if its first line is "#!INTERPRETER [ARG]" for some
 * other interpreter, that one is started; otherwise this shell runs the
 * file itself, as a fresh shell would (sh_run_script()).  A file with a
 * NUL byte in its first block is taken for a binary and refused.
 *
 * path_find() is the PATH search for ".": the first readable file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

#define SCRIPT_HEAD 256

static const char *path_list(void)
{
	const char *p = var_get("PATH");
	return p ? p : "/bin";
}

/* The next PATH entry joined with name into b; NULL after the last. */
static const char *path_next(const char *p, const char *name, struct strbuf *b)
{
	const char *colon = strchr(p, ':');
	size_t n = colon ? (size_t)(colon - p) : strlen(p);
	b->len = 0;
	sb_addn(b, n ? p : ".", n ? n : 1);
	sb_addc(b, '/');
	sb_adds(b, name);
	return colon ? colon + 1 : NULL;
}

char *path_find(const char *name, const char *path)
{
	struct strbuf b = {0};
	const char *p = path ? path : path_list();
	while (p) {
		struct stat st;
		p = path_next(p, name, &b);
		if (stat(b.s, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(b.s, R_OK) == 0)
			return sb_take(&b);
	}
	sb_free(&b);
	return NULL;
}

/* Start the interpreter of a "#!" line with the script's path. */
static void run_interpreter(const char *interp, const char *arg,
			    const char *path, char **argv, char **env)
{
	struct strvec args = {0};
	sv_push(&args, xstrdup(interp));
	if (*arg)
		sv_push(&args, xstrdup(arg));
	sv_push(&args, xstrdup(path));
	for (size_t i = 1; argv[i]; i++)
		sv_push(&args, xstrdup(argv[i]));
	execve(interp, args.v, env);
	sh_err("%s: %s", interp, strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

/* The "#!" line in head: another interpreter than sh is started. */
static void try_interpreter(char *head, const char *path, char **argv,
			    char **env)
{
	char *interp, *arg, *end;
	const char *base;
	head[strcspn(head, "\n")] = '\0';
	interp = head + 2 + strspn(head + 2, " \t");
	end = interp + strcspn(interp, " \t");
	arg = end + strspn(end, " \t");
	arg[strcspn(arg, " \t")] = '\0';
	*end = '\0';
	base = strrchr(interp, '/');
	base = base ? base + 1 : interp;
	if (*interp && strcmp(base, "sh") != 0)
		run_interpreter(interp, arg, path, argv, env);
}

/* execve said ENOEXEC: run the file as a script if it is one. */
static void run_script(const char *path, char **argv, char **env)
{
	char head[SCRIPT_HEAD + 1];
	ssize_t n = -1;
	int fd = open(path, O_RDONLY);
	if (fd >= 0) {
		n = read(fd, head, SCRIPT_HEAD);
		close(fd);
	}
	if (n < 0 || memchr(head, '\0', (size_t)n))
		return;
	head[n] = '\0';
	if (n > 2 && head[0] == '#' && head[1] == '!')
		try_interpreter(head, path, argv, env);
	sh_run_script(path, argv);
}

/* Try one file; returns the errno that stopped it. */
static int try_exec(const char *path, char **argv, char **env)
{
	int err;
	execve(path, argv, env);
	err = errno;
	if (err == ENOEXEC)
		run_script(path, argv, env);
	return err;
}

__attribute__((noreturn)) static void not_run(const char *name, int err)
{
	if (err == ENOENT || err == ENOTDIR) {
		sh_err("%s: not found", name);
		_exit(127);
	}
	sh_err("%s: %s", name, strerror(err));
	_exit(126);
}

void shell_execve(char **argv)
{
	char **env = var_environ();
	const char *name = argv[0];
	struct strbuf b = {0};
	const char *p = path_list();
	int err = ENOENT;
	if (strchr(name, '/'))
		not_run(name, try_exec(name, argv, env));
	while (p && *name) {
		int e;
		p = path_next(p, name, &b);
		e = try_exec(b.s, argv, env);
		if (e != ENOENT && e != ENOTDIR && err != EACCES)
			err = e;
	}
	not_run(name, err);
}
