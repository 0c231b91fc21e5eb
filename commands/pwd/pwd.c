// SPDX-License-Identifier: BSD-2-Clause
/*
 * pwd: print the working directory.
 *
 *	pwd [-L | -P]
 *
 * Prints the absolute path of the current directory.
 *	-P	the physical path from getcwd(), with no symbolic links
 *	-L	(default) $PWD, the path the shell went through, if it is
 *		absolute, has no "." or ".." component and really names
 *		the current directory; otherwise the same as -P
 * getcwd() is retried with a larger buffer until the path fits.
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
	fprintf(stderr, "usage: pwd [-L | -P]\n");
	exit(2);
}

/* Is $PWD a clean absolute name of the current directory? */
static int pwd_env_ok(const char *pwd)
{
	if (!pwd || pwd[0] != '/')
		return 0;
	for (const char *p = pwd; *p; p++) {
		if (p[0] != '/' || p[1] != '.')
			continue;
		if (p[2] == '/' || p[2] == '\0' ||
		    (p[2] == '.' && (p[3] == '/' || p[3] == '\0')))
			return 0;
	}
	struct stat a, b;
	return stat(pwd, &a) == 0 && stat(".", &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static char *physical_cwd(void)
{
	for (size_t size = 256;; size *= 2) {
		char *buf = malloc(size);
		if (!buf)
			err(1, "out of memory");
		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			err(1, "cannot get the current directory");
	}
}

int main(int argc, char **argv)
{
	int logical = 1;
	int c;
	while ((c = getopt(argc, argv, "LP")) != -1) {
		switch (c) {
		case 'L':
			logical = 1;
			break;
		case 'P':
			logical = 0;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	const char *env = getenv("PWD");
	if (logical && pwd_env_ok(env)) {
		printf("%s\n", env);
	} else {
		char *cwd = physical_cwd();
		printf("%s\n", cwd);
		free(cwd);
	}
	if (fflush(stdout) == EOF)
		err(1, "write error");
	return 0;
}
