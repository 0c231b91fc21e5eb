// SPDX-License-Identifier: BSD-2-Clause
/*
 * tail: copy the last lines of files.
 *
 *	tail [-n [+]count] [file ...]
 *	tail -count [file ...]		(old form, same as -n count)
 *
 * Copies the last count lines (10 by default) of each file, or of
 * standard input when there is none or for "-".  With "+count" the copy
 * starts at line count instead and runs to the end.  Several files get
 * "==> NAME <==" headers, as with head.
 *
 * How the end is found depends on what the input is:
 *  - a regular file is read backwards from its end in fixed blocks,
 *    counting newlines, then copied forward from that point, so a huge
 *    file costs only the part that is printed;
 *  - a pipe or terminal cannot seek, so the last count lines are kept
 *    in a ring as they stream past; memory then grows with the length
 *    of those lines, never with the whole input.
 * A last line without a newline counts as a line.  There is no -f.
 */
#include <ctype.h>
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

struct line {
	char *buf;
	size_t len;
	size_t cap;
};

/* The last lines of a stream that cannot seek. */
struct ring {
	struct line *slot;
	size_t nslot; /* allocated slots */
	size_t used;  /* slots holding lines */
	size_t oldest;
	long long want;
	int in_line; /* the newest line has no newline yet */
};

static char buf[BUF_SIZE];

static void usage(void)
{
	fprintf(stderr, "usage: tail [-n [+]count] [file ...]\n");
	exit(2);
}

static long long parse_count(const char *s)
{
	long long v = 0;
	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s) || v > 100000000000000000LL)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

static ssize_t read_some(int fd, char *p, size_t len)
{
	ssize_t n;
	do
		n = read(fd, p, len);
	while (n < 0 && errno == EINTR);
	return n;
}

/* Standard output gets all of p, or tail ends with "write error". */
static void put(const char *p, size_t len)
{
	if (write_all(STDOUT_FILENO, p, len) < 0)
		err(1, "write error");
}

/* Copy fd from its current offset to the end. */
static int copy_rest(int fd, const char *name)
{
	ssize_t n;
	while ((n = read_some(fd, buf, sizeof(buf))) > 0)
		put(buf, (size_t)n);
	if (n < 0) {
		warn("%s", name);
		return -1;
	}
	return 0;
}

/* tail -n +count: skip count - 1 lines, then copy the rest. */
static int tail_from(int fd, const char *name, long long count)
{
	long long skip = count > 0 ? count - 1 : 0;
	ssize_t n;
	while (skip > 0 && (n = read_some(fd, buf, sizeof(buf))) > 0) {
		char *p = buf;
		char *end = buf + n;
		while (skip > 0 && p < end) {
			char *nl = memchr(p, '\n', (size_t)(end - p));
			if (!nl) {
				p = end;
				break;
			}
			p = nl + 1;
			skip--;
		}
		if (skip == 0)
			put(p, (size_t)(end - p));
	}
	if (skip > 0)
		return n < 0 ? (warn("%s", name), -1) : 0;
	return copy_rest(fd, name);
}

/*
 * Seekable file: walk back from the end until count newlines are seen
 * (the one ending the last line does not separate anything), then copy
 * forward from just after the last one found.  Never looks before the
 * offset the file had on entry.
 */
static int tail_seek(int fd, const char *name, long long count, off_t base,
		     off_t end)
{
	off_t start = base;
	off_t pos = end;
	long long seen = 0;
	while (pos > base && count > 0) {
		size_t chunk = sizeof(buf);
		if (pos - base < (off_t)chunk)
			chunk = (size_t)(pos - base);
		pos -= (off_t)chunk;
		if (lseek(fd, pos, SEEK_SET) < 0 ||
		    read_some(fd, buf, chunk) != (ssize_t)chunk) {
			warn("%s", name);
			return -1;
		}
		for (size_t i = chunk; i-- > 0;) {
			if (buf[i] != '\n' || pos + (off_t)i == end - 1)
				continue;
			if (++seen == count) {
				start = pos + (off_t)i + 1;
				pos = base;
				break;
			}
		}
	}
	if (count == 0)
		start = end;
	if (lseek(fd, start, SEEK_SET) < 0) {
		warn("%s", name);
		return -1;
	}
	return copy_rest(fd, name);
}

