// SPDX-License-Identifier: BSD-2-Clause
/*
 * wc: count lines, words and bytes.
 *
 *	wc [-c | -m] [-l] [-w] [file ...]
 *
 * For each file (standard input if none, or for "-") prints the number
 * of newlines, of words (maximal runs of non-space characters) and of
 * bytes, in that order, then the name.  Options choose which counts are
 * shown; the order stays lines, words, bytes.  -m counts characters,
 * which in this single-byte C locale is the byte count.  With several
 * files a "total" line follows.
 *
 * Layout: a single count is printed bare ("3 file"); several counts are
 * right-aligned in 7 columns, separated by a space.
 *
 * Files are streamed through a fixed buffer.  An unreadable file is
 * reported, left out of the total, and makes the exit status 1.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUF_SIZE 8192

struct counts {
	unsigned long long lines;
	unsigned long long words;
	unsigned long long bytes;
};

static int show_lines, show_words, show_bytes;

static void usage(void)
{
	fprintf(stderr, "usage: wc [-c | -m] [-l] [-w] [file ...]\n");
	exit(2);
}

static int count_fd(int fd, const char *name, struct counts *c)
{
	static unsigned char buf[BUF_SIZE];
	int in_word = 0;
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn("%s", name);
			return -1;
		}
		c->bytes += (unsigned long long)n;
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == '\n')
				c->lines++;
			if (isspace(buf[i])) {
				in_word = 0;
			} else if (!in_word) {
				in_word = 1;
				c->words++;
			}
		}
	}
}

static void print_counts(const struct counts *c, const char *name)
{
	unsigned long long v[3];
	int n = 0;
	if (show_lines)
		v[n++] = c->lines;
	if (show_words)
		v[n++] = c->words;
	if (show_bytes)
		v[n++] = c->bytes;
	for (int i = 0; i < n; i++) {
		if (n == 1)
			printf("%llu", v[i]);
		else
			printf("%s%7llu", i ? " " : "", v[i]);
	}
	if (name)
		printf(" %s", name);
	putchar('\n');
}

static int wc_file(const char *name, struct counts *total)
{
	struct counts c = {0, 0, 0};
	int fd = STDIN_FILENO;
	if (strcmp(name, "-") != 0) {
		fd = open(name, O_RDONLY);
		if (fd < 0) {
			warn("%s", name);
			return -1;
		}
	}
	int rc = count_fd(fd, fd == STDIN_FILENO ? "stdin" : name, &c);
	if (fd != STDIN_FILENO)
		close(fd);
	if (rc < 0)
		return -1;
	print_counts(&c, name);
	total->lines += c.lines;
	total->words += c.words;
	total->bytes += c.bytes;
	return 0;
}

int main(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "clmw")) != -1) {
		switch (c) {
		case 'c':
		case 'm':
			show_bytes = 1;
			break;
		case 'l':
			show_lines = 1;
			break;
		case 'w':
			show_words = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = 1;

	struct counts total = {0, 0, 0};
	if (argc == 0) {
		if (count_fd(STDIN_FILENO, "stdin", &total) < 0)
			return 1;
		print_counts(&total, NULL);
		return 0;
	}
	int status = 0;
	for (int i = 0; i < argc; i++) {
		if (wc_file(argv[i], &total) < 0)
			status = 1;
	}
	if (argc > 1)
		print_counts(&total, "total");
	if (fflush(stdout) == EOF)
		err(1, "write error");
	return status;
}
