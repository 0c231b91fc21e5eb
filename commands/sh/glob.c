// SPDX-License-Identifier: BSD-2-Clause
/*
 * glob.c: pathname expansion, "*.c" -> "a.c b.c".
 *
 * glob_expand() takes a pattern in pattern.c's form (quoted characters
 * already escaped with '\') and appends the names of the existing files
 * that match it to `out`, sorted, returning how many it added.  Zero
 * means no match: the caller then keeps the word as it was.
 *
 * The pattern is taken one '/'-separated component at a time.  A
 * component without *, ? or [ is just appended to the path; one with them
 * is matched against the entries of the directory reached so far.  A name
 * starting with '.' matches only a component that starts with a literal
 * '.', and "." and ".." are never produced.  A '/' is never matched by a
 * wildcard because matching never looks across components.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sh.h"

static void glob_at(struct strbuf *path, const char *pat, struct strvec *out);

/* Append component [p, end) to path with its backslashes removed. */
static void add_literal(struct strbuf *path, const char *p, const char *end)
{
	for (; p < end; p++) {
		if (*p == '\\' && p + 1 < end)
			p++;
		sb_addc(path, *p);
	}
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Go on with the rest of the pattern (after a '/') or report a match. */
static void glob_next(struct strbuf *path, const char *rest, struct strvec *out)
{
	if (!rest) {
		if (exists(path->s))
			sv_push(out, xstrdup(path->s));
		return;
	}
	sb_addc(path, '/');
	while (*rest == '/')
		rest++;
	glob_at(path, rest, out);
}

/* Match one magic component [comp, end) against the directory's names. */
static void glob_dir(struct strbuf *path, const char *comp, const char *end,
		     const char *rest, struct strvec *out)
{
	size_t base = path->len;
	char *pat = xstrndup(comp, (size_t)(end - comp));
	DIR *d = opendir(base ? path->s : ".");
	struct dirent *e;
	while (d && (e = readdir(d))) {
		const char *name = e->d_name;
		if (name[0] == '.' && (comp[0] != '.' || !strcmp(name, ".") ||
				       !strcmp(name, "..")))
			continue;
		if (!pattern_match(pat, name, strlen(name)))
			continue;
		path->len = base;
		sb_adds(path, name);
		if (!rest || is_dir(path->s))
			glob_next(path, rest, out);
	}
	if (d)
		closedir(d);
	free(pat);
	path->len = base;
	sb_addn(path, "", 0);
}

static void glob_at(struct strbuf *path, const char *pat, struct strvec *out)
{
	const char *slash = strchr(pat, '/');
	const char *end = slash ? slash : pat + strlen(pat);
	size_t base = path->len;
	if (pattern_has_magic(pat, (size_t)(end - pat))) {
		glob_dir(path, pat, end, slash, out);
	} else {
		add_literal(path, pat, end);
		sb_addn(path, "", 0);
		glob_next(path, slash, out);
	}
	path->len = base;
	sb_addn(path, "", 0);
}

static int compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t glob_expand(const char *pat, struct strvec *out)
{
	struct strbuf path = {0};
	struct strvec found = {0};
	size_t n;
	sb_addn(&path, "", 0);
	if (*pat == '/') {
		while (*pat == '/')
			pat++;
		sb_addc(&path, '/');
	}
	glob_at(&path, pat, &found);
	sb_free(&path);
	n = found.n;
	if (n)
		qsort(found.v, n, sizeof(*found.v), compare);
	for (size_t i = 0; i < n; i++)
		sv_push(out, found.v[i]);
	free(found.v);
	return n;
}