/* Give the ring a slot for a new line, reusing the oldest when full. */
static struct line *ring_next(struct ring *r)
{
	if ((long long)r->used < r->want) {
		if (r->used == r->nslot) {
			size_t n = r->nslot ? r->nslot * 2 : 16;
			if ((long long)n > r->want)
				n = (size_t)r->want;
			struct line *s = realloc(r->slot, n * sizeof(*s));
			if (!s)
				err(1, "out of memory");
			memset(s + r->nslot, 0, (n - r->nslot) * sizeof(*s));
			r->slot = s;
			r->nslot = n;
		}
		return &r->slot[r->used++];
	}
	struct line *l = &r->slot[r->oldest];
	r->oldest = (r->oldest + 1) % r->used;
	l->len = 0;
	return l;
}

static void line_add(struct line *l, const char *p, size_t n)
{
	if (l->len + n > l->cap) {
		size_t cap = l->cap ? l->cap : 64;
		while (cap < l->len + n)
			cap *= 2;
		char *b = realloc(l->buf, cap);
		if (!b)
			err(1, "out of memory");
		l->buf = b;
		l->cap = cap;
	}
	memcpy(l->buf + l->len, p, n);
	l->len += n;
}

/* Feed one chunk into the ring, splitting it at newlines. */
static void ring_feed(struct ring *r, const char *p, const char *end)
{
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl + 1 : end;
		struct line *l;
		if (r->in_line)
			l = &r->slot[(r->oldest + r->used - 1) % r->used];
		else
			l = ring_next(r);
		line_add(l, p, (size_t)(stop - p));
		r->in_line = nl == NULL;
		p = stop;
	}
}

static int tail_pipe(int fd, const char *name, long long count)
{
	struct ring r = {.want = count};
	ssize_t n;
	int rc = 0;
	while ((n = read_some(fd, buf, sizeof(buf))) > 0) {
		if (count > 0)
			ring_feed(&r, buf, buf + n);
	}
	if (n < 0) {
		warn("%s", name);
		rc = -1;
	}
	for (size_t i = 0; i < r.used; i++) {
		struct line *l = &r.slot[(r.oldest + i) % r.used];
		put(l->buf, l->len);
	}
	for (size_t i = 0; i < r.nslot; i++)
		free(r.slot[i].buf);
	free(r.slot);
	return rc;
}

static int tail_fd(int fd, const char *name, long long count, int from_start)
{
	struct stat st;
	if (from_start)
		return tail_from(fd, name, count);
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		off_t base = lseek(fd, 0, SEEK_CUR);
		off_t end = lseek(fd, 0, SEEK_END);
		if (base >= 0 && end >= base)
			return tail_seek(fd, name, count, base, end);
	}
	return tail_pipe(fd, name, count);
}

static int tail_file(const char *name, long long count, int from_start,
		     int header)
{
	static int headers_shown;
	int fd = STDIN_FILENO;
	const char *shown = "standard input";
	if (strcmp(name, "-") != 0) {
		fd = open(name, O_RDONLY);
		if (fd < 0) {
			warn("%s", name);
			return -1;
		}
		shown = name;
	}
	if (header) {
		char line[1024];
		int n = snprintf(line, sizeof(line), "%s==> %s <==\n",
				 headers_shown++ ? "\n" : "", shown);
		put(line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
	}
	int rc = tail_fd(fd, name, count, from_start);
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

int main(int argc, char **argv)
{
	long long count = 10;
	int from_start = 0;
	int c;

	if (argc > 1 && argv[1][0] == '-' &&
	    isdigit((unsigned char)argv[1][1])) {
		count = parse_count(argv[1] + 1);
		if (count < 0)
			usage();
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	while ((c = getopt(argc, argv, "n:")) != -1) {
		if (c != 'n')
			usage();
		const char *s = optarg;
		from_start = *s == '+';
		if (*s == '+' || *s == '-')
			s++;
		count = parse_count(s);
		if (count < 0) {
			warnx("invalid line count: %s", optarg);
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	if (argc == 0)
		return tail_file("-", count, from_start, 0) < 0 ? 1 : 0;
	int status = 0;
	for (int i = 0; i < argc; i++) {
		if (tail_file(argv[i], count, from_start, argc > 1) < 0)
			status = 1;
	}
	return status;
}
