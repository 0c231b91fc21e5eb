// SPDX-License-Identifier: BSD-2-Clause
/*
 * env: run a command in a changed environment, or print it.
 *
 *	env [-i] [-u name]... [name=value]... [command [arg ...]]
 *
 * Starts from the current environment (an empty one with -i, or with
 * the obsolete operand "-"), removes each -u name, then adds or
 * replaces each name=value.  With no command the result is printed, one
 * "name=value" a line; otherwise command runs in it through execve().
 *
 * Finding the command: a name containing "/" is used as it is;
 * otherwise each directory of PATH (taken from the new environment,
 * "/bin" when it has none; an empty entry means ".") is tried in order.
 * A file found that is not a binary (execve says ENOEXEC) is run as a
 * script by /bin/sh.  Exit status when the command cannot run: 126 if
 * it was found but could not be executed, 127 if it was not found,
 * 125 for other env errors such as bad usage.
 *
 * Options end at the first operand, so "env ls -l" passes -l to ls
 * (the "+" in the getopt() string asks for exactly that).
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_PATH "/bin"

extern char **environ;

struct env {
	char **v; /* NULL-terminated */
	size_t n;
};

static void usage(void)
{
	fprintf(stderr, "usage: env [-i] [-u name]... [name=value]... "
			"[command [arg ...]]\n");
	exit(125);
}

/* Does entry "NAME=..." have the name of length len at name? */
static int has_name(const char *entry, const char *name, size_t len)
{
	return strncmp(entry, name, len) == 0 && entry[len] == '=';
}

static void env_unset(struct env *e, const char *name)
{
	size_t len = strlen(name);
	size_t j = 0;
	for (size_t i = 0; i < e->n; i++) {
		if (!has_name(e->v[i], name, len))
			e->v[j++] = e->v[i];
	}
	e->n = j;
	e->v[j] = NULL;
}

static void env_set(struct env *e, char *assign)
{
	size_t len = (size_t)(strchr(assign, '=') - assign);
	for (size_t i = 0; i < e->n; i++) {
		if (has_name(e->v[i], assign, len)) {
			e->v[i] = assign;
			return;
		}
	}
	char **v = realloc(e->v, (e->n + 2) * sizeof(*v));
	if (!v)
		err(125, "out of memory");
	v[e->n++] = assign;
	v[e->n] = NULL;
	e->v = v;
}

static const char *env_get(const struct env *e, const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; i < e->n; i++) {
		if (has_name(e->v[i], name, len))
			return e->v[i] + len + 1;
	}
	return NULL;
}

/* execve(), falling back to /bin/sh for a script; returns on failure. */
static void try_exec(const char *path, char **args, char **envp)
{
	execve(path, args, envp);
	if (errno != ENOEXEC)
		return;
	size_t n = 0;
	while (args[n])
		n++;
	char **sh = malloc((n + 2) * sizeof(*sh));
	if (!sh)
		err(125, "out of memory");
	sh[0] = "sh";
	sh[1] = (char *)path;
	for (size_t i = 1; i <= n; i++)
		sh[i + 1] = args[i];
	execve("/bin/sh", sh, envp);
	free(sh);
	errno = ENOEXEC;
}

/* Search PATH for args[0] and run it; returns only on failure. */
static int run(char **args, const struct env *e)
{
	const char *name = args[0];
	if (strchr(name, '/')) {
		try_exec(name, args, e->v);
		warn("%s", name);
		return errno == ENOENT ? 127 : 126;
	}
	const char *path = env_get(e, "PATH");
	if (!path)
		path = DEFAULT_PATH;
	int found_errno = 0;
	char *buf = malloc(strlen(path) + strlen(name) + 3);
	if (!buf)
		err(125, "out of memory");
	for (const char *p = path;;) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);
		if (len == 0)
			strcpy(buf, ".");
		else {
			memcpy(buf, p, len);
			buf[len] = '\0';
		}
		strcat(buf, "/");
		strcat(buf, name);
		try_exec(buf, args, e->v);
		if (errno != ENOENT && errno != ENOTDIR)
			found_errno = errno; /* exists but would not run */
		if (!colon)
			break;
		p = colon + 1;
	}
	free(buf);
	errno = found_errno ? found_errno : ENOENT;
	warn("%s", name);
	return found_errno ? 126 : 127;
}

int main(int argc, char **argv)
{
	int clear = 0;
	int c;
	/* -u names are kept in argv order and applied after -i. */
	char **unset = calloc((size_t)argc, sizeof(*unset));
	size_t nunset = 0;
	if (!unset)
		err(125, "out of memory");
	while ((c = getopt(argc, argv, "+iu:")) != -1) {
		switch (c) {
		case 'i':
			clear = 1;
			break;
		case 'u':
			unset[nunset++] = optarg;
			break;
		default:
			usage();
		}
	}
	int i = optind;
	if (i < argc && strcmp(argv[i], "-") == 0) {
		clear = 1;
		i++;
	}

	struct env e = {NULL, 0};
	e.v = calloc(1, sizeof(*e.v));
	if (!e.v)
		err(125, "out of memory");
	for (char **p = environ; !clear && p && *p; p++) {
		if (strchr(*p, '='))
			env_set(&e, *p);
	}
	for (size_t k = 0; k < nunset; k++)
		env_unset(&e, unset[k]);
	free(unset);
	for (; i < argc && strchr(argv[i], '='); i++)
		env_set(&e, argv[i]);

	if (i == argc) {
		for (size_t k = 0; k < e.n; k++)
			printf("%s\n", e.v[k]);
		if (fflush(stdout) == EOF)
			err(125, "write error");
		free(e.v);
		return 0;
	}
	return run(argv + i, &e);
}
