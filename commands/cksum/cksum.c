// SPDX-License-Identifier: BSD-2-Clause
/*
 * cksum: print a CRC-32 checksum and byte count of each file.
 *
 *	cksum [file ...]
 *
 * For each operand (standard input if none, or for "-") one line is
 * written: "CRC SIZE NAME", without NAME for standard input.
 *
 * The checksum is the one POSIX specifies, and so agrees with every
 * other system's cksum: a CRC with generator polynomial 0x04C11DB7,
 * fed most significant bit first with the file's bytes, then with the
 * file's length as the fewest bytes that hold it (least significant
 * byte first), and finally complemented.  It is not the zlib/Ethernet
 * CRC-32 (that one is bit-reflected and starts from all ones).
 *
 * The 256-entry table is built at start-up; the file is streamed
 * through a fixed buffer.  Unreadable files are reported and skipped,
 * and the exit status is then 1.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CRC_POLY 0x04C11DB7u
#define BUF_SIZE 8192

static uint32_t crc_table[256];

static void usage(void)
{
	fprintf(stderr, "usage: cksum [file ...]\n");
	exit(2);
}

/* crc_table[i] is the CRC remainder of byte i shifted into the top. */
static void crc_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t r = i << 24;
		for (int bit = 0; bit < 8; bit++)
			r = (r & 0x80000000u) ? (r << 1) ^ CRC_POLY : r << 1;
		crc_table[i] = r;
	}
}

static uint32_t crc_byte(uint32_t crc, unsigned char b)
{
	return (crc << 8) ^ crc_table[((crc >> 24) ^ b) & 0xff];
}

/* Feed the length, then complement: the end of the POSIX algorithm. */
static uint32_t crc_finish(uint32_t crc, unsigned long long len)
{
	for (; len != 0; len >>= 8)
		crc = crc_byte(crc, (unsigned char)(len & 0xff));
	return ~crc;
}

static int sum_fd(int fd, const char *name, const char *shown)
{
	static unsigned char buf[BUF_SIZE];
	uint32_t crc = 0;
	unsigned long long len = 0;
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn("%s", name);
			return -1;
		}
		for (ssize_t i = 0; i < n; i++)
			crc = crc_byte(crc, buf[i]);
		len += (unsigned long long)n;
	}
	crc = crc_finish(crc, len);
	if (shown)
		printf("%lu %llu %s\n", (unsigned long)crc, len, shown);
	else
		printf("%lu %llu\n", (unsigned long)crc, len);
	return 0;
}

static int sum_file(const char *name)
{
	if (strcmp(name, "-") == 0)
		return sum_fd(STDIN_FILENO, "stdin", name);
	int fd = open(name, O_RDONLY);
	if (fd < 0) {
		warn("%s", name);
		return -1;
	}
	int rc = sum_fd(fd, name, name);
	close(fd);
	return rc;
}

int main(int argc, char **argv)
{
	if (getopt(argc, argv, "") != -1)
		usage();
	argc -= optind;
	argv += optind;

	crc_init();
	if (argc == 0)
		return sum_fd(STDIN_FILENO, "stdin", NULL) < 0 ? 1 : 0;
	int status = 0;
	for (int i = 0; i < argc; i++) {
		if (sum_file(argv[i]) < 0)
			status = 1;
	}
	return status;
}
