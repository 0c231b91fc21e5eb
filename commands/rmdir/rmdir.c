// SPDX-License-Identifier: BSD-2-Clause
/*
 * rmdir: remove empty directories.
 *
 *	rmdir [-p] dir ...
 *
 * Removes each directory, which must be empty (use rm -r otherwise).
 *	-p	then remove each parent named in the operand too, from the
 *		innermost out: "rmdir -p a/b/c" removes a/b/c, a/b and a,
 *		stopping at the first that cannot be removed
 * A failed operand is reported and the others are still removed; the
 * exit status is then 1.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: rmdir [-p] dir ...\n");
	exit(2);
}

/* Cut the last component off path in place; 0 if nothing is left. */
static int strip_last(char *path)
{
	size_t len = strlen(path);
	while (len > 0 && path[len - 1] == '/')
		len--;
	while (len > 0 && path[len - 1] != '/')
		len--;
	while (len > 0 && path[len - 1] == '/')
		len--;
	path[len] = '\0';
	return len > 0;
}

static int remove_dir(const char *path, int parents)
{
	if (rmdir(path) < 0) {
		warn("%s", path);
		return -1;
	}
	if (!parents)
		return 0;
	char *p = malloc(strlen(path) + 1);
	if (!p)
		err(1, "out of memory");
	strcpy(p, path);
	int rc = 0;
	while (strip_last(p)) {
		if (rmdir(p) < 0) {
			warn("%s", p);
			rc = -1;
			break;
		}
	}
	free(p);
	return rc;
}

int main(int argc, char **argv)
{
	int parents = 0;
	int c;
	while ((c = getopt(argc, argv, "p")) != -1) {
		if (c != 'p')
			usage();
		parents = 1;
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage();

	int status = 0;
	for (int i = 0; i < argc; i++) {
		if (remove_dir(argv[i], parents) < 0)
			status = 1;
	}
	return status;
}
