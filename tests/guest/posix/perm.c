// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: users and permissions -- the umask, chmod, chown,
 * access, and what a process that gave up root (setuid to an ordinary
 * user) may no longer do: open what its mode denies, change others'
 * files, signal others' processes, become root again; /tmp (mode 1777)
 * and the sticky bit.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <utime.h>

#include "posix.h"

#define USER 100

static void t_chmod_umask(void)
{
	struct stat st;
	umask(027);
	close(open("/tmp/um", O_CREAT | O_WRONLY, 0666));
	CHECK(stat("/tmp/um", &st) == 0 && (st.st_mode & 0777) == 0640);
	CHECK(chmod("/tmp/um", 0604) == 0);
	CHECK(stat("/tmp/um", &st) == 0 && (st.st_mode & 0777) == 0604);
	CHECK(umask(022) == 027);
}

/* The umask takes its bits from mkdir's and creat's modes too. */
static void t_umask_mkdir(void)
{
	struct stat st;
	umask(077);
	CHECK(mkdir("/tmp/umd", 0777) == 0);
	CHECK(stat("/tmp/umd", &st) == 0 && S_ISDIR(st.st_mode));
	CHECK((st.st_mode & 0777) == 0700);
	int fd = creat("/tmp/umd/f", 0666);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0600);
	umask(0);
	CHECK(mkdir("/tmp/umd/g", 0751) == 0);
	CHECK(stat("/tmp/umd/g", &st) == 0 && (st.st_mode & 0777) == 0751);
}

static void t_setuid(void)
{
	close(open("/tmp/secret", O_CREAT | O_WRONLY, 0600));
	CHECK(setuid(USER) == 0 && getuid() == USER);
	CHECK(open("/tmp/secret", O_RDONLY) == -1 && errno == EACCES);
	CHECK(setuid(0) == -1 && errno == EPERM);
	CHECK(kill(getppid(), SIGTERM) == -1 && errno == EPERM);
}

/* access checks each of R_OK, W_OK and X_OK against the owner's bits
 * for an ordinary user, and whether the file is there for F_OK. */
static void t_access(void)
{
	static const int modes[] = {0400, 0200, 0100, 0700, 0};
	char name[32];
	CHECK(mkdir("/tmp/acc", 0777) == 0);
	CHECK(access("/tmp/acc", F_OK) == 0);
	CHECK(access("/tmp/acc/none", F_OK) == -1 && errno == ENOENT);
	CHECK(chown("/tmp/acc", USER, 0) == 0 && setuid(USER) == 0);
	for (int i = 0; i < 5; i++) {
		snprintf(name, sizeof(name), "/tmp/acc/m%o", modes[i]);
		close(open(name, O_CREAT | O_WRONLY, 0600));
		CHECK(chmod(name, (mode_t)modes[i]) == 0);
		CHECK(access(name, F_OK) == 0);
		int want[] = {R_OK, W_OK, X_OK};
		for (int j = 0; j < 3; j++) {
			bool may = modes[i] & (0400 >> j);
			int r = access(name, want[j]);
			CHECK(may ? r == 0 : r == -1 && errno == EACCES);
		}
		CHECK((access(name, R_OK | W_OK) == 0) ==
		      ((modes[i] & 0600) == 0600));
	}
	/* Search permission on the way: none, so every name is denied. */
	CHECK(chmod("/tmp/acc", 0600) == 0);
	CHECK(access("/tmp/acc/m400", F_OK) == -1 && errno == EACCES);
}

/* An ordinary user: chmod of its own file to 0 denies it even reading
 * and writing; others' files it may not chmod, chown or set the times
 * of (but may set them to now where it may write); a directory without write permission takes no new names. */
