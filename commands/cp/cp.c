// SPDX-License-Identifier: BSD-2-Clause
/*
 * cp: copy files.
 *
 *	cp [-f] [-r] source target
 *	cp [-f] [-r] source ... directory
 *
 * The first form copies one file to a new name; the second copies each
 * source into an existing directory under its last path component.  A
 * new file gets the source's permission bits, less the umask; an
 * existing target keeps its own and is truncated and overwritten.
 *	-f	if an existing target cannot be opened, remove it and retry
 *	-r, -R	copy directories and everything under them; symbolic links
 *		inside the tree are copied as links, not followed
 * Without -r a directory source is reported and skipped, and symbolic
 * links are followed.  Copying a file onto itself, or a directory into
 * itself, is refused.
 *
 * Data streams through a fixed buffer.  Owners, times and special files
 * (devices, FIFOs) are not reproduced: a special file is read like a
 * file.  A failed source is reported and the others are still copied;
 * the exit status is then 1.
 */
#include <dirent.h>
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

static int opt_force, opt_recursive;

/* The directory a recursive copy is filling, so it is not copied too. */
static dev_t top_dev;
static ino_t top_ino;
static int have_top;

static void usage(void)
{
	fprintf(stderr, "usage: cp [-f] [-r] source target\n"
			"       cp [-f] [-r] source ... directory\n");
	exit(2);
}

static int copy_data(int in, int out, const char *src, const char *dst)
{
	static char buf[BUF_SIZE];
	for (;;) {
		ssize_t n = read(in, buf, sizeof(buf));
		if (n == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn("%s", src);
			return -1;
		}
		if (write_all(out, buf, (size_t)n) < 0) {
			warn("%s", dst);
			return -1;
		}
	}
}

static int open_target(const char *dst, mode_t mode)
{
	int fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0 && opt_force && unlink(dst) == 0)
		fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
	return fd;
}

static int copy_file(const char *src, const char *dst, const struct stat *st)
{
	struct stat dst_st;
	if (stat(dst, &dst_st) == 0 && dst_st.st_dev == st->st_dev &&
	    dst_st.st_ino == st->st_ino) {
		warnx("%s and %s are the same file", src, dst);
		return -1;
	}
	int in = open(src, O_RDONLY);
	if (in < 0) {
		warn("%s", src);
		return -1;
	}
	int out = open_target(dst, st->st_mode & 0777);
	if (out < 0) {
		warn("%s", dst);
		close(in);
		return -1;
	}
	int rc = copy_data(in, out, src, dst);
	close(in);
	if (close(out) < 0 && rc == 0) {
		warn("%s", dst);
		rc = -1;
	}
	return rc;
}

static int copy_link(const char *src, const char *dst)
{
	char target[1024];
	ssize_t n = readlink(src, target, sizeof(target) - 1);
	if (n < 0) {
		warn("%s", src);
		return -1;
	}
	target[n] = '\0';
	if (symlink(target, dst) < 0 &&
	    (errno != EEXIST || unlink(dst) < 0 || symlink(target, dst) < 0)) {
		warn("%s", dst);
		return -1;
	}
	return 0;
}

static int copy_path(const char *src, const char *dst);

/* Copy every entry of directory src into dst, which exists. */
static int copy_entries(const char *src, const char *dst)
{
	DIR *d = opendir(src);
	if (!d) {
		warn("%s", src);
		return -1;
	}
	int rc = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		char *from = join_path(src, de->d_name);
		char *to = join_path(dst, de->d_name);
		struct stat st;
		if (lstat(from, &st) == 0 && have_top && st.st_dev == top_dev &&
		    st.st_ino == top_ino) {
			warnx("cannot copy directory %s into itself", from);
			rc = -1;
		} else if (copy_path(from, to) < 0) {
			rc = -1;
		}
		free(from);
		free(to);
	}
	closedir(d);
	return rc;
}

static int copy_dir(const char *src, const char *dst, const struct stat *st)
{
	struct stat dst_st;
	int made = 0;
	if (stat(dst, &dst_st) < 0) {
		if (mkdir(dst, (st->st_mode & 0777) | S_IRWXU) < 0 ||
		    stat(dst, &dst_st) < 0) {
			warn("%s", dst);
			return -1;
		}
		made = 1;
	} else if (!S_ISDIR(dst_st.st_mode)) {
		warnx("%s: not a directory", dst);
		return -1;
	}
	if (dst_st.st_dev == st->st_dev && dst_st.st_ino == st->st_ino) {
		warnx("cannot copy directory %s into itself", src);
		return -1;
	}
	if (!have_top) {
		top_dev = dst_st.st_dev;
		top_ino = dst_st.st_ino;
		have_top = 1;
	}
	int rc = copy_entries(src, dst);
	if (made && (st->st_mode & S_IRWXU) != S_IRWXU) {
		mode_t mask = umask(0);
		umask(mask);
		if (chmod(dst, st->st_mode & 0777 & ~mask) < 0) {
			warn("%s", dst);
			rc = -1;
		}
	}
	return rc;
}

static int copy_path(const char *src, const char *dst)
{
	struct stat st;
	if ((opt_recursive ? lstat(src, &st) : stat(src, &st)) < 0) {
		warn("%s", src);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!opt_recursive) {
			warnx("%s: is a directory (not copied)", src);
			return -1;
		}
		return copy_dir(src, dst, &st);
	}
	if (S_ISLNK(st.st_mode))
		return copy_link(src, dst);
	return copy_file(src, dst, &st);
}

/* Copy one operand; each operand gets its own "into itself" guard. */
static int copy_operand(const char *src, const char *dst)
{
	have_top = 0;
	return copy_path(src, dst);
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
	if (argc < 2)
		usage();

	const char *target = argv[argc - 1];
	struct stat st;
	int to_dir = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
	if (!to_dir && argc > 2)
		errx(1, "%s: not a directory", target);
	if (!to_dir)
		return copy_operand(argv[0], target) < 0 ? 1 : 0;

	int status = 0;
	for (int i = 0; i < argc - 1; i++) {
		char *base = last_component(argv[i]);
		char *dst = join_path(target, base);
		if (copy_operand(argv[i], dst) < 0)
			status = 1;
		free(dst);
		free(base);
	}
	return status;
}
