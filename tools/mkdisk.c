// SPDX-License-Identifier: BSD-2-Clause
/*
 * mkdisk: build a hard-disk image with a classic MBR partition table,
 * for QEMU's IDE disk.
 *
 *   mkdisk [--keep] DISK SIZE_MIB PART...    PART is TYPE:SIZE_MIB[:IMAGE]
 *
 * e.g. `mkdisk build/disk.img 64 81:32:build/root.img 81:16` makes a
 * 64 MiB disk whose first partition (type 0x81, MINIX) holds a copy of
 * build/root.img and whose second one is empty.
 *
 * Layout.  Sector 0 is the MBR: up to four 16-byte entries at byte 446
 * and the signature 0x55 0xAA at 510.  An entry is: status (0x80 marks
 * the active partition, here the first), the CHS address of the first
 * sector, the type byte, the CHS address of the last sector, then the
 * LBA start and the sector count (32-bit little-endian).  CHS addresses
 * use the usual 255 heads and 63 sectors per track; a sector past
 * cylinder 1023 cannot be named and gets the marker fe ff ff, so readers
 * use the LBA fields.  The first partition starts at sector 2048 (1 MiB)
 * and the others follow it; sizes are whole MiB, so every partition is
 * 1 MiB aligned.  Everything else is zero.
 *
 * Rules.  The whole command line is checked first (numbers, types, that
 * the partitions fit the disk and each IMAGE fits its partition); only
 * then is DISK.tmp written and renamed to DISK, so a failure leaves no
 * half-made disk.  The file is made with ftruncate and only the MBR and
 * the non-zero blocks of the images are written: the result is sparse.
 * With --keep, a DISK that already has the requested size is left alone
 * (the files on a persistent disk survive a rebuild).  Errors are one
 * line "mkdisk: what is wrong" and exit status 1; 2 for a bad command
 * line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SECTOR 512
#define SECTORS_PER_MIB 2048u
#define FIRST_LBA 2048u	 /* the first partition starts at 1 MiB */
#define MAX_MIB 2097151u /* keeps every LBA below 2^32 */
#define MAX_PARTS 4	 /* primary entries in an MBR */
#define TABLE_OFFSET 446 /* the partition table inside the MBR */
#define CHS_HEADS 255
#define CHS_SECTORS 63
#define CHS_MAX_CYL 1023
#define COPY_CHUNK (64 * 1024) /* image copy unit; zero chunks are skipped */

struct part {
	const char *arg;   /* the PART argument, for messages */
	unsigned type;	   /* MBR type byte, 1 .. 0xff */
	uint32_t start;	   /* first sector */
	uint32_t count;	   /* sectors */
	const char *image; /* file to copy in, or NULL */
	int fd;		   /* the open image, or -1 */
};

static void usage(void)
{
	fprintf(stderr, "usage: mkdisk [--keep] DISK SIZE_MIB "
			"TYPE:SIZE_MIB[:IMAGE]...\n");
}

/* A size in MiB: decimal digits only, 1 .. MAX_MIB; -1 if bad. */
static long parse_mib(const char *s)
{
	char *end;
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || *end || v < 1 || v > MAX_MIB)
		return -1;
	return (long)v;
}

/* An MBR type byte: one or two hex digits, not 0 (an unused entry). */
static int parse_type(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 2 || strspn(s, "0123456789abcdefABCDEF") != n)
		return -1;
	unsigned long v = strtoul(s, NULL, 16);
	return v == 0 ? -1 : (int)v;
}

/*
 * Part number i (from 1) from "TYPE:SIZE_MIB[:IMAGE]" into p, starting
 * at sector start.  0, or -1 after a message.
 */