static void t_perm_denied(void)
{
	posix_make_file("/tmp/rootf", "r");
	posix_make_file("/tmp/rootw", "w");
	CHECK(chmod("/tmp/rootw", 0666) == 0);
	CHECK(mkdir("/tmp/pd", 0777) == 0 && chmod("/tmp/pd", 0777) == 0);
	CHECK(setuid(USER) == 0);
	posix_make_file("/tmp/pd/mine", "m");
	CHECK(chmod("/tmp/pd/mine", 0) == 0);
	CHECK(open("/tmp/pd/mine", O_RDONLY) == -1 && errno == EACCES);
	CHECK(open("/tmp/pd/mine", O_WRONLY) == -1 && errno == EACCES);
	CHECK(chmod("/tmp/pd/mine", 0400) == 0);
	CHECK(posix_has("/tmp/pd/mine", "m"));
	CHECK(chmod("/tmp/rootf", 0777) == -1 && errno == EPERM);
	CHECK(chown("/tmp/rootf", USER, USER) == -1 && errno == EPERM);
	CHECK(chown("/tmp/pd/mine", 0, 0) == -1 && errno == EPERM);
	struct utimbuf t = {1, 2};
	CHECK(utime("/tmp/rootf", &t) == -1 && errno == EPERM);
	CHECK(utime("/tmp/rootf", NULL) == -1 && errno == EACCES);
	CHECK(utime("/tmp/rootw", NULL) == 0); /* "now" needs only w */
	CHECK(utime("/tmp/rootw", &t) == -1 && errno == EPERM);
	CHECK(open("/tmp/rootf", O_WRONLY) == -1 && errno == EACCES);
	CHECK(unlink("/tmp/pd/mine") == 0);
	CHECK(mkdir("/tmp/pd/ro", 0755) == 0 && chmod("/tmp/pd/ro", 0555) == 0);
	CHECK(open("/tmp/pd/ro/f", O_CREAT | O_WRONLY, 0644) == -1 &&
	      errno == EACCES);
	CHECK(mkdir("/tmp/pd/ro/d", 0755) == -1 && errno == EACCES);
}

/* Root may chown; the new owner shows in stat. */
static void t_chown(void)
{
	struct stat st;
	posix_make_file("/tmp/cho", "c");
	CHECK(chown("/tmp/cho", USER, 7) == 0);
	CHECK(stat("/tmp/cho", &st) == 0 && st.st_uid == USER &&
	      st.st_gid == 7);
	CHECK(chown("/tmp/cho", (uid_t)-1, 8) == 0);
	CHECK(stat("/tmp/cho", &st) == 0 && st.st_uid == USER &&
	      st.st_gid == 8);
	CHECK(chown("/tmp/nope", 0, 0) == -1 && errno == ENOENT);
	CHECK(setuid(USER) == 0 && chmod("/tmp/cho", 0600) == 0);
}

/* /tmp is root's, mode 1777: anybody may make files there, but in a
 * sticky directory only a file's owner, the directory's owner or root
 * may remove or rename it (or replace it by a rename), even where the
 * file itself is writable by all. */
static void t_tmp_sticky(void)
{
	struct stat st;
	CHECK(stat("/tmp", &st) == 0 && S_ISDIR(st.st_mode));
	CHECK((st.st_mode & 07777) == 01777 && st.st_uid == 0);
	posix_make_file("/tmp/st_root", "r");
	CHECK(chmod("/tmp/st_root", 0666) == 0);
	CHECK(mkdir("/tmp/st_dir", 0755) == 0 &&
	      chmod("/tmp/st_dir", 01777) == 0);
	CHECK(chown("/tmp/st_dir", USER, 0) == 0);
	posix_make_file("/tmp/st_dir/root", "r");
	CHECK(mkdir("/tmp/st_open", 0777) == 0 &&
	      chmod("/tmp/st_open", 0777) == 0);
	posix_make_file("/tmp/st_open/root", "r");
	CHECK(setuid(USER) == 0);
	posix_make_file("/tmp/st_mine", "m");
	CHECK(unlink("/tmp/st_root") == -1 && errno == EPERM);
	CHECK(rename("/tmp/st_root", "/tmp/st_took") == -1 && errno == EPERM);
	CHECK(rename("/tmp/st_mine", "/tmp/st_root") == -1 && errno == EPERM);
	CHECK(posix_has("/tmp/st_root", "r"));
	CHECK(rename("/tmp/st_mine", "/tmp/st_mine2") == 0);
	CHECK(unlink("/tmp/st_mine2") == 0);
	CHECK(unlink("/tmp/st_dir/root") == 0);	 /* the directory's owner */
	CHECK(unlink("/tmp/st_open/root") == 0); /* not sticky */
}

/* Root may remove anybody's file from a sticky directory. */
static void t_tmp_sticky_root(void)
{
	pid_t p = fork();
	CHECK(p >= 0);
	if (p == 0) {
		CHECK(setuid(USER) == 0);
		posix_make_file("/tmp/st_user", "u");
		_exit(0);
	}
	CHECK(posix_exited(posix_wait(p), 0));
	CHECK(unlink("/tmp/st_user") == 0);
}

static const struct posix_test tests[] = {
	{"chmod_umask", t_chmod_umask}, {"umask_mkdir", t_umask_mkdir},
	{"setuid", t_setuid},		{"access", t_access},
	{"perm_denied", t_perm_denied}, {"chown", t_chown},
	{"tmp_sticky", t_tmp_sticky},	{"tmp_sticky_root", t_tmp_sticky_root},
};

POSIX_GROUP(posix_perm, tests);
