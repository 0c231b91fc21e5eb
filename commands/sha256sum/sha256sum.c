// SPDX-License-Identifier: BSD-2-Clause
/*
 * sha256sum: print or check SHA-256 digests of files.
 *
 *	sha256sum [FILE ...]
 *	sha256sum -c [LISTFILE]
 *
 * The first form writes one line per FILE (standard input if none, or
 * for "-"): the digest in 64 lowercase hex digits, two spaces, the
 * name, as other systems' sha256sum do, so the digests of a file sent
 * over the network can be compared on both ends.
 *
 * With -c, LISTFILE (standard input if none) holds lines of that form
 * ("HEX  NAME", or "HEX *NAME"): each NAME is read and "NAME: OK" or
 * "NAME: FAILED" printed.  A line of another form is reported with its
 * number and skipped; a file that cannot be read is reported as
 * "NAME: FAILED open or read".  At the end, one warning on standard
 * error for each kind of trouble seen, with its count.
 *
 * Exit status: 0 when every file was read (and with -c, every digest
 * matched and every line was well formed); 1 otherwise; 2 for a bad
 * command line.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sha256.h"

#define BUF_SIZE 16384
#define LINE_MAX_LEN 4096

static void usage(void)
{
	fprintf(stderr, "usage: sha256sum [FILE ...]\n"
			"       sha256sum -c [LISTFILE]\n");
	exit(2);
}

/* The digest of what fd holds, in hex (65 bytes with the NUL): 0, or
 * -1 with errno from the failed read. */
static int digest_fd(int fd, char hex[2 * SHA256_DIGEST + 1])
{
	static unsigned char buf[BUF_SIZE];
	struct sha256 s;
	uint8_t d[SHA256_DIGEST];
	sha256_init(&s);
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		sha256_update(&s, buf, (size_t)n);
	}
	sha256_final(&s, d);
	for (int i = 0; i < SHA256_DIGEST; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
	return 0;
}

/* The digest of the file name ("-": standard input): 0, or -1 with
 * errno set. */
static int digest_file(const char *name, char hex[2 * SHA256_DIGEST + 1])
{
	if (strcmp(name, "-") == 0)
		return digest_fd(STDIN_FILENO, hex);
	int fd = open(name, O_RDONLY);
	if (fd < 0)
		return -1;
	int r = digest_fd(fd, hex);
	int saved = errno;
	close(fd);
	errno = saved;
	return r;
}

static int print_sums(int argc, char **argv)
{
	static char *stdin_only[] = {"-"};
	char hex[2 * SHA256_DIGEST + 1];
	int status = 0;
	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	for (int i = 0; i < argc; i++) {
		if (digest_file(argv[i], hex) < 0) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		printf("%s  %s\n", hex, argv[i]);
	}
	return status;
}

/* line as "HEX  NAME" or "HEX *NAME": NAME, or 0 when it is neither.
 * The hex digits are lowered in place. */
static char *parse_line(char *line)
{
	size_t len = strlen(line);
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = 0;
	if (len < 2 * SHA256_DIGEST + 3)
		return 0;
	for (int i = 0; i < 2 * SHA256_DIGEST; i++) {
		char c = line[i];
		if (c >= 'A' && c <= 'F')
			line[i] = (char)(c - 'A' + 'a');
		else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return 0;
	}
	char *sep = line + 2 * SHA256_DIGEST;
	if (sep[0] != ' ' || (sep[1] != ' ' && sep[1] != '*'))
		return 0;
	sep[0] = 0;
	return sep + 2;
}

static int check_sums(const char *list)
{
	FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
	if (!f) {
		warn("%s", list);
		return 1;
	}
	char line[LINE_MAX_LEN], hex[2 * SHA256_DIGEST + 1];
	long lineno = 0, bad_lines = 0, unread = 0, mismatched = 0, good = 0;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		char *name = parse_line(line);
		if (!name) {
			fprintf(stderr,
				"sha256sum: %s: %ld: not a line of the form "
				"HEX  NAME\n",
				list, lineno);
			bad_lines++;
			continue;
		}
		if (digest_file(name, hex) < 0) {
			printf("%s: FAILED open or read (%s)\n", name,
			       strerror(errno));
			unread++;
		} else if (strcmp(hex, line) != 0) {
			printf("%s: FAILED\n", name);
			mismatched++;
		} else {
			printf("%s: OK\n", name);
			good++;
		}
	}
	bool read_error = ferror(f);
	if (read_error)
		warn("%s", list);
	if (f != stdin)
		fclose(f);
	fflush(stdout);
	if (bad_lines)
		fprintf(stderr,
			"sha256sum: WARNING: %ld lines are improperly "
			"formatted\n",
			bad_lines);
	if (unread)
		fprintf(stderr,
			"sha256sum: WARNING: %ld listed files could "
			"not be read\n",
			unread);
	if (mismatched)
		fprintf(stderr,
			"sha256sum: WARNING: %ld computed checksums "
			"did NOT match\n",
			mismatched);
	if (!good && !bad_lines && !unread && !mismatched && !read_error) {
		fprintf(stderr, "sha256sum: %s: no checksum lines found\n",
			list);
		return 1;
	}
	return read_error || bad_lines || unread || mismatched ? 1 : 0;
}

int main(int argc, char **argv)
{
	bool check = false;
	int c;
	while ((c = getopt(argc, argv, "c")) != -1) {
		if (c == 'c')
			check = true;
		else
			usage();
	}
	argc -= optind;
	argv += optind;
	if (check) {
		if (argc > 1)
			usage();
		return check_sums(argc ? argv[0] : "-");
	}
	return print_sums(argc, argv);
}
