// SPDX-License-Identifier: BSD-2-Clause
/*
 * grep: print lines that match a pattern.
 *
 *	grep [-c | -l | -q] [-hinsv] [-e pattern ...] [pattern] [file ...]
 *
 * Each line of each file (standard input if none, or for "-") is tried
 * against the patterns; a line that matches any of them is "selected"
 * (with -v: one that matches none).  Selected lines are printed, after
 * "NAME:" when several files are searched (unless -h) and "N:" with -n.
 *	-c	print only the number of selected lines per file
 *	-l	print only the names of files with a selected line
 *	-q	print nothing; stop at the first selected line
 *	-i	ignore case		-s	no messages for unreadable files
 *	-e PAT	add a pattern (may repeat); a newline in a pattern also
 *		separates patterns
 *
 * Patterns are a subset of POSIX basic regular expressions, matched by
 * the small engine in bre.c: ordinary characters, ".", "*", "[set]",
 * "[^set]" with ranges and [:class:], the anchors "^" and "$", and "\"
 * to quote a special character.  Groups, intervals and back-references
 * are refused with an error rather than misread.
 *
 * Exit status: 0 a line was selected, 1 none was, 2 an error (bad
 * usage or pattern, unreadable file), except that -q exits 0 as soon
 * as a line is selected.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bre.h"

enum output { OUT_LINES, OUT_COUNT, OUT_NAMES, OUT_QUIET };

struct options {
	enum output output;
	int invert;
	int numbers;
	int no_names;
	int silent;
	int icase;
};

static struct options opt;
static struct bre **pats;
static size_t npats;

static void usage(void)
{
	fprintf(stderr, "usage: grep [-c | -l | -q] [-hinsv] "
			"[-e pattern ...] [pattern] [file ...]\n");
	exit(2);
}

/* Compile each newline-separated piece of spec and add it. */
static void add_patterns(const char *spec)
{
	for (;;) {
		const char *nl = strchr(spec, '\n');
		size_t len = nl ? (size_t)(nl - spec) : strlen(spec);
		const char *why;
		struct bre *re = bre_compile(spec, len, opt.icase, &why);
		if (!re)
			errx(2, "bad pattern '%.*s': %s", (int)len, spec, why);
		pats = realloc(pats, (npats + 1) * sizeof(*pats));
		if (!pats)
			err(2, "out of memory");
		pats[npats++] = re;
		if (!nl)
			return;
		spec = nl + 1;
	}
}

static int selected(const char *text, size_t len)
{
	int hit = 0;
	for (size_t i = 0; i < npats && !hit; i++)
		hit = bre_match(pats[i], text, len);
	return hit != opt.invert;
}

/* Read one line into *buf (grown as needed); its length, or -1 at EOF. */
static long read_line(FILE *f, char **buf, size_t *cap)
{
	size_t len = 0;
	int c;
	while ((c = getc(f)) != EOF) {
		if (len + 1 >= *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*buf = realloc(*buf, *cap);
			if (!*buf)
				err(2, "out of memory");
		}
		if (c == '\n')
			break;
		(*buf)[len++] = (char)c;
	}
	if (c == EOF && len == 0)
		return -1;
	return (long)len;
}

/* Search one open stream; returns the number of selected lines. */
static unsigned long grep_stream(FILE *f, const char *shown, int show_name)
{
	static char *buf;
	static size_t cap;
	unsigned long count = 0, lineno = 0;
	long len;
	while ((len = read_line(f, &buf, &cap)) >= 0) {
		lineno++;
		if (!selected(buf, (size_t)len))
			continue;
		count++;
		if (opt.output == OUT_QUIET)
			exit(0);
		if (opt.output == OUT_NAMES)
			break;
		if (opt.output != OUT_LINES)
			continue;
		if (show_name)
			printf("%s:", shown);
		if (opt.numbers)
			printf("%lu:", lineno);
		fwrite(buf, 1, (size_t)len, stdout);
		putchar('\n');
	}
	if (opt.output == OUT_COUNT) {
		if (show_name)
			printf("%s:", shown);
		printf("%lu\n", count);
	}
	if (opt.output == OUT_NAMES && count > 0)
		printf("%s\n", shown);
	return count;
}

/* Returns 1 if a line was selected, 0 if none, -1 on error. */
static int grep_file(const char *name, int show_name)
{
	FILE *f = stdin;
	const char *shown = "(standard input)";
	if (strcmp(name, "-") != 0) {
		f = fopen(name, "r");
		if (!f) {
			if (!opt.silent)
				warn("%s", name);
			return -1;
		}
		shown = name;
	}
	unsigned long n = grep_stream(f, shown, show_name);
	int rc = n > 0;
	if (ferror(f)) {
		if (!opt.silent)
			warn("%s", name);
		rc = -1;
	}
	if (f != stdin)
		fclose(f);
	return rc;
}

static void set_output(enum output o)
{
	if (o > opt.output)
		opt.output = o; /* -q beats -l beats -c */
}

int main(int argc, char **argv)
{
	const char **specs = calloc((size_t)argc, sizeof(*specs));
	size_t nspecs = 0;
	int c;
	if (!specs)
		err(2, "out of memory");
	while ((c = getopt(argc, argv, "ce:hilnqsv")) != -1) {
		switch (c) {
		case 'c':
			set_output(OUT_COUNT);
			break;
		case 'e':
			specs[nspecs++] = optarg;
			break;
		case 'h':
			opt.no_names = 1;
			break;
		case 'i':
			opt.icase = 1;
			break;
		case 'l':
			set_output(OUT_NAMES);
			break;
		case 'n':
			opt.numbers = 1;
			break;
		case 'q':
			set_output(OUT_QUIET);
			break;
		case 's':
			opt.silent = 1;
			break;
		case 'v':
			opt.invert = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (nspecs == 0) {
		if (argc == 0)
			usage();
		specs[nspecs++] = *argv++;
		argc--;
	}
	for (size_t i = 0; i < nspecs; i++)
		add_patterns(specs[i]);

	int matched = 0, failed = 0;
	int show_name = argc > 1 && !opt.no_names;
	static const char *const stdin_only[] = {"-"};
	const char *const *files =
		argc ? (const char *const *)argv : stdin_only;
	int nfiles = argc ? argc : 1;
	for (int i = 0; i < nfiles; i++) {
		int rc = grep_file(files[i], show_name);
		if (rc < 0)
			failed = 1;
		else if (rc > 0)
			matched = 1;
	}
	if (fflush(stdout) == EOF)
		err(2, "write error");
	return failed ? 2 : (matched ? 0 : 1);
}
