// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: exec and the file system -- the execute bits for the
 * caller's effective ids (root needs one x bit anywhere), search
 * permission on the way, the set-user-ID and set-group-ID bits, a
 * relative path from the caller's working directory (not PM's, which is
 * "/"), and the errors of files that are not programs.
 *
 * The programs are copies of the test RAM disk's /bin/args (p_args.c:
 * exits with 10 * argc) and /bin/probe (p_probe.c: checks its ids) in
 * /tmp with the mode and owner a test wants; each test removes its own.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "posix.h"

#define USER 100

/* Copy the program src to dst with the given owner and mode (or fail). */
static void install(const char *src, const char *dst, uid_t uid, gid_t gid,
		    mode_t mode)
{
	char buf[4096];
	int in = open(src, O_RDONLY);
	int out = open(dst, O_CREAT | O_WRONLY | O_TRUNC, 0700);
	CHECK(in >= 0 && out >= 0);
	ssize_t n;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		CHECK(write(out, buf, (size_t)n) == n);
	CHECK(n == 0 && close(in) == 0 && close(out) == 0);
	CHECK(chown(dst, uid, gid) == 0 && chmod(dst, mode) == 0);
}

/* Run argv[0] in a child, first as uid `as` (unless it is 0) -> its
 * wait status; an exec that fails exits 200 + errno. */
static int run_as(uid_t as, char *const argv[])
{
	pid_t p = fork();
	CHECK(p >= 0);
	if (p == 0) {
		if (as && setuid(as) < 0)
			_exit(199);
		execve(argv[0], argv, 0);
		_exit(200 + errno % 50);
	}
	return posix_wait(p);
}

/* exec as `as` fails with err. */
static void refused(uid_t as, const char *path, int err)
{
	char *argv[] = {(char *)path, 0};
	CHECK(posix_exited(run_as(as, argv), 200 + err));
}

/* Mode 000: nobody runs it, root included; one x bit anywhere is enough
 * for root. */
static void t_exec_mode0(void)
{
	char *argv[] = {"/tmp/x000", "a", 0};
	install("/bin/args", "/tmp/x000", 0, 0, 0);
	refused(0, "/tmp/x000", EACCES);
	refused(USER, "/tmp/x000", EACCES);
	CHECK(chmod("/tmp/x000", 0001) == 0);
	CHECK(posix_exited(run_as(0, argv), 20));
	CHECK(chmod("/tmp/x000", 0644) == 0);
	refused(0, "/tmp/x000", EACCES);
	CHECK(unlink("/tmp/x000") == 0);
}

/* A root-owned 0700 program: root's, not an ordinary user's; 0701 lets
 * the user in through the others' bit; made the user's with mode 0071,
 * the owner's bits rule and the user may not. */
static void t_exec_owner_only(void)
{
	char *argv[] = {"/tmp/x700", 0};
	install("/bin/args", "/tmp/x700", 0, 7, 0700); /* not our group */
	CHECK(posix_exited(run_as(0, argv), 10));
	refused(USER, "/tmp/x700", EACCES);
	CHECK(chmod("/tmp/x700", 0701) == 0);
	CHECK(posix_exited(run_as(USER, argv), 10));
	CHECK(chown("/tmp/x700", USER, 0) == 0 &&
	      chmod("/tmp/x700", 0070) == 0);
	refused(USER, "/tmp/x700", EACCES); /* the owner's bits rule */
	CHECK(unlink("/tmp/x700") == 0);
}

/* A set-user-ID root program run by an ordinary user has euid 0 (and
 * VFS knows it: its new files are root's); the real uid stays. */
static void t_exec_setuid(void)
{
	char *argv[] = {"/tmp/suid", "uid", "100",   "euid", "0",
			"gid",	     "0",   "mkuid", "0",    0};
	install("/bin/probe", "/tmp/suid", 0, 0, 04755);
	CHECK(posix_exited(run_as(USER, argv), 0));
	char *plain[] = {"/tmp/suid", "euid", "100", "mkuid", "100", 0};
	CHECK(chmod("/tmp/suid", 0755) == 0);
	CHECK(posix_exited(run_as(USER, plain), 0));
	CHECK(unlink("/tmp/suid") == 0);
}

/* Set-group-ID: the effective gid becomes the file's group. */
static void t_exec_setgid(void)
{
	char *argv[] = {"/tmp/sgid", "uid",  "100", "euid",  "100", "gid",
			"50",	     "egid", "7",   "mkgid", "7",   0};
	install("/bin/probe", "/tmp/sgid", 0, 7, 02755);
	pid_t p = fork();
	CHECK(p >= 0);
	if (p == 0) {
		if (setgid(50) < 0 || setuid(USER) < 0)
			_exit(199);
		execve(argv[0], argv, 0);
		_exit(200 + errno % 50);
	}
	CHECK(posix_exited(posix_wait(p), 0));
	CHECK(unlink("/tmp/sgid") == 0);
}

/* A relative path starts at the caller's working directory. */
static void t_exec_relative(void)
{
	char *dot[] = {"./args", "x", 0}, *bare[] = {"args", 0};
	CHECK(chdir("/bin") == 0);
	CHECK(posix_exited(run_as(0, dot), 20));
	CHECK(posix_exited(run_as(USER, bare), 10));
	CHECK(chdir("/tmp") == 0);
	refused(0, "bin/args", ENOENT); /* there from "/", not from /tmp */
	refused(0, "./args", ENOENT);
	CHECK(chdir("/etc") == 0);
	char *up[] = {"../bin/args", 0};
	CHECK(posix_exited(run_as(0, up), 10));
}

/* Every directory on the way must be searchable by the caller. */
static void t_exec_search(void)
{
	char *argv[] = {"/tmp/nosearch/args", 0};
	CHECK(mkdir("/tmp/nosearch", 0700) == 0);
	install("/bin/args", "/tmp/nosearch/args", 0, 0, 0755);
	CHECK(posix_exited(run_as(0, argv), 10));
	refused(USER, "/tmp/nosearch/args", EACCES);
	CHECK(chdir("/tmp/nosearch") == 0);
	refused(USER, "./args", EACCES); /* the cwd itself, searched */
	CHECK(unlink("/tmp/nosearch/args") == 0 && rmdir("/tmp/nosearch") == 0);
}

/* Files that are no programs: a truncated ELF and a text file with x
 * bits are ENOEXEC, as is a script whose "#!" interpreter is missing
 * (PM does not read "#!" lines; the shell does); what is not a regular
 * file is EACCES whatever its bits. */
static void t_exec_not_programs(void)
{
	refused(0, "/bin/trunc", ENOEXEC);
	posix_make_file("/tmp/text", "just text\n");
	CHECK(chmod("/tmp/text", 0755) == 0);
	refused(USER, "/tmp/text", ENOEXEC);
	posix_make_file("/tmp/script", "#!/no/such/interpreter\necho hi\n");
	CHECK(chmod("/tmp/script", 0755) == 0);
	refused(USER, "/tmp/script", ENOEXEC);
	refused(0, "/dev/null", EACCES);
	refused(0, "/bin", EACCES);
	CHECK(unlink("/tmp/text") == 0 && unlink("/tmp/script") == 0);
}

static const struct posix_test tests[] = {
	{"exec_mode0", t_exec_mode0},
	{"exec_owner_only", t_exec_owner_only},
	{"exec_setuid", t_exec_setuid},
	{"exec_setgid", t_exec_setgid},
	{"exec_relative", t_exec_relative},
	{"exec_search", t_exec_search},
	{"exec_not_programs", t_exec_not_programs},
};

POSIX_GROUP(posix_exec, tests);
