// SPDX-License-Identifier: BSD-2-Clause
/*
 * testcmd.c: test and [, the condition evaluator.
 *
 * sh_test(argc, argv) returns 0 (true), 1 (false) or 2 (error, with a
 * message on stderr).  argv[0] is "test" or "["; with "[" the last
 * argument must be "]".  The file depends on nothing else in the shell,
 * so a stand-alone /bin/test can be built from it and a three-line main.
 *
 *   -e -f -d -r -w -x -s -b -c -p -h -L -S FILE   file tests
 *   -t FD                                       FD is a terminal
 *   -z S, -n S, S                               string empty / not
 *   S1 = S2, S1 != S2, S1 < S2, S1 > S2         string comparisons
 *   N1 -eq -ne -lt -le -gt -ge N2               integer comparisons
 *   F1 -nt -ot F2                               newer / older than
 *   ! E, E1 -a E2, E1 -o E2, ( E )              logic (-a binds tighter)
 *
 * With up to four arguments the POSIX rules by argument count decide
 * (so "test ! = x" and "test -n" mean what POSIX says); longer
 * expressions are read by recursive descent.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int sh_test(int argc, char **argv);

struct test {
	char **argv;
	int argc;
	int pos;
	const char *prog;
	bool err;
};

static bool t_or(struct test *t);

/* "PROG: [ARG: ]WHAT" on stderr, once. */
static void t_error(struct test *t, const char *arg, const char *what)
{
	size_t np = strlen(t->prog), na = arg ? strlen(arg) : 0;
	size_t nw = strlen(what), n = 0;
	char *msg;
	if (t->err)
		return;
	t->err = true;
	msg = malloc(np + na + nw + 6);
	if (!msg)
		return;
	memcpy(msg, t->prog, np);
	n = np;
	msg[n++] = ':';
	msg[n++] = ' ';
	if (arg) {
		memcpy(msg + n, arg, na);
		n += na;
		msg[n++] = ':';
		msg[n++] = ' ';
	}
	memcpy(msg + n, what, nw);
	n += nw;
	msg[n++] = '\n';
	if (write(2, msg, n) < 0)
		errno = 0;
	free(msg);
}

static bool is_unary(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("bcdefhLnprsStwxz", s[1]);
}

static bool is_binary(const char *s)
{
	static const char *const ops[] = {"=",	 "!=",	"<",   ">",
					  "-eq", "-ne", "-lt", "-le",
					  "-gt", "-ge", "-nt", "-ot"};
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(s, ops[i]) == 0)
			return true;
	return false;
}

/* An integer operand: optional blanks and sign, then digits. */
static long long number(struct test *t, const char *s)
{
	const char *p = s;
	char *end;
	long long v;
	while (isspace((unsigned char)*p))
		p++;
	errno = 0;
	v = strtoll(p, &end, 10);
	while (end != p && isspace((unsigned char)*end))
		end++;
	if (end == p || *end || errno ||
	    !isdigit((unsigned char)p[*p == '-' || *p == '+']))
		t_error(t, s, "integer expression expected");
	return v;
}

static bool file_test(char op, const char *path)
{
	struct stat st;
	if (op == 'h' || op == 'L')
		return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (op == 'r' || op == 'w' || op == 'x')
		return access(path, op == 'r'	? R_OK
				    : op == 'w' ? W_OK
						: X_OK) == 0;
	if (stat(path, &st) != 0)
		return false;
	switch (op) {
	case 'b':
		return S_ISBLK(st.st_mode);
	case 'c':
		return S_ISCHR(st.st_mode);
	case 'd':
		return S_ISDIR(st.st_mode);
	case 'f':
		return S_ISREG(st.st_mode);
	case 'p':
		return S_ISFIFO(st.st_mode);
	case 's':
		return st.st_size > 0;
	case 'S':
		return S_ISSOCK(st.st_mode);
	default: /* e */
		return true;
	}
}

static bool unary(struct test *t, const char *op, const char *arg)
{
	switch (op[1]) {
	case 'n':
		return *arg != '\0';
	case 'z':
		return *arg == '\0';
	case 't': {
		long long fd = number(t, arg);
		return fd >= 0 && fd <= INT_MAX && isatty((int)fd);
	}
	default:
		return file_test(op[1], arg);
	}
}

/* -nt / -ot: compare modification times (a missing file is oldest). */
static bool newer(const char *a, const char *b)
{
	struct stat sa, sb;
	if (stat(a, &sa) != 0)
		return false;
	if (stat(b, &sb) != 0)
		return true;
	return sa.st_mtime > sb.st_mtime;
}

