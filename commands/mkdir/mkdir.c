// SPDX-License-Identifier: BSD-2-Clause
/*
 * mkdir: make directories.
 *
 *	mkdir [-p] [-m mode] dir ...
 *
 * Creates each directory with permissions 0777 less the umask.
 *	-p	also create missing parent directories, and do not complain
 *		when a directory already exists
 *	-m MODE	give the new directory exactly MODE (octal, e.g. 755),
 *		regardless of the umask; parents made by -p get u+wx so
 *		that the path can be completed
 * A failed operand is reported and the others are still created; the
 * exit status is then 1.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: mkdir [-p] [-m mode] dir ...\n");
	exit(2);
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Create every missing ancestor of path (not path itself), each 0777
 * less the umask but always with u+wx, so the next level can be made.
 */
static int make_parents(const char *path)
{
	char *p = malloc(strlen(path) + 1);
	if (!p)
		err(1, "out of memory");
	strcpy(p, path);
	mode_t mask = umask(0);
	umask(mask);
	int rc = 0;
	for (char *s = p + 1; *s; s++) {
		if (*s != '/' || s[-1] == '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == 0) {
			if ((mask & (S_IWUSR | S_IXUSR)) != 0)
				chmod(p, (0777 & ~mask) | S_IWUSR | S_IXUSR);
		} else if (!(errno == EEXIST && is_dir(p))) {
			warn("%s", p);
			rc = -1;
			break;
		}
		*s = '/';
	}
	free(p);
	return rc;
}

static int make_dir(const char *path, int parents, int set_mode, mode_t mode)
{
	if (parents && make_parents(path) < 0)
		return -1;
	if (mkdir(path, set_mode ? mode : 0777) < 0) {
		if (parents && errno == EEXIST && is_dir(path))
			return 0;
		warn("%s", path);
		return -1;
	}
	if (set_mode && chmod(path, mode) < 0) {
		warn("%s", path);
		return -1;
	}
	return 0;
}

static int parse_mode(const char *s, mode_t *mode)
{
	unsigned long v = 0;
	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '7' || v > 07777)
			return -1;
		v = v * 8 + (unsigned long)(*s - '0');
	}
	if (v > 07777)
		return -1;
	*mode = (mode_t)v;
	return 0;
}

int main(int argc, char **argv)
{
	int parents = 0, set_mode = 0;
	mode_t mode = 0777;
	int c;
	while ((c = getopt(argc, argv, "pm:")) != -1) {
		switch (c) {
		case 'p':
			parents = 1;
			break;
		case 'm':
			if (parse_mode(optarg, &mode) < 0)
				errx(2, "invalid mode (octal only): %s",
				     optarg);
			set_mode = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage();

	int status = 0;
	for (int i = 0; i < argc; i++) {
		if (make_dir(argv[i], parents, set_mode, mode) < 0)
			status = 1;
	}
	return status;
}
