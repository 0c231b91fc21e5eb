// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: directories and names -- mkdir, rmdir and unlink and
 * their errors, reading directories, rename (also over existing files
 * and directories), link, and the working directory (chdir, fchdir,
 * getcwd).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "posix.h"

static void t_dirs(void)
{
	CHECK(mkdir("/tmp/d", 0755) == 0);
	CHECK(mkdir("/tmp/d", 0755) == -1 && errno == EEXIST);
	int fd = open("/tmp/d/f", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0 && close(fd) == 0);
	CHECK(rmdir("/tmp/d") == -1 && errno == ENOTEMPTY);
	CHECK(unlink("/tmp/d") == -1 && errno == EISDIR);
	CHECK(unlink("/tmp/d/f") == 0 && rmdir("/tmp/d") == 0);
}

/* The errors of mkdir, rmdir and unlink. */
static void t_dir_errors(void)
{
	CHECK(mkdir("/tmp/de", 0755) == 0);
	CHECK(rmdir("/tmp/de/.") == -1 && errno == EINVAL);
	CHECK(chdir("/tmp/de") == 0);
	CHECK(rmdir(".") == -1 && errno == EINVAL);
	CHECK(chdir("/") == 0);
	CHECK(unlink("/tmp/de") == -1 && (errno == EPERM || errno == EISDIR));
	CHECK(mkdir("/etc/motd", 0755) == -1 && errno == EEXIST);
	CHECK(mkdir("/tmp/nodir/x", 0755) == -1 && errno == ENOENT);
	CHECK(mkdir("/etc/motd/x", 0755) == -1 && errno == ENOTDIR);
	CHECK(rmdir("/etc/motd") == -1 && errno == ENOTDIR);
	CHECK(rmdir("/tmp/nodir") == -1 && errno == ENOENT);
	CHECK(unlink("/tmp/nodir") == -1 && errno == ENOENT);
	CHECK(rmdir("/tmp/de") == 0);
	CHECK(rmdir("/tmp/de") == -1 && errno == ENOENT);
}

static void t_readdir(void)
{
	mkdir("/tmp/r", 0755);
	close(open("/tmp/r/one", O_CREAT | O_WRONLY, 0644));
	close(open("/tmp/r/two", O_CREAT | O_WRONLY, 0644));
	DIR *d = opendir("/tmp/r");
	CHECK(d);
	int seen = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		seen |= (strcmp(e->d_name, "one") ? 0 : 1) |
			(strcmp(e->d_name, "two") ? 0 : 2) |
			(strcmp(e->d_name, ".") ? 0 : 4);
	closedir(d);
	CHECK(seen == 7);
	CHECK(opendir("/etc/motd") == 0 && errno == ENOTDIR);
}

/* Every entry once, with its inode number; removed entries go, new ones
 * show after rewinddir. */
static void t_readdir_rewind(void)
{
	struct stat st;
	CHECK(mkdir("/tmp/rw", 0755) == 0);
	posix_make_file("/tmp/rw/a", "");
	posix_make_file("/tmp/rw/b", "");
	CHECK(stat("/tmp/rw/a", &st) == 0);
	DIR *d = opendir("/tmp/rw");
	CHECK(d);
	int n = 0, a = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		n++;
		if (!strcmp(e->d_name, "a"))
			a += e->d_ino == st.st_ino;
	}
	CHECK(n == 4 && a == 1); /* ., .., a, b */
	CHECK(unlink("/tmp/rw/b") == 0);
	posix_make_file("/tmp/rw/c", "");
	rewinddir(d);
	int names = 0;
	while ((e = readdir(d)))
		names |= (!strcmp(e->d_name, "b") ? 1 : 0) |
			 (!strcmp(e->d_name, "c") ? 2 : 0);
	CHECK(names == 2);
	CHECK(closedir(d) == 0);
}

static void t_rename(void)
{
	close(open("/tmp/ra", O_CREAT | O_WRONLY, 0644));
	CHECK(rename("/tmp/ra", "/tmp/rb") == 0);
	struct stat st;
	CHECK(stat("/tmp/ra", &st) == -1 && stat("/tmp/rb", &st) == 0);
	mkdir("/tmp/rd", 0755);
	mkdir("/tmp/re", 0755);
	CHECK(rename("/tmp/rd", "/tmp/re/in") == 0);
	CHECK(stat("/tmp/re/in/..", &st) == 0);
	CHECK(rename("/tmp/re", "/tmp/re/in/x") == -1 && errno == EINVAL);
	CHECK(rename("/tmp/rb", "/tmp/re") == -1 && errno == EISDIR);
}

/* rename over an existing name replaces it: a file by a file, an empty
 * directory by a directory; not a non-empty directory, not a file by a
 * directory; a file onto itself changes nothing. */
