// SPDX-License-Identifier: BSD-2-Clause
/*
 * ls: list directory contents.
 *
 *	ls [-1adl] [file ...]
 *
 * With no operand lists ".".  Operands that are not directories are
 * listed first, as one group; then each directory operand's entries,
 * under a "NAME:" header when there is more than one operand.  Names
 * are sorted by byte value everywhere.
 *	-a	include names starting with "." (also "." and "..")
 *	-d	list directory operands themselves, not their contents
 *	-l	long format, one file a line:
 *		  drwxr-xr-x  2 root  wheel   512 Nov 21 12:00 name
 *		mode, links, owner, group (numbers when there is no name),
 *		size, modification time (the year instead of the time when
 *		older than six months or in the future), name, and for a
 *		symbolic link " -> target".  Columns are aligned.
 *	-1	one name a line
 * Without -l names go one a line when standard output is not a
 * terminal, otherwise in columns down the screen, each as wide as its
 * longest name, as many as fit in $COLUMNS (default 80).
 *
 * Operands are followed if they are symbolic links, except with -l or
 * -d; entries inside directories never are.  There is no -R, no sorting
 * by time and no "total" line; device files show their size (0), not
 * their device numbers.  Unreadable operands are reported and skipped,
 * and the exit status is then 1.
 */
#include <dirent.h>
#include <err.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmdlib.h"

#define SIX_MONTHS (183L * 24 * 60 * 60)

struct entry {
	char *name; /* as shown */
	char *path; /* to reach it, for readlink */
	struct stat st;
};

struct list {
	struct entry *e;
	size_t n;
	size_t cap;
};

static int opt_all, opt_dir, opt_long, opt_one;
static int status;

static void usage(void)
{
	fprintf(stderr, "usage: ls [-1adl] [file ...]\n");
	exit(2);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		err(2, "out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	return strcpy(xmalloc(strlen(s) + 1), s);
}

static void list_add(struct list *l, char *name, char *path,
		     const struct stat *st)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->e = realloc(l->e, l->cap * sizeof(*l->e));
		if (!l->e)
			err(2, "out of memory");
	}
	l->e[l->n].name = name;
	l->e[l->n].path = path;
	if (st)
		l->e[l->n].st = *st;
	l->n++;
}

static void list_free(struct list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->e[i].name);
		free(l->e[i].path);
	}
	free(l->e);
	l->e = NULL;
	l->n = l->cap = 0;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
		      ((const struct entry *)b)->name);
}

static void mode_string(mode_t m, char *s)
{
	s[0] = S_ISDIR(m)    ? 'd'
	       : S_ISLNK(m)  ? 'l'
	       : S_ISCHR(m)  ? 'c'
	       : S_ISBLK(m)  ? 'b'
	       : S_ISFIFO(m) ? 'p'
	       : S_ISSOCK(m) ? 's'
			     : '-';
	const char *rwx = "rwxrwxrwx";
	for (int i = 0; i < 9; i++)
		s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	if (m & S_ISUID)
		s[3] = (m & S_IXUSR) ? 's' : 'S';
	if (m & S_ISGID)
		s[6] = (m & S_IXGRP) ? 's' : 'S';
	if (m & S_ISVTX)
		s[9] = (m & S_IXOTH) ? 't' : 'T';
	s[10] = '\0';
}

/* Owner and group names; the number as text when there is no name. */
static const char *user_name(uid_t uid)
{
	static char buf[24];
	struct passwd *pw = getpwuid(uid);
	if (pw)
		return pw->pw_name;
	snprintf(buf, sizeof(buf), "%lu", (unsigned long)uid);
	return buf;
}

static const char *group_name(gid_t gid)
{
	static char buf[24];
	struct group *gr = getgrgid(gid);
	if (gr)
		return gr->gr_name;
	snprintf(buf, sizeof(buf), "%lu", (unsigned long)gid);
	return buf;
}

static int num_width(unsigned long long v)
{
	int w = 1;
	while (v >= 10) {
		v /= 10;
		w++;
	}
	return w;
}

static int max(int a, int b)
{
	return a > b ? a : b;
}

static void print_long_one(const struct entry *e, int wl, int wu, int wg,
			   int ws)
{
	char mode[11], when[32];
	time_t now = time(NULL);
	mode_string(e->st.st_mode, mode);
	const char *fmt = "%b %e %H:%M";
	if (e->st.st_mtime > now || now - e->st.st_mtime > SIX_MONTHS)
		fmt = "%b %e  %Y";
	struct tm *tm = localtime(&e->st.st_mtime);
	if (!tm || strftime(when, sizeof(when), fmt, tm) == 0)
		strcpy(when, "?");
	printf("%s %*lu %-*s %-*s %*lld %s %s", mode, wl,
	       (unsigned long)e->st.st_nlink, wu, user_name(e->st.st_uid), wg,
	       group_name(e->st.st_gid), ws, (long long)e->st.st_size, when,
	       e->name);
	if (S_ISLNK(e->st.st_mode)) {
		char target[1024];
		ssize_t n = readlink(e->path, target, sizeof(target) - 1);
		if (n >= 0) {
			target[n] = '\0';
			printf(" -> %s", target);
		}
	}
	putchar('\n');
}

