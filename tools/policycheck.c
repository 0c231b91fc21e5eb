// SPDX-License-Identifier: BSD-2-Clause
/*
 * policycheck: check driver policy files on the host, with the parser
 * RS uses (lib/libpolicy).
 *
 *   policycheck FILE...
 *
 * Each file must parse, and its driver label must be its name without
 * ".conf" (drivers/tty/tty.conf holds "driver tty"), since it is
 * installed as /etc/system.d/LABEL.conf.  Every problem is one line
 * "FILE:LINE: what is wrong" on standard error; all files are checked,
 * and the exit status is 1 if any was bad (2 for a usage error).  The
 * build runs it on drivers/(name)/(name).conf.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "policy.h"

#define FILE_MAX (64 * 1024)

static char text[FILE_MAX + 1];

/* The file's contents into text; its length, or -1 after a message. */
static long load(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "policycheck: %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t n = fread(text, 1, sizeof(text), f);
	int bad = ferror(f);
	fclose(f);
	if (bad || n > FILE_MAX) {
		fprintf(stderr, "policycheck: %s: %s\n", path,
			bad ? "read error" : "larger than 64 KiB");
		return -1;
	}
	return (long)n;
}

/* Is the label the file's base name without ".conf"? */
static int check_name(const char *path, const struct policy *p)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(base);
	if (n < 5 || strcmp(base + n - 5, ".conf") != 0) {
		fprintf(stderr, "%s:%u: file name does not end in \".conf\"\n",
			path, p->line);
		return -1;
	}
	if (strlen(p->label) != n - 5 || strncmp(p->label, base, n - 5)) {
		fprintf(stderr,
			"%s:%u: label \"%s\" does not match the file name "
			"(\"%.*s\")\n",
			path, p->line, p->label, (int)(n - 5), base);
		return -1;
	}
	return 0;
}

static int check(const char *path)
{
	struct policy p;
	char err[POLICY_ERR_MAX + FILENAME_MAX];
	long n = load(path);
	if (n < 0)
		return -1;
	if (policy_parse(path, text, (size_t)n, &p, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return check_name(path, &p);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: policycheck FILE...\n");
		return 2;
	}
	int status = 0;
	for (int i = 1; i < argc; i++)
		if (check(argv[i]) < 0)
			status = 1;
	return status;
}