static void t_rename_over(void)
{
	struct stat st;
	posix_make_file("/tmp/ro1", "new");
	posix_make_file("/tmp/ro2", "old");
	CHECK(rename("/tmp/ro1", "/tmp/ro2") == 0);
	CHECK(posix_has("/tmp/ro2", "new") && stat("/tmp/ro1", &st) == -1);
	CHECK(link("/tmp/ro2", "/tmp/ro3") == 0);
	CHECK(rename("/tmp/ro2", "/tmp/ro3") == 0); /* the same file */
	CHECK(stat("/tmp/ro2", &st) == 0 && st.st_nlink == 2);
	CHECK(mkdir("/tmp/rod", 0755) == 0 && mkdir("/tmp/roe", 0755) == 0);
	posix_make_file("/tmp/rod/in", "x");
	CHECK(rename("/tmp/rod", "/tmp/roe") == 0);
	CHECK(posix_has("/tmp/roe/in", "x") && stat("/tmp/rod", &st) == -1);
	CHECK(mkdir("/tmp/rof", 0755) == 0);
	CHECK(rename("/tmp/rof", "/tmp/roe") == -1 &&
	      (errno == ENOTEMPTY || errno == EEXIST));
	CHECK(rename("/tmp/rof", "/tmp/ro3") == -1 && errno == ENOTDIR);
	CHECK(rename("/tmp/nope", "/tmp/ro4") == -1 && errno == ENOENT);
	CHECK(stat("/tmp/rof", &st) == 0 && posix_has("/tmp/ro3", "new"));
}

static void t_link(void)
{
	struct stat st;
	close(open("/tmp/la", O_CREAT | O_WRONLY, 0644));
	CHECK(link("/tmp/la", "/tmp/lb") == 0);
	CHECK(stat("/tmp/la", &st) == 0 && st.st_nlink == 2);
	CHECK(link("/tmp/la", "/tmp/lb") == -1 && errno == EEXIST);
	CHECK(link("/tmp", "/tmp/lc") == -1 && errno == EPERM);
	CHECK(unlink("/tmp/la") == 0 && stat("/tmp/lb", &st) == 0 &&
	      st.st_nlink == 1);
}

static void t_cwd(void)
{
	char buf[128];
	mkdir("/tmp/cw", 0755);
	CHECK(chdir("/tmp/cw") == 0);
	CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/tmp/cw"));
	close(open("rel", O_CREAT | O_WRONLY, 0644));
	struct stat st;
	CHECK(stat("/tmp/cw/rel", &st) == 0);
	CHECK(chdir("..") == 0 && getcwd(buf, sizeof(buf)) &&
	      !strcmp(buf, "/tmp"));
	CHECK(chdir("/etc/motd") == -1 && errno == ENOTDIR);
	CHECK(getcwd(buf, 2) == 0 && errno == ERANGE);
}

/* getcwd needs room for the path and its NUL: one byte less is ERANGE,
 * a size of 0 EINVAL. */
static void t_getcwd_size(void)
{
	char buf[32];
	CHECK(mkdir("/tmp/gcw", 0755) == 0 && chdir("/tmp/gcw") == 0);
	memset(buf, 'x', sizeof(buf));
	CHECK(getcwd(buf, 9) == buf && !strcmp(buf, "/tmp/gcw"));
	CHECK(getcwd(buf, 8) == 0 && errno == ERANGE);
	CHECK(getcwd(buf, 0) == 0 && errno == EINVAL);
	CHECK(chdir("/") == 0 && getcwd(buf, 2) && !strcmp(buf, "/"));
	CHECK(rmdir("/tmp/gcw") == 0);
}

/* fchdir goes to a directory open as a descriptor. */
static void t_fchdir(void)
{
	char buf[64];
	CHECK(mkdir("/tmp/fcd", 0755) == 0);
	int d = open("/tmp/fcd", O_RDONLY);
	CHECK(d >= 0 && chdir("/etc") == 0);
	CHECK(fchdir(d) == 0);
	CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/tmp/fcd"));
	posix_make_file("here", "h");
	CHECK(posix_has("/tmp/fcd/here", "h"));
	int f = open("/etc/motd", O_RDONLY);
	CHECK(fchdir(f) == -1 && errno == ENOTDIR);
	CHECK(fchdir(55) == -1 && errno == EBADF);
	CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/tmp/fcd"));
}

static const struct posix_test tests[] = {
	{"dirs", t_dirs},
	{"dir_errors", t_dir_errors},
	{"readdir", t_readdir},
	{"readdir_rewind", t_readdir_rewind},
	{"rename", t_rename},
	{"rename_over", t_rename_over},
	{"link", t_link},
	{"cwd", t_cwd},
	{"getcwd_size", t_getcwd_size},
	{"fchdir", t_fchdir},
};

POSIX_GROUP(posix_dir, tests);