static void print_long(const struct list *l)
{
	int wl = 1, wu = 1, wg = 1, ws = 1;
	for (size_t i = 0; i < l->n; i++) {
		const struct stat *st = &l->e[i].st;
		wl = max(wl, num_width(st->st_nlink));
		wu = max(wu, (int)strlen(user_name(st->st_uid)));
		wg = max(wg, (int)strlen(group_name(st->st_gid)));
		ws = max(ws, num_width((unsigned long long)st->st_size));
	}
	for (size_t i = 0; i < l->n; i++)
		print_long_one(&l->e[i], wl, wu, wg, ws);
}

/* Width of column c when n names are laid out down nrows rows. */
static size_t column_width(const struct list *l, size_t c, size_t nrows)
{
	size_t w = 0;
	for (size_t i = c * nrows; i < l->n && i < (c + 1) * nrows; i++) {
		size_t len = strlen(l->e[i].name);
		if (len > w)
			w = len;
	}
	return w;
}

/* How many rows the names need to fit in width columns of text. */
static size_t rows_needed(const struct list *l, size_t width)
{
	size_t most = width / 3 < l->n ? width / 3 : l->n;
	for (size_t ncols = most; ncols > 1; ncols--) {
		size_t nrows = (l->n + ncols - 1) / ncols;
		size_t used = (l->n + nrows - 1) / nrows;
		size_t total = 0;
		for (size_t c = 0; c < used; c++)
			total += column_width(l, c, nrows) + (c ? 2 : 0);
		if (total <= width)
			return nrows;
	}
	return l->n;
}

/*
 * Names in columns, sorted down each column; each column as wide as its
 * longest name, two spaces apart, as many as fit in $COLUMNS (80).
 */
static void print_columns(const struct list *l)
{
	const char *cols_env = getenv("COLUMNS");
	int width = cols_env ? atoi(cols_env) : 0;
	if (width <= 0)
		width = 80;
	size_t nrows = rows_needed(l, (size_t)width);
	size_t ncols = (l->n + nrows - 1) / nrows;
	size_t *colw = malloc(ncols * sizeof(*colw));
	if (!colw)
		err(2, "out of memory");
	for (size_t c = 0; c < ncols; c++)
		colw[c] = column_width(l, c, nrows);
	for (size_t r = 0; r < nrows; r++) {
		for (size_t c = 0; c < ncols; c++) {
			size_t i = c * nrows + r;
			if (i >= l->n)
				break;
			if (c + 1 == ncols || i + nrows >= l->n)
				printf("%s", l->e[i].name);
			else
				printf("%-*s  ", (int)colw[c], l->e[i].name);
		}
		putchar('\n');
	}
	free(colw);
}

static void print_list(struct list *l)
{
	if (l->n > 1)
		qsort(l->e, l->n, sizeof(*l->e), cmp_entry);
	if (opt_long)
		print_long(l);
	else if (opt_one || !isatty(STDOUT_FILENO))
		for (size_t i = 0; i < l->n; i++)
			printf("%s\n", l->e[i].name);
	else if (l->n > 0)
		print_columns(l);
}

static void list_dir(const char *path)
{
	struct list l = {NULL, 0, 0};
	DIR *d = opendir(path);
	if (!d) {
		warn("%s", path);
		status = 1;
		return;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' && !opt_all)
			continue;
		char *full = join_path(path, de->d_name);
		struct stat st;
		if (opt_long && lstat(full, &st) < 0) {
			warn("%s", full);
			status = 1;
			free(full);
			continue;
		}
		list_add(&l, xstrdup(de->d_name), full, opt_long ? &st : NULL);
	}
	closedir(d);
	print_list(&l);
	list_free(&l);
}

/* Sort operands into files (listed as a group) and directories. */
static void sort_operand(const char *name, struct list *files,
			 struct list *dirs)
{
	struct stat st;
	int follow = !opt_long && !opt_dir;
	if ((follow ? stat(name, &st) : lstat(name, &st)) < 0 &&
	    (!follow || lstat(name, &st) < 0)) {
		warn("%s", name);
		status = 1;
		return;
	}
	struct list *to = S_ISDIR(st.st_mode) && !opt_dir ? dirs : files;
	list_add(to, xstrdup(name), xstrdup(name), &st);
}

int main(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "1adl")) != -1) {
		switch (c) {
		case '1':
			opt_one = 1;
			break;
		case 'a':
			opt_all = 1;
			break;
		case 'd':
			opt_dir = 1;
			break;
		case 'l':
			opt_long = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	struct list files = {NULL, 0, 0}, dirs = {NULL, 0, 0};
	if (argc == 0)
		sort_operand(".", &files, &dirs);
	for (int i = 0; i < argc; i++)
		sort_operand(argv[i], &files, &dirs);

	int headers = argc > 1;
	if (files.n > 0)
		print_list(&files);
	if (dirs.n > 1)
		qsort(dirs.e, dirs.n, sizeof(*dirs.e), cmp_entry);
	for (size_t i = 0; i < dirs.n; i++) {
		if (files.n > 0 || i > 0)
			putchar('\n');
		if (headers)
			printf("%s:\n", dirs.e[i].name);
		list_dir(dirs.e[i].path);
	}
	list_free(&files);
	list_free(&dirs);
	if (fflush(stdout) == EOF)
		err(2, "write error");
	return status;
}
