// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: regular files -- creating (O_CREAT, O_EXCL, O_TRUNC),
 * appending, seeking (also past the end: a hole reads as zeros), end of
 * file, truncating both ways, the times stat shows and utime sets, the
 * devices /dev/null and /dev/zero, and the errors of naming files.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <utime.h>

#include "posix.h"

static void t_append(void)
{
	int fd = open("/tmp/app", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "12", 2) == 2);
	CHECK(fcntl(fd, F_SETFL, O_APPEND) == 0);
	CHECK(fcntl(fd, F_GETFL) & O_APPEND);
	lseek(fd, 0, SEEK_SET);
	CHECK(write(fd, "34", 2) == 2);
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_size == 4);
}

/* O_APPEND: reading may seek anywhere, every write goes to the end and
 * leaves the offset there. */
static void t_append_seek(void)
{
	posix_make_file("/tmp/aps", "hello");
	int fd = open("/tmp/aps", O_RDWR | O_APPEND);
	char buf[16];
	CHECK(fd >= 0);
	CHECK(lseek(fd, 1, SEEK_SET) == 1);
	CHECK(read(fd, buf, 2) == 2 && !memcmp(buf, "el", 2));
	CHECK(write(fd, " world", 6) == 6);
	CHECK(lseek(fd, 0, SEEK_CUR) == 11);
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && write(fd, "!", 1) == 1);
	CHECK(lseek(fd, 0, SEEK_CUR) == 12);
	CHECK(posix_has("/tmp/aps", "hello world!"));
	CHECK(unlink("/tmp/aps") == 0);
}

/* O_TRUNC empties an existing file opened for writing; O_CREAT without
 * O_EXCL opens an existing file as it is. */
static void t_trunc_creat(void)
{
	struct stat st;
	posix_make_file("/tmp/otr", "0123456789");
	int fd = open("/tmp/otr", O_CREAT | O_RDWR, 0600);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 10);
	CHECK((st.st_mode & 0777) == 0644); /* the mode is not changed */
	CHECK(close(fd) == 0);
	fd = open("/tmp/otr", O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0);
	CHECK(write(fd, "ab", 2) == 2 && close(fd) == 0);
	CHECK(posix_has("/tmp/otr", "ab"));
	fd = creat("/tmp/otr", 0644); /* creat truncates too */
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0);
	CHECK((fcntl(fd, F_GETFL) & O_ACCMODE) == O_WRONLY);
	CHECK(unlink("/tmp/otr") == 0);
}

static void t_excl(void)
{
	int fd = open("/tmp/excl", O_CREAT | O_EXCL | O_WRONLY, 0600);
	CHECK(fd >= 0);
	CHECK(open("/tmp/excl", O_CREAT | O_EXCL | O_WRONLY, 0600) == -1 &&
	      errno == EEXIST);
	CHECK(unlink("/tmp/excl") == 0);
	CHECK(unlink("/tmp/excl") == -1 && errno == ENOENT);
}

/* A read at end of file returns 0, also after seeking past it. */
static void t_read_eof(void)
{
	char buf[8];
	posix_make_file("/tmp/eof", "abc");
	int fd = open("/tmp/eof", O_RDONLY);
	CHECK(read(fd, buf, sizeof(buf)) == 3);
	CHECK(read(fd, buf, sizeof(buf)) == 0);
	CHECK(lseek(fd, 100, SEEK_SET) == 100);
	CHECK(read(fd, buf, sizeof(buf)) == 0);
	CHECK(lseek(fd, 1, SEEK_SET) == 1 && read(fd, buf, 8) == 2);
	CHECK(unlink("/tmp/eof") == 0);
}

/* Writing past the end leaves a hole that reads as zeros (here across
 * several 1 KiB blocks). */
static void t_hole(void)
{
	static char buf[6000];
	int fd = open("/tmp/hole", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "A", 1) == 1);
	CHECK(lseek(fd, 5000, SEEK_SET) == 5000 && write(fd, "Z", 1) == 1);
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_size == 5001);
	memset(buf, 7, sizeof(buf));
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 6000) == 5001);
	CHECK(buf[0] == 'A' && buf[5000] == 'Z');
	for (int i = 1; i < 5000; i++)
		CHECK(buf[i] == 0);
	CHECK(unlink("/tmp/hole") == 0);
}

