// SPDX-License-Identifier: BSD-2-Clause
/*
 * mv: move or rename files.
 *
 *	mv [-f] source target
 *	mv [-f] source ... directory
 *
 * The first form gives one file a new name, replacing an existing
 * target file; the second moves each source into an existing directory
 * under its last path component.  Either is a rename(), so it works
 * across directories of one file system, keeps the file's identity and
 * replaces the target atomically.
 *
 * When rename() says the two names are on different file systems
 * (EXDEV), a regular file is copied through a fixed buffer, given the
 * source's permission bits and the source removed; other kinds of file
 * (directories included) cannot cross and are reported.
 *
 * mv never asks questions, so -f ("do not prompt") is accepted and
 * changes nothing.  A failed source is reported and the others are
 * still moved; the exit status is then 1.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmdlib.h"

#define BUF_SIZE 8192

static void usage(void)
{
	fprintf(stderr, "usage: mv [-f] source target\n"
			"       mv [-f] source ... directory\n");
	exit(2);
}

/* Copy regular file src to dst; on failure remove the partial dst. */
static int copy_across(const char *src, const char *dst, const struct stat *st)
{
	static char buf[BUF_SIZE];
	int in = open(src, O_RDONLY);
	if (in < 0) {
		warn("%s", src);
		return -1;
	}
	int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 0777);
	if (out < 0) {
		warn("%s", dst);
		close(in);
		return -1;
	}
	ssize_t n;
	int rc = 0;
	while ((n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || write_all(out, buf, (size_t)n) < 0) {
			warn("%s", n < 0 ? src : dst);
			rc = -1;
			break;
		}
	}
	close(in);
	if (close(out) < 0 && rc == 0) {
		warn("%s", dst);
		rc = -1;
	}
	if (rc == 0 && chmod(dst, st->st_mode & 07777) < 0)
		warn("%s: cannot set mode", dst);
	if (rc < 0)
		unlink(dst);
	else if (unlink(src) < 0) {
		warn("%s", src);
		rc = -1;
	}
	return rc;
}

static int move(const char *src, const char *dst)
{
	if (rename(src, dst) == 0)
		return 0;
	if (errno != EXDEV) {
		warn("cannot move %s to %s", src, dst);
		return -1;
	}
	struct stat st;
	if (lstat(src, &st) < 0) {
		warn("%s", src);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		warnx("cannot move %s to %s: only regular files can change "
		      "file system",
		      src, dst);
		return -1;
	}
	return copy_across(src, dst, &st);
}

int main(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "f")) != -1) {
		if (c != 'f')
			usage();
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
		return move(argv[0], target) < 0 ? 1 : 0;

	int status = 0;
	for (int i = 0; i < argc - 1; i++) {
		char *base = last_component(argv[i]);
		char *dst = join_path(target, base);
		if (move(argv[i], dst) < 0)
			status = 1;
		free(dst);
		free(base);
	}
	return status;
}
