// SPDX-License-Identifier: BSD-2-Clause
/*
 * A program for the POSIX suite's exec tests (the test RAM disk has it
 * as /bin/probe): it checks what exec kept and reset.  Its arguments are
 * checks, each a word and a number:
 *   pid N      getpid() is N          ppid N     getppid() is N
 *   write FD   FD is open: write "probe" to it
 *   closed FD  FD is not open (EBADF)
 *   dfl SIG    SIG's action is SIG_DFL    ign SIG  it is SIG_IGN
 *   mask SIG   the signal mask is exactly {SIG}
 *   pending SIG  SIG is pending
 *   alarm      an alarm is set (cancels it)
 *   uid N, euid N, gid N, egid N   the real or effective id is N
 *   mkuid N, mkgid N  a file made now (in /tmp, removed again) is owned
 *              by user or group N: VFS knows the effective ids too
 * It exits 0 when all hold, else prints the failed one to standard error
 * and exits with 10 + its position.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool handler_is(int sig, _sig_func_ptr h)
{
	struct sigaction a;
	return sigaction(sig, 0, &a) == 0 && a.sa_handler == h;
}

/* Make a file, and is its owner (or group) n? */
static bool made_by(bool group, int n)
{
	char name[32];
	struct stat st;
	snprintf(name, sizeof(name), "/tmp/probe.%d", (int)getpid());
	int fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);
	bool ok = fd >= 0 && fstat(fd, &st) == 0 &&
		  (group ? (int)st.st_gid : (int)st.st_uid) == n;
	close(fd);
	unlink(name);
	return ok;
}

/* The id checks: false if `what` is none of them. */
static bool check_id(const char *what, int n, bool *ok)
{
	if (!strcmp(what, "uid"))
		*ok = (int)getuid() == n;
	else if (!strcmp(what, "euid"))
		*ok = (int)geteuid() == n;
	else if (!strcmp(what, "gid"))
		*ok = (int)getgid() == n;
	else if (!strcmp(what, "egid"))
		*ok = (int)getegid() == n;
	else if (!strcmp(what, "mkuid") || !strcmp(what, "mkgid"))
		*ok = made_by(what[2] == 'g', n);
	else
		return false;
	return true;
}

static bool check(const char *what, int n)
{
	bool ok;
	if (check_id(what, n, &ok))
		return ok;
	sigset_t s, want;
	if (!strcmp(what, "pid"))
		return getpid() == n;
	if (!strcmp(what, "ppid"))
		return getppid() == n;
	if (!strcmp(what, "write"))
		return write(n, "probe", 5) == 5;
	if (!strcmp(what, "closed"))
		return fcntl(n, F_GETFD) == -1 && errno == EBADF;
	if (!strcmp(what, "dfl"))
		return handler_is(n, SIG_DFL);
	if (!strcmp(what, "ign"))
		return handler_is(n, SIG_IGN);
	if (!strcmp(what, "mask")) {
		sigemptyset(&want);
		sigaddset(&want, n);
		return sigprocmask(SIG_BLOCK, 0, &s) == 0 && s == want;
	}
	if (!strcmp(what, "pending"))
		return sigpending(&s) == 0 && sigismember(&s, n);
	return false;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		bool ok;
		if (!strcmp(argv[i], "alarm"))
			ok = alarm(0) > 0;
		else
			ok = i + 1 < argc && check(argv[i], atoi(argv[i + 1]));
		if (!ok) {
			fprintf(stderr, "probe: check %d (%s) failed\n", i,
				argv[i]);
			return 10 + i;
		}
		i += strcmp(argv[i], "alarm") != 0;
	}
	return 0;
}