static int parse_part(int i, char *arg, uint32_t start, struct part *p)
{
	char *copy = strdup(arg), *size, *image;
	if (!copy) {
		fprintf(stderr, "mkdisk: out of memory\n");
		return -1;
	}
	p->arg = arg;
	p->fd = -1;
	size = strchr(copy, ':');
	if (size)
		*size++ = 0;
	image = size ? strchr(size, ':') : NULL;
	if (image)
		*image++ = 0;
	int type = parse_type(copy);
	long mib = size ? parse_mib(size) : -1;
	int r = -1;
	if (!size)
		fprintf(stderr,
			"mkdisk: partition %d '%s': expected "
			"TYPE:SIZE_MIB[:IMAGE]\n",
			i, arg);
	else if (type < 0)
		fprintf(stderr,
			"mkdisk: partition %d '%s': bad type '%s' (hex, 01 .. "
			"ff)\n",
			i, arg, copy);
	else if (mib < 0)
		fprintf(stderr,
			"mkdisk: partition %d '%s': bad size '%s' (MiB, 1 .. "
			"%u)\n",
			i, arg, size, MAX_MIB);
	else if (image && !*image)
		fprintf(stderr, "mkdisk: partition %d '%s': empty image name\n",
			i, arg);
	else
		r = 0;
	if (r == 0) {
		p->type = (unsigned)type;
		p->start = start;
		p->count = (uint32_t)mib * SECTORS_PER_MIB;
		p->image = image ? arg + (image - copy) : NULL;
	}
	free(copy);
	return r;
}

/* Open p's image and check that it fits; 0, or -1 after a message. */
static int open_image(int i, struct part *p)
{
	struct stat st;
	if (!p->image)
		return 0;
	p->fd = open(p->image, O_RDONLY);
	if (p->fd < 0 || fstat(p->fd, &st) < 0) {
		fprintf(stderr, "mkdisk: partition %d: image %s: %s\n", i,
			p->image, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		fprintf(stderr,
			"mkdisk: partition %d: image %s: not a regular file\n",
			i, p->image);
		return -1;
	}
	uint64_t room = (uint64_t)p->count * SECTOR;
	if ((uint64_t)st.st_size > room) {
		fprintf(stderr,
			"mkdisk: partition %d: image %s (%lld bytes) is larger "
			"than the partition (%llu bytes)\n",
			i, p->image, (long long)st.st_size,
			(unsigned long long)room);
		return -1;
	}
	return 0;
}

/* The 3-byte CHS address of sector lba, as the MBR stores it. */
static void chs(uint32_t lba, uint8_t out[3])
{
	uint32_t cyl = lba / (CHS_HEADS * CHS_SECTORS);
	if (cyl > CHS_MAX_CYL) {
		out[0] = 0xfe, out[1] = 0xff, out[2] = 0xff;
		return;
	}
	out[0] = (uint8_t)(lba / CHS_SECTORS % CHS_HEADS);
	out[1] = (uint8_t)((lba % CHS_SECTORS + 1) | (cyl >> 2 & 0xc0));
	out[2] = (uint8_t)(cyl & 0xff);
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16), p[3] = (uint8_t)(v >> 24);
}

/* Sector 0: the table of n partitions and the signature. */
static void make_mbr(const struct part *parts, int n, uint8_t mbr[SECTOR])
{
	memset(mbr, 0, SECTOR);
	for (int i = 0; i < n; i++) {
		uint8_t *e = mbr + TABLE_OFFSET + 16 * i;
		e[0] = i == 0 ? 0x80 : 0;
		chs(parts[i].start, e + 1);
		e[4] = (uint8_t)parts[i].type;
		chs(parts[i].start + parts[i].count - 1, e + 5);
		put32(e + 8, parts[i].start);
		put32(e + 12, parts[i].count);
	}
	mbr[510] = 0x55;
	mbr[511] = 0xaa;
}

static int all_zero(const char *buf, ssize_t n)
{
	for (ssize_t i = 0; i < n; i++)
		if (buf[i])
			return 0;
	return 1;
}

/*
 * Copy p's image into the disk at its partition, skipping zero chunks
 * (the disk is already zero there).  0, or -1 after a message.
 */
