// SPDX-License-Identifier: BSD-2-Clause
/*
 * dd: copy a file in blocks.
 *
 *	dd [if=FILE] [of=FILE] [bs=N] [count=N] [skip=N] [seek=N]
 *	   [conv=notrunc]
 *
 * Copies standard input (or if=) to standard output (or of=) one block
 * at a time: each read() asks for bs bytes (512 by default) and what
 * it returns is written as one block.
 *	count=N	copy at most N input blocks
 *	skip=N	first skip N input blocks (lseek, or reading them away
 *		when the input is a pipe)
 *	seek=N	start writing N blocks into the output file
 *	conv=notrunc	do not truncate the output file
 * Numbers may end in k (x1024), M (x1048576) or b (x512).
 *
 * At the end (and after an error) dd reports on standard error:
 *	F+P records in
 *	F+P records out
 * where F counts full blocks and P partial ones (a short read, as from
 * a pipe, a terminal, or the end of the file).
 *
 * The output file is truncated when opened, unless seek= or
 * conv=notrunc is given: then the data beyond what is written stays
 * (there is no ftruncate() to cut it at the seek point).
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_BS 512
#define MAX_BS (64UL * 1024 * 1024)

struct stats {
	unsigned long long in_full, in_part;
	unsigned long long out_full, out_part;
};

struct opts {
	const char *in_name;
	const char *out_name;
	unsigned long long bs;
	unsigned long long count;
	int have_count;
	unsigned long long skip;
	unsigned long long seek;
	int notrunc;
};

static struct stats stats;

static void usage(void)
{
	fprintf(stderr, "usage: dd [if=file] [of=file] [bs=n] [count=n] "
			"[skip=n] [seek=n] [conv=notrunc]\n");
	exit(2);
}

static void report(void)
{
	fprintf(stderr, "%llu+%llu records in\n%llu+%llu records out\n",
		stats.in_full, stats.in_part, stats.out_full, stats.out_part);
}

/* A decimal number with an optional k/M/b suffix; -1 if invalid. */
static int parse_size(const char *s, unsigned long long *out)
{
	unsigned long long v = 0;
	if (!isdigit((unsigned char)*s))
		return -1;
	for (; isdigit((unsigned char)*s); s++) {
		if (v > 1000000000000000ULL)
			return -1;
		v = v * 10 + (unsigned long long)(*s - '0');
	}
	unsigned long long mult = 1;
	if (*s == 'k')
		mult = 1024;
	else if (*s == 'M')
		mult = 1024 * 1024;
	else if (*s == 'b')
		mult = 512;
	if (mult != 1)
		s++;
	if (*s != '\0' || v > ~0ULL / mult)
		return -1;
	*out = v * mult;
	return 0;
}

static void parse_operand(struct opts *o, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg) {
		warnx("bad operand: %s", arg);
		usage();
	}
	size_t klen = (size_t)(eq - arg);
	const char *val = eq + 1;
	unsigned long long *num = NULL;
	if (klen == 2 && strncmp(arg, "if", 2) == 0)
		o->in_name = val;
	else if (klen == 2 && strncmp(arg, "of", 2) == 0)
		o->out_name = val;
	else if (klen == 4 && strncmp(arg, "conv", 4) == 0) {
		if (strcmp(val, "notrunc") != 0) {
			warnx("unsupported conversion: %s", val);
			usage();
		}
		o->notrunc = 1;
	} else if (klen == 2 && strncmp(arg, "bs", 2) == 0)
		num = &o->bs;
	else if (klen == 5 && strncmp(arg, "count", 5) == 0) {
		num = &o->count;
		o->have_count = 1;
	} else if (klen == 4 && strncmp(arg, "skip", 4) == 0)
		num = &o->skip;
	else if (klen == 4 && strncmp(arg, "seek", 4) == 0)
		num = &o->seek;
	else {
		warnx("unknown operand: %.*s", (int)klen, arg);
		usage();
	}
	if (num && parse_size(val, num) < 0) {
		warnx("bad number: %s", arg);
		usage();
	}
}

static ssize_t read_block(int fd, char *buf, size_t len)
{
	ssize_t n;
	do
		n = read(fd, buf, len);
	while (n < 0 && errno == EINTR);
	return n;
}

/* Write one block, counting it as full or partial. */
static int write_block(int fd, const char *buf, size_t len, size_t bs)
{
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, buf + done, len - done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		done += (size_t)n;
	}
	if (len == bs)
		stats.out_full++;
	else
		stats.out_part++;
	return 0;
}

/* Skip input blocks: lseek if possible, otherwise read them away. */
static int skip_input(int fd, const struct opts *o, char *buf)
{
	if (o->skip == 0)
		return 0;
	if (lseek(fd, (off_t)(o->skip * o->bs), SEEK_CUR) >= 0)
		return 0;
	for (unsigned long long i = 0; i < o->skip; i++) {
		ssize_t n = read_block(fd, buf, o->bs);
		if (n < 0)
			return -1;
		if (n == 0)
			break;
	}
	return 0;
}

static int open_output(const struct opts *o)
{
	if (!o->out_name)
		return STDOUT_FILENO;
	int flags = O_WRONLY | O_CREAT;
	if (o->seek == 0 && !o->notrunc)
		flags |= O_TRUNC;
	int fd = open(o->out_name, flags, 0666);
	if (fd < 0)
		err(1, "%s", o->out_name);
	return fd;
}

static int copy(int in, int out, const struct opts *o, char *buf)
{
	const char *in_name = o->in_name ? o->in_name : "stdin";
	const char *out_name = o->out_name ? o->out_name : "stdout";
	for (unsigned long long i = 0; !o->have_count || i < o->count; i++) {
		ssize_t n = read_block(in, buf, o->bs);
		if (n == 0)
			return 0;
		if (n < 0) {
			warn("%s", in_name);
			return -1;
		}
		if ((size_t)n == o->bs)
			stats.in_full++;
		else
			stats.in_part++;
		if (write_block(out, buf, (size_t)n, o->bs) < 0) {
			warn("%s", out_name);
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o = {NULL, NULL, DEFAULT_BS, 0, 0, 0, 0, 0};
	if (getopt(argc, argv, "") != -1)
		usage();
	for (int i = optind; i < argc; i++)
		parse_operand(&o, argv[i]);
	if (o.bs == 0 || o.bs > MAX_BS)
		errx(2, "bs must be between 1 and %lu", MAX_BS);

	char *buf = malloc(o.bs);
	if (!buf)
		err(1, "out of memory");
	int in = STDIN_FILENO;
	if (o.in_name && (in = open(o.in_name, O_RDONLY)) < 0)
		err(1, "%s", o.in_name);
	int out = open_output(&o);
	if (skip_input(in, &o, buf) < 0) {
		warn("%s", o.in_name ? o.in_name : "stdin");
		report();
		return 1;
	}
	if (o.seek > 0 && lseek(out, (off_t)(o.seek * o.bs), SEEK_CUR) < 0) {
		warn("%s: cannot seek", o.out_name ? o.out_name : "stdout");
		report();
		return 1;
	}
	int status = copy(in, out, &o, buf) < 0 ? 1 : 0;
	if (out != STDOUT_FILENO && close(out) < 0) {
		warn("%s", o.out_name);
		status = 1;
	}
	report();
	free(buf);
	return status;
}
