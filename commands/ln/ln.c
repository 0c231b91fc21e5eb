// SPDX-License-Identifier: BSD-2-Clause
/*
 * ln: make links.
 *
 *	ln [-fs] source target
 *	ln [-fs] source ... directory
 *
 * The first form makes target a new name for source; the second makes
 * a link in an existing directory named after each source's last path
 * component.  By default the link is a hard link: another directory
 * entry for the same file, which must exist and be on the same file
 * system.
 *	-s	make symbolic links instead: the new entry holds the text
 *		of source, which is resolved relative to the link's own
 *		directory when used and need not exist.  Samsara's file
 *		system makes none (symlink() fails with ENOSYS, which ln
 *		reports); a host build makes them
 *	-f	replace an existing target (the new link is made first, then
 *		renamed over it: if it cannot be made, the target stays)
 * A failed operand is reported and the others are still linked; the
 * exit status is then 1.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmdlib.h"

static int opt_force, opt_symbolic;

static void usage(void)
{
	fprintf(stderr, "usage: ln [-fs] source target\n"
			"       ln [-fs] source ... directory\n");
	exit(2);
}

static int link_at(const char *src, const char *dst)
{
	return opt_symbolic ? symlink(src, dst) : link(src, dst);
}

/* -f: the link is made under a temporary name beside dst and renamed
 * over it, so a link that cannot be made (no symbolic links on
 * Samsara, another file system) leaves the old target in place. */
static int replace_link(const char *src, const char *dst)
{
	size_t n = strlen(dst) + 32;
	char *tmp = malloc(n);
	if (!tmp)
		err(1, "out of memory");
	snprintf(tmp, n, "%s.ln%ld", dst, (long)getpid());
	int rc = link_at(src, tmp);
	if (rc < 0)
		warn("%s -> %s", dst, src);
	else if ((rc = rename(tmp, dst)) < 0) {
		warn("%s", dst);
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

static int make_link(const char *src, const char *dst)
{
	if (opt_force)
		return replace_link(src, dst);
	if (link_at(src, dst) < 0) {
		warn("%s -> %s", dst, src);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "fs")) != -1) {
		switch (c) {
		case 'f':
			opt_force = 1;
			break;
		case 's':
			opt_symbolic = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2)
		usage();

	const char *target = argv[argc - 1];
	struct stat st;
	int to_dir = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
	if (!to_dir && argc > 2)
		errx(1, "%s: not a directory", target);
	if (!to_dir)
		return make_link(argv[0], target) < 0 ? 1 : 0;

	int status = 0;
	for (int i = 0; i < argc - 1; i++) {
		char *base = last_component(argv[i]);
		char *dst = join_path(target, base);
		if (make_link(argv[i], dst) < 0)
			status = 1;
		free(dst);
		free(base);
	}
	return status;
}
