// SPDX-License-Identifier: BSD-2-Clause
/*
 * rm: remove directory entries.
 *
 *	rm [-fr] file ...
 *
 * Removes each named file.  A directory is removed only with -r (or
 * -R), which first removes everything under it, depth first; symbolic
 * links are removed, never followed.
 *	-f	say nothing about files that do not exist, and do not
 *		complain when there are no operands
 *	-r, -R	remove directories and their contents
 * The operands "." and ".." (as last component) and "/" are refused.
 * rm does not ask before removing write-protected files: there is no
 * -i and no prompting.
 *
 * A failed operand is reported and the others are still removed; the
 * exit status is then 1.
 */
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmdlib.h"

static int opt_force, opt_recursive;

static void usage(void)
{
	fprintf(stderr, "usage: rm [-fr] file ...\n");
	exit(2);
}

static int remove_path(const char *path);

/*
 * Remove what is inside directory path.  The names are read first and
 * removed after closedir(), so the directory is not changed under an
 * open readdir().
 */
static int remove_entries(const char *path)
{
	DIR *d = opendir(path);
	if (!d) {
		warn("%s", path);
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = realloc(names, cap * sizeof(*names));
			if (!names)
				err(1, "out of memory");
		}
		names[n++] = join_path(path, de->d_name);
	}
	closedir(d);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (remove_path(names[i]) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

static int remove_path(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0) {
		if (opt_force && errno == ENOENT)
			return 0;
		warn("%s", path);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!opt_recursive) {
			warnx("%s: is a directory", path);
			return -1;
		}
		if (remove_entries(path) < 0)
			return -1;
		if (rmdir(path) < 0) {
			warn("%s", path);
			return -1;
		}
		return 0;
	}
	if (unlink(path) < 0) {
		warn("%s", path);
		return -1;
	}
	return 0;
}

/* Is the last component of path "." or "..", or is path all slashes? */
static int forbidden(const char *path)
{
	size_t len = strlen(path);
	while (len > 0 && path[len - 1] == '/')
		len--;
	if (len == 0)
		return 1;
	size_t start = len;
	while (start > 0 && path[start - 1] != '/')
		start--;
	size_t n = len - start;
	return (n == 1 && path[start] == '.') ||
	       (n == 2 && path[start] == '.' && path[start + 1] == '.');
}

int main(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "frR")) != -1) {
		switch (c) {
		case 'f':
			opt_force = 1;
			break;
		case 'r':
		case 'R':
			opt_recursive = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0 && !opt_force)
		usage();

	int status = 0;
	for (int i = 0; i < argc; i++) {
		if (forbidden(argv[i])) {
			warnx("%s: refusing to remove . , .. or /", argv[i]);
			status = 1;
		} else if (remove_path(argv[i]) < 0) {
			status = 1;
		}
	}
	return status;
}
