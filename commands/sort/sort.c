// SPDX-License-Identifier: BSD-2-Clause
/*
 * sort: sort lines of text.
 *
 *	sort [-n] [-r] [-u] [file ...]
 *
 * Reads every line of the files (standard input if none, or for "-")
 * into memory, sorts them and writes them out.  This is the one command
 * that holds its whole input: sorting needs it.  A last line without a
 * newline gets one.
 *
 * Order: bytes compared as unsigned values (the C locale).  -n compares
 * the leading number of each line instead: optional blanks, an optional
 * minus sign, digits with an optional decimal point; a line without one
 * counts as zero.  Numbers are compared as digit strings, so any length
 * is exact.  Lines whose numbers are equal fall back to the byte order.
 * -r reverses the result.  -u writes only the first of each run of
 * equal lines; with -n "equal" means "same number", so "1" and "01" are
 * one line.  The sort is stable: equal lines keep their input order.
 *
 * There are no key fields (-k, -t), no -c/-m/-o and no external merge:
 * inputs must fit in memory.  Any error exits with status 2, since
 * POSIX keeps 1 for "-c found disorder".
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct line {
	char *text; /* without its newline */
	size_t len;
	size_t seq; /* input position, for stability */
};

static int opt_numeric, opt_reverse, opt_unique;

static struct line *lines;
static size_t nlines, cap_lines;

static void usage(void)
{
	fprintf(stderr, "usage: sort [-n] [-r] [-u] [file ...]\n");
	exit(2);
}

static void add_line(char *text, size_t len)
{
	if (nlines == cap_lines) {
		cap_lines = cap_lines ? cap_lines * 2 : 1024;
		lines = realloc(lines, cap_lines * sizeof(*lines));
		if (!lines)
			err(2, "out of memory");
	}
	lines[nlines].text = text;
	lines[nlines].len = len;
	lines[nlines].seq = nlines;
	nlines++;
}

/* Read one line of any length; NULL at end of input. */
static char *read_line(FILE *f, size_t *lenp)
{
	size_t cap = 64, len = 0;
	char *s = malloc(cap);
	int c;
	if (!s)
		err(2, "out of memory");
	while ((c = getc(f)) != EOF && c != '\n') {
		if (len + 1 == cap) {
			s = realloc(s, cap *= 2);
			if (!s)
				err(2, "out of memory");
		}
		s[len++] = (char)c;
	}
	if (c == EOF && len == 0) {
		free(s);
		return NULL;
	}
	s[len] = '\0';
	*lenp = len;
	return s;
}

static void read_file(const char *name)
{
	FILE *f = stdin;
	if (strcmp(name, "-") != 0) {
		f = fopen(name, "r");
		if (!f)
			err(2, "%s", name);
	}
	char *s;
	size_t len;
	while ((s = read_line(f, &len)) != NULL)
		add_line(s, len);
	if (ferror(f))
		err(2, "%s", name);
	if (f != stdin)
		fclose(f);
}

/*
 * The leading number of s: sign, integer digits without leading zeros,
 * fraction digits without trailing zeros.
 */
struct number {
	int neg;
	const char *ip;
	size_t ilen;
	const char *fp;
	size_t flen;
};

static void parse_number(const char *s, struct number *n)
{
	while (*s == ' ' || *s == '\t')
		s++;
	n->neg = *s == '-';
	if (n->neg)
		s++;
	while (*s == '0')
		s++;
	n->ip = s;
	while (isdigit((unsigned char)*s))
		s++;
	n->ilen = (size_t)(s - n->ip);
	n->fp = s;
	n->flen = 0;
	if (*s == '.') {
		n->fp = ++s;
		while (isdigit((unsigned char)*s))
			s++;
		n->flen = (size_t)(s - n->fp);
		while (n->flen > 0 && n->fp[n->flen - 1] == '0')
			n->flen--;
	}
	if (n->ilen == 0 && n->flen == 0)
		n->neg = 0; /* -0 is 0 */
}

/* Compare magnitudes: longer integer part wins, then digit by digit. */
static int cmp_magnitude(const struct number *a, const struct number *b)
{
	if (a->ilen != b->ilen)
		return a->ilen < b->ilen ? -1 : 1;
	int r = memcmp(a->ip, b->ip, a->ilen);
	if (r != 0)
		return r;
	size_t n = a->flen < b->flen ? a->flen : b->flen;
	r = memcmp(a->fp, b->fp, n);
	if (r != 0)
		return r;
	return a->flen == b->flen ? 0 : (a->flen < b->flen ? -1 : 1);
}

static int cmp_numeric(const char *x, const char *y)
{
	struct number a, b;
	parse_number(x, &a);
	parse_number(y, &b);
	if (a.neg != b.neg)
		return a.neg ? -1 : 1;
	int r = cmp_magnitude(&a, &b);
	return a.neg ? -r : r;
}

static int cmp_bytes(const struct line *a, const struct line *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int r = memcmp(a->text, b->text, n);
	if (r != 0)
		return r;
	return a->len == b->len ? 0 : (a->len < b->len ? -1 : 1);
}

/* The key order alone: what -u uses to decide two lines are equal. */
static int cmp_key(const struct line *a, const struct line *b)
{
	int r = opt_numeric ? cmp_numeric(a->text, b->text) : cmp_bytes(a, b);
	return opt_reverse ? -r : r;
}

static int cmp_lines(const void *pa, const void *pb)
{
	const struct line *a = pa, *b = pb;
	int r = cmp_key(a, b);
	if (r == 0 && opt_numeric && !opt_unique)
		r = opt_reverse ? -cmp_bytes(a, b) : cmp_bytes(a, b);
	if (r == 0)
		r = a->seq < b->seq ? -1 : (a->seq > b->seq);
	return r;
}

static void write_line(const struct line *l)
{
	fwrite(l->text, 1, l->len, stdout);
	putchar('\n');
}

int main(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "nru")) != -1) {
		switch (c) {
		case 'n':
			opt_numeric = 1;
			break;
		case 'r':
			opt_reverse = 1;
			break;
		case 'u':
			opt_unique = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	if (argc == 0)
		read_file("-");
	for (int i = 0; i < argc; i++)
		read_file(argv[i]);

	if (nlines > 0)
		qsort(lines, nlines, sizeof(*lines), cmp_lines);
	for (size_t i = 0; i < nlines; i++) {
		if (opt_unique && i > 0 &&
		    cmp_key(&lines[i - 1], &lines[i]) == 0)
			continue;
		write_line(&lines[i]);
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		err(2, "write error");
	return 0;
}