static int copy_image(int disk, const struct part *p)
{
	static char buf[COPY_CHUNK];
	off_t off = (off_t)p->start * SECTOR;
	off_t end = off + (off_t)p->count * SECTOR;
	ssize_t n;
	while ((n = read(p->fd, buf, sizeof(buf))) > 0) {
		if (off + n > end) {
			fprintf(stderr,
				"mkdisk: image %s grew past its "
				"partition while being copied\n",
				p->image);
			return -1;
		}
		ssize_t w = all_zero(buf, n) ? n : pwrite(disk, buf, n, off);
		if (w != n) {
			fprintf(stderr, "mkdisk: copying %s: %s\n", p->image,
				w < 0 ? strerror(errno) : "short write");
			return -1;
		}
		off += n;
	}
	if (n < 0) {
		fprintf(stderr, "mkdisk: reading %s: %s\n", p->image,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* Write the whole disk into path; 0, or -1 after a message. */
static int write_disk(const char *path, uint32_t sectors,
		      const struct part *parts, int n)
{
	uint8_t mbr[SECTOR];
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		fprintf(stderr, "mkdisk: %s: %s\n", path, strerror(errno));
		return -1;
	}
	make_mbr(parts, n, mbr);
	if (ftruncate(fd, (off_t)sectors * SECTOR) < 0 ||
	    pwrite(fd, mbr, SECTOR, 0) != SECTOR) {
		fprintf(stderr, "mkdisk: %s: %s\n", path, strerror(errno));
		goto out_close;
	}
	for (int i = 0; i < n; i++)
		if (parts[i].fd >= 0 && copy_image(fd, &parts[i]) < 0)
			goto out_close;
	if (close(fd) < 0) {
		fprintf(stderr, "mkdisk: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
out_close:
	close(fd);
	return -1;
}

/* Build path.tmp and rename it to path; 0, or -1 after a message. */
static int make_disk(const char *path, uint32_t sectors,
		     const struct part *parts, int n)
{
	size_t len = strlen(path) + sizeof(".tmp");
	char *tmp = malloc(len);
	int r = -1;
	if (!tmp) {
		fprintf(stderr, "mkdisk: out of memory\n");
		return -1;
	}
	snprintf(tmp, len, "%s.tmp", path);
	if (write_disk(tmp, sectors, parts, n) < 0)
		goto out_unlink;
	if (rename(tmp, path) < 0) {
		fprintf(stderr, "mkdisk: renaming %s to %s: %s\n", tmp, path,
			strerror(errno));
		goto out_unlink;
	}
	r = 0;
	goto out_free;
out_unlink:
	unlink(tmp);
out_free:
	free(tmp);
	return r;
}

/*
 * The n PART arguments into parts, one after the other from FIRST_LBA;
 * each must fit in the disk's sectors and its image (opened here) in
 * the partition.  0, or -1 after a message.
 */
static int plan_parts(char **args, int n, uint32_t sectors, struct part *parts)
{
	uint32_t next = FIRST_LBA;
	for (int i = 0; i < n; i++) {
		if (parse_part(i + 1, args[i], next, &parts[i]) < 0)
			return -1;
		if ((uint64_t)next + parts[i].count > sectors) {
			fprintf(stderr,
				"mkdisk: partition %d '%s' ends at %llu MiB, "
				"past the end of the %u MiB disk\n",
				i + 1, parts[i].arg,
				((unsigned long long)next + parts[i].count) /
					SECTORS_PER_MIB,
				sectors / SECTORS_PER_MIB);
			return -1;
		}
		next += parts[i].count;
	}
	for (int i = 0; i < n; i++)
		if (open_image(i + 1, &parts[i]) < 0)
			return -1;
	return 0;
}

/* With --keep: does path already exist with the requested size? */
static int keep_existing(const char *path, long mib)
{
	struct stat st;
	if (stat(path, &st) < 0)
		return 0;
	if (st.st_size != (off_t)mib * SECTORS_PER_MIB * SECTOR) {
		printf("mkdisk: %s is %lld bytes, not %ld MiB: made anew\n",
		       path, (long long)st.st_size, mib);
		return 0;
	}
	printf("mkdisk: kept %s (%ld MiB, already there)\n", path, mib);
	return 1;
}

int main(int argc, char **argv)
{
	int keep = argc > 1 && !strcmp(argv[1], "--keep");
	char **args = argv + 1 + keep;
	int nargs = argc - 1 - keep, n = nargs - 2;
	struct part parts[MAX_PARTS];
	if (nargs < 3 || args[0][0] == '-') {
		usage();
		return 2;
	}
	long mib = parse_mib(args[1]);
	if (mib < 0) {
		fprintf(stderr, "mkdisk: bad disk size '%s' (MiB, 1 .. %u)\n",
			args[1], MAX_MIB);
		return 1;
	}
	if (n > MAX_PARTS) {
		fprintf(stderr,
			"mkdisk: %d partitions, but an MBR holds at most %d\n",
			n, MAX_PARTS);
		return 1;
	}
	uint32_t sectors = (uint32_t)mib * SECTORS_PER_MIB;
	if (plan_parts(args + 2, n, sectors, parts) < 0)
		return 1;
	if (keep && keep_existing(args[0], mib))
		return 0;
	return make_disk(args[0], sectors, parts, n) < 0 ? 1 : 0;
}