static bool binary(struct test *t, const char *a, const char *op, const char *b)
{
	long long x, y;
	if (strcmp(op, "=") == 0)
		return strcmp(a, b) == 0;
	if (strcmp(op, "!=") == 0)
		return strcmp(a, b) != 0;
	if (strcmp(op, "<") == 0)
		return strcmp(a, b) < 0;
	if (strcmp(op, ">") == 0)
		return strcmp(a, b) > 0;
	if (strcmp(op, "-nt") == 0)
		return newer(a, b);
	if (strcmp(op, "-ot") == 0)
		return newer(b, a);
	x = number(t, a);
	y = number(t, b);
	switch (op[1] * 256 + op[2]) {
	case 'e' * 256 + 'q':
		return x == y;
	case 'n' * 256 + 'e':
		return x != y;
	case 'l' * 256 + 't':
		return x < y;
	case 'l' * 256 + 'e':
		return x <= y;
	case 'g' * 256 + 't':
		return x > y;
	default:
		return x >= y;
	}
}

static const char *peek(struct test *t, int k)
{
	return t->pos + k < t->argc ? t->argv[t->pos + k] : NULL;
}

static const char *next(struct test *t)
{
	return t->pos < t->argc ? t->argv[t->pos++] : NULL;
}

/* primary := '(' or ')' | unary-op arg | arg binary-op arg | arg */
static bool t_primary(struct test *t)
{
	const char *a = next(t), *op;
	bool r;
	if (!a) {
		t_error(t, NULL, "argument expected");
		return false;
	}
	if (strcmp(a, "(") == 0 && peek(t, 0)) {
		r = t_or(t);
		if (!peek(t, 0) || strcmp(next(t), ")") != 0)
			t_error(t, NULL, "')' expected");
		return r;
	}
	op = peek(t, 0);
	if (op && peek(t, 1) && is_binary(op)) {
		t->pos += 2;
		return binary(t, a, op, t->argv[t->pos - 1]);
	}
	if (is_unary(a) && op)
		return unary(t, a, next(t));
	return *a != '\0';
}

static bool t_not(struct test *t)
{
	const char *a = peek(t, 0);
	if (a && strcmp(a, "!") == 0 && peek(t, 1)) {
		t->pos++;
		return !t_not(t);
	}
	return t_primary(t);
}

static bool t_and(struct test *t)
{
	bool r = t_not(t);
	while (peek(t, 0) && strcmp(peek(t, 0), "-a") == 0) {
		bool r2;
		t->pos++;
		r2 = t_not(t);
		r = r && r2;
	}
	return r;
}

static bool t_or(struct test *t)
{
	bool r = t_and(t);
	while (peek(t, 0) && strcmp(peek(t, 0), "-o") == 0) {
		bool r2;
		t->pos++;
		r2 = t_and(t);
		r = r || r2;
	}
	return r;
}

/* The whole expression, by recursive descent; all must be used. */
static bool t_expr(struct test *t)
{
	bool r = t_or(t);
	if (t->pos < t->argc)
		t_error(t, t->argv[t->pos], "unexpected operand");
	return r;
}

/* POSIX: with N arguments, N <= 4, the meaning is fixed by N. */
static bool t_by_count(struct test *t, int n)
{
	char **a = t->argv + t->pos;
	if (n == 0)
		return false;
	if (n == 1)
		return *a[0] != '\0';
	if (n == 2 && strcmp(a[0], "!") == 0) {
		t->pos++;
		return !t_by_count(t, 1);
	}
	if (n == 2 && !is_unary(a[0]))
		t_error(t, a[0], "unary operator expected");
	if (n == 3 && is_binary(a[1]))
		return binary(t, a[0], a[1], a[2]);
	if ((n == 3 || n == 4) && strcmp(a[0], "!") == 0) {
		t->pos++;
		return !t_by_count(t, n - 1);
	}
	if ((n == 3 || n == 4) && strcmp(a[0], "(") == 0 &&
	    strcmp(a[n - 1], ")") == 0) {
		t->pos++;
		t->argc--;
		return t_by_count(t, n - 2);
	}
	return t_expr(t);
}

int sh_test(int argc, char **argv)
{
	const char *slash = strrchr(argv[0], '/');
	struct test t = {.argv = argv, .argc = argc, .pos = 1};
	bool r;
	t.prog = slash ? slash + 1 : argv[0];
	if (strcmp(t.prog, "[") == 0) {
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
			t_error(&t, NULL, "missing ']'");
			return 2;
		}
		t.argc--;
	}
	r = t_by_count(&t, t.argc - 1);
	if (t.err)
		return 2;
	return r ? 0 : 1;
}