static void t_seek_trunc(void)
{
	int fd = open("/tmp/st", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(write(fd, "0123456789", 10) == 10);
	CHECK(lseek(fd, -3, SEEK_END) == 7);
	char c;
	CHECK(read(fd, &c, 1) == 1 && c == '7');
	CHECK(lseek(fd, -100, SEEK_SET) == -1 && errno == EINVAL);
	CHECK(ftruncate(fd, 4) == 0 && lseek(fd, 0, SEEK_END) == 4);
	CHECK(truncate("/tmp/st", 0) == 0 && lseek(fd, 0, SEEK_END) == 0);
	int p[2];
	pipe(p);
	CHECK(lseek(p[0], 0, SEEK_SET) == -1 && errno == ESPIPE);
}

/* More lseek: relative moves, a bad whence, a position before 0 (the
 * offset stays where it was). */
static void t_lseek(void)
{
	posix_make_file("/tmp/lsk", "0123456789");
	int fd = open("/tmp/lsk", O_RDONLY);
	CHECK(lseek(fd, 4, SEEK_SET) == 4 && lseek(fd, 2, SEEK_CUR) == 6);
	CHECK(lseek(fd, -1, SEEK_CUR) == 5);
	CHECK(lseek(fd, -11, SEEK_END) == -1 && errno == EINVAL);
	CHECK(lseek(fd, 0, 7) == -1 && errno == EINVAL);
	CHECK(lseek(fd, 0, SEEK_CUR) == 5);
	CHECK(lseek(99, 0, SEEK_SET) == -1 && errno == EBADF);
	CHECK(unlink("/tmp/lsk") == 0);
}

/* Growing a file with ftruncate adds zeros; shrinking drops the tail
 * (and growing again does not bring it back). */
static void t_truncate_grow(void)
{
	char buf[3000];
	posix_make_file("/tmp/tg", "xyz");
	CHECK(truncate("/tmp/tg", 2500) == 0);
	int fd = open("/tmp/tg", O_RDWR);
	CHECK(read(fd, buf, sizeof(buf)) == 2500);
	CHECK(!memcmp(buf, "xyz", 3) && buf[3] == 0 && buf[2499] == 0);
	CHECK(ftruncate(fd, 1) == 0 && ftruncate(fd, 3) == 0);
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 10) == 3);
	CHECK(buf[0] == 'x' && buf[1] == 0 && buf[2] == 0);
	CHECK(ftruncate(fd, -1) == -1 && errno == EINVAL);
	int ro = open("/tmp/tg", O_RDONLY);
	CHECK(ftruncate(ro, 0) == -1 && (errno == EBADF || errno == EINVAL));
	CHECK(truncate("/tmp", 0) == -1 && errno == EISDIR);
	CHECK(unlink("/tmp/tg") == 0);
}

/* utime sets both times, or both to now; a write moves mtime (and
 * ctime) on. */
static void t_times_utime(void)
{
	struct stat st;
	posix_make_file("/tmp/ut", "t");
	struct utimbuf t = {1000000, 2000000};
	CHECK(utime("/tmp/ut", &t) == 0);
	CHECK(stat("/tmp/ut", &st) == 0);
	CHECK(st.st_atime == 1000000 && st.st_mtime == 2000000);
	int fd = open("/tmp/ut", O_WRONLY);
	CHECK(write(fd, "u", 1) == 1 && fstat(fd, &st) == 0);
	CHECK(st.st_mtime != 2000000 && st.st_ctime == st.st_mtime);
	CHECK(st.st_atime == 1000000);
	time_t now = time(0);
	CHECK(utime("/tmp/ut", 0) == 0 && stat("/tmp/ut", &st) == 0);
	CHECK(st.st_atime >= now - 2 && st.st_atime <= now + 2);
	CHECK(st.st_mtime == st.st_atime);
	CHECK(utime("/tmp/nope", &t) == -1 && errno == ENOENT);
	CHECK(unlink("/tmp/ut") == 0);
}

/* stat and fstat agree; a link is the same inode with one more link. */
static void t_stat_fields(void)
{
	struct stat a, b;
	posix_make_file("/tmp/sf", "12345");
	int fd = open("/tmp/sf", O_RDONLY);
	CHECK(stat("/tmp/sf", &a) == 0 && fstat(fd, &b) == 0);
	CHECK(S_ISREG(a.st_mode) && a.st_size == 5 && a.st_nlink == 1);
	CHECK(a.st_ino == b.st_ino && a.st_dev == b.st_dev);
	CHECK(a.st_uid == getuid() && a.st_gid == getgid());
	CHECK(link("/tmp/sf", "/tmp/sf2") == 0 && stat("/tmp/sf2", &b) == 0);
	CHECK(b.st_ino == a.st_ino && b.st_nlink == 2);
	CHECK(stat("/tmp", &a) == 0 && S_ISDIR(a.st_mode));
	CHECK(stat("/dev/null", &a) == 0 && S_ISCHR(a.st_mode));
	CHECK(unlink("/tmp/sf") == 0 && unlink("/tmp/sf2") == 0);
}

