// SPDX-License-Identifier: BSD-2-Clause
/*
 * touch: create files or set their access and modification times.
 *
 *	touch [-acm] [-r ref_file] file ...
 *
 * A file that does not exist is created empty (mode 0666 less the
 * umask).  An existing file gets the current time as its access and
 * modification time, through utime().
 *	-a	change only the access time
 *	-m	change only the modification time
 *	-c	do not create missing files (and do not report them)
 *	-r REF	use REF's times instead of the current time
 * -a and -m keep the other time by reading it first with stat().
 * There is no -t or -d date parsing.
 *
 * A failed operand is reported and the others are still touched; the
 * exit status is then 1.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#define SET_ATIME 1
#define SET_MTIME 2

static void usage(void)
{
	fprintf(stderr, "usage: touch [-acm] [-r ref_file] file ...\n");
	exit(2);
}

/*
 * Set the chosen times of an existing file.  With both times new and no
 * reference, utime(path, NULL) is used: it needs only write permission,
 * not ownership.
 */
static int set_times(const char *path, int which, const struct utimbuf *ref,
		     const struct stat *st)
{
	if (!ref && which == (SET_ATIME | SET_MTIME))
		return utime(path, NULL);
	struct utimbuf t;
	time_t now = time(NULL);
	t.actime =
		(which & SET_ATIME) ? (ref ? ref->actime : now) : st->st_atime;
	t.modtime =
		(which & SET_MTIME) ? (ref ? ref->modtime : now) : st->st_mtime;
	return utime(path, &t);
}

static int touch(const char *path, int which, int create,
		 const struct utimbuf *ref)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		if (errno != ENOENT) {
			warn("%s", path);
			return -1;
		}
		if (!create)
			return 0;
		int fd = open(path, O_WRONLY | O_CREAT, 0666);
		if (fd < 0) {
			warn("%s", path);
			return -1;
		}
		close(fd);
		if (!ref)
			return 0;
		if (stat(path, &st) < 0) {
			warn("%s", path);
			return -1;
		}
	}
	if (set_times(path, which, ref, &st) < 0) {
		warn("%s", path);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int which = 0, create = 1;
	const char *ref_name = NULL;
	int c;
	while ((c = getopt(argc, argv, "acmr:")) != -1) {
		switch (c) {
		case 'a':
			which |= SET_ATIME;
			break;
		case 'c':
			create = 0;
			break;
		case 'm':
			which |= SET_MTIME;
			break;
		case 'r':
			ref_name = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage();
	if (which == 0)
		which = SET_ATIME | SET_MTIME;

	struct utimbuf ref_times, *ref = NULL;
	if (ref_name) {
		struct stat st;
		if (stat(ref_name, &st) < 0)
			err(1, "%s", ref_name);
		ref_times.actime = st.st_atime;
		ref_times.modtime = st.st_mtime;
		ref = &ref_times;
	}
	int status = 0;
	for (int i = 0; i < argc; i++) {
		if (touch(argv[i], which, create, ref) < 0)
			status = 1;
	}
	return status;
}
