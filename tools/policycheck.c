// SPDX-License-Identifier: BSD-2-Clause
/*
 * policycheck: check policy files on the host, with the parser RS uses
 * (lib/libpolicy), and make the kernel's boot table from them.
 *
 *   policycheck FILE...
 *   policycheck -t OUT [PATTERN=]FILE...
 *
 * Each file must parse, and its driver label must be its name without
 * ".conf" (drivers/tty/tty.conf holds "driver tty"), since it is
 * installed as /etc/system.d/LABEL.conf.  Every problem is one line
 * "FILE:LINE: what is wrong" on standard error; all files are checked,
 * and the exit status is 1 if any was bad (2 for a usage error).  The
 * build runs it on every policy file in the tree.
 *
 * With -t it also writes OUT, the C source of the kernel's boot-image
 * table (boottable.c), one entry per file in the order given, named by
 * the label or by PATTERN; OUT is written only if every file is good.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "policycheck.h"

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

static int check(const char *path, struct policy *p)
{
	char err[POLICY_ERR_MAX + FILENAME_MAX];
	long n = load(path);
	if (n < 0)
		return -1;
	if (policy_parse(path, text, (size_t)n, p, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return check_name(path, p);
}

/* "PATTERN=FILE" or "FILE" as an entry of the boot table. */
static int entry(char *arg, struct boot_policy *b)
{
	char *eq = strchr(arg, '=');
	b->path = eq ? eq + 1 : arg;
	if (eq)
		*eq = 0;
	if (check(b->path, &b->pol) < 0)
		return -1;
	b->name = eq ? arg : b->pol.label;
	return 0;
}

static int write_table(const char *out, const struct boot_policy *b, int n)
{
	FILE *f = fopen(out, "w");
	if (!f || boot_table_write(f, b, n) < 0 || fclose(f) != 0) {
		fprintf(stderr, "policycheck: %s: %s\n", out, strerror(errno));
		remove(out);
		return -1;
	}
	return 0;
}

#define MAX_ENTRIES 64

int main(int argc, char **argv)
{
	static struct boot_policy table[MAX_ENTRIES];
	const char *out = argc > 2 && !strcmp(argv[1], "-t") ? argv[2] : 0;
	int first = out ? 3 : 1;
	if (argc <= first || argc - first > MAX_ENTRIES) {
		fprintf(stderr,
			"usage: policycheck FILE...\n"
			"       policycheck -t OUT [PATTERN=]FILE...\n");
		return 2;
	}
	int status = 0, n = 0;
	for (int i = first; i < argc; i++)
		if (entry(argv[i], &table[n++]) < 0)
			status = 1;
	if (status == 0 && out && write_table(out, table, n) < 0)
		status = 1;
	return status;
}