static void t_stat_errors(void)
{
	struct stat st;
	CHECK(stat("/nope", &st) == -1 && errno == ENOENT);
	CHECK(stat("/etc/motd/x", &st) == -1 && errno == ENOTDIR);
	CHECK(open("/etc", O_WRONLY) == -1 && errno == EISDIR);
	CHECK(stat("", &st) == -1 && errno == ENOENT);
}

/* Opening a directory for writing: EISDIR; O_DIRECTORY on a file:
 * ENOTDIR; O_CREAT in a missing directory: ENOENT. */
static void t_open_errors(void)
{
	CHECK(open("/tmp", O_RDWR) == -1 && errno == EISDIR);
	CHECK(open("/tmp", O_WRONLY | O_CREAT, 0644) == -1 && errno == EISDIR);
	CHECK(open("/etc/motd", O_RDONLY | O_DIRECTORY) == -1 &&
	      errno == ENOTDIR);
	CHECK(open("/tmp", O_RDONLY | O_DIRECTORY) >= 0);
	CHECK(open("/tmp/no/f", O_CREAT | O_WRONLY, 0644) == -1 &&
	      errno == ENOENT);
	CHECK(open("/etc/motd/f", O_CREAT | O_WRONLY, 0644) == -1 &&
	      errno == ENOTDIR);
	CHECK(open("/tmp", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 &&
	      errno == EEXIST);
}

static void t_nametoolong(void)
{
	char name[200];
	memset(name, 'a', sizeof(name) - 1);
	name[0] = '/';
	name[sizeof(name) - 1] = 0;
	CHECK(open(name, O_RDONLY) == -1 && errno == ENAMETOOLONG);
	CHECK(mkdir(name, 0755) == -1 && errno == ENAMETOOLONG);
}

static void t_devices(void)
{
	char buf[16];
	int n = open("/dev/null", O_RDWR), z = open("/dev/zero", O_RDONLY);
	CHECK(n >= 0 && z >= 0);
	CHECK(read(n, buf, sizeof(buf)) == 0);
	CHECK(write(n, "gone", 4) == 4);
	memset(buf, 1, sizeof(buf));
	CHECK(read(z, buf, sizeof(buf)) == sizeof(buf) && buf[0] == 0 &&
	      buf[15] == 0);
	/* A block device reads as a file: the MINIX v3 magic at byte 24
	 * of the superblock (block 1), read from an odd position. */
	int d = open("/dev/ram0", O_RDONLY);
	unsigned char magic[2];
	CHECK(d >= 0 && lseek(d, 1024 + 24, SEEK_SET) == 1048);
	CHECK(read(d, magic, 2) == 2 && magic[0] == 0x5a && magic[1] == 0x4d);
	CHECK(lseek(d, 0, SEEK_END) == 2 * 1024 * 1024);
	CHECK(read(d, magic, 2) == 0 && close(d) == 0);
	CHECK(open("/dev/ram3", O_RDONLY) == -1 && errno == ENXIO);
}

/* An unlinked file lives on while it is open, and goes at the close. */
static void t_unlink_open(void)
{
	char buf[8];
	struct statvfs before, after;
	CHECK(statvfs("/tmp", &before) == 0);
	int fd = open("/tmp/uo", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "alive", 5) == 5);
	CHECK(unlink("/tmp/uo") == 0);
	struct stat st;
	CHECK(stat("/tmp/uo", &st) == -1 && errno == ENOENT);
	CHECK(fstat(fd, &st) == 0);
	CHECK(st.st_nlink == 0);
	CHECK(st.st_size == 5);
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 8) == 5);
	CHECK(!memcmp(buf, "alive", 5) && write(fd, "!", 1) == 1);
	posix_make_file("/tmp/uo", "other");
	CHECK(fstat(fd, &st) == 0 && st.st_size == 6);
	CHECK(close(fd) == 0 && posix_has("/tmp/uo", "other"));
	CHECK(unlink("/tmp/uo") == 0);
	CHECK(statvfs("/tmp", &after) == 0);
	CHECK(after.f_ffree == before.f_ffree); /* freed at the close */
	CHECK(after.f_bfree == before.f_bfree);
}

static const struct posix_test tests[] = {
	{"unlink_open", t_unlink_open},
	{"append", t_append},
	{"append_seek", t_append_seek},
	{"trunc_creat", t_trunc_creat},
	{"excl", t_excl},
	{"read_eof", t_read_eof},
	{"hole", t_hole},
	{"seek_trunc", t_seek_trunc},
	{"lseek", t_lseek},
	{"truncate_grow", t_truncate_grow},
	{"times_utime", t_times_utime},
	{"stat_fields", t_stat_fields},
	{"stat_errors", t_stat_errors},
	{"open_errors", t_open_errors},
	{"nametoolong", t_nametoolong},
	{"devices", t_devices},
};

POSIX_GROUP(posix_file, tests);
