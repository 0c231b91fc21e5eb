// SPDX-License-Identifier: BSD-2-Clause
/*
 * login: ask for a user name (and a password if the account has one),
 * check it against /etc/passwd, then become that user in their home
 * directory and run their shell as an interactive login shell.
 *
 * Usage: login [TERMINAL]   (init runs it on each terminal)
 *
 * The password field of /etc/passwd is compared as it is: empty means
 * no password, "*" or "!" locks the account.  (A hashed format comes
 * with a crypt() of our own; until then keep passwords empty or
 * locked.)  Bad attempts wait two seconds before the next prompt.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/termios.h>
#include <unistd.h>

static int read_line(char *buf, size_t n, int echo)
{
	struct termios old, t;
	int have_tty = tcgetattr(0, &old) == 0;
	if (have_tty && !echo) {
		t = old;
		t.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(0, TCSAFLUSH, &t);
	}
	size_t len = 0;
	char c;
	int r;
	while ((r = (int)read(0, &c, 1)) == 1 && c != '\n')
		if (len + 1 < n)
			buf[len++] = c;
	buf[len] = 0;
	if (have_tty && !echo) {
		tcsetattr(0, TCSANOW, &old);
		printf("\n");
	}
	return r == 1 ? 0 : -1;
}

static int check(struct passwd *pw)
{
	char pass[128];
	if (!pw || !strcmp(pw->pw_passwd, "*") || !strcmp(pw->pw_passwd, "!"))
		return -1;
	if (!pw->pw_passwd[0])
		return 0;
	printf("Password: ");
	fflush(stdout);
	if (read_line(pass, sizeof(pass), 0) < 0)
		exit(1);
	return strcmp(pass, pw->pw_passwd) == 0 ? 0 : -1;
}

static void start_shell(struct passwd *pw)
{
	static char home[256], user[64], shell[256];
	snprintf(home, sizeof(home), "HOME=%s", pw->pw_dir);
	snprintf(user, sizeof(user), "USER=%s", pw->pw_name);
	snprintf(shell, sizeof(shell), "SHELL=%s",
		 pw->pw_shell[0] ? pw->pw_shell : "/bin/sh");
	char *const env[] = {home, user, shell, "PATH=/bin", "TERM=vt100", 0};
	char *const argv[] = {"-sh", 0};
	if (setgid(pw->pw_gid) < 0 || setuid(pw->pw_uid) < 0) {
		perror("login: cannot set the user");
		exit(1);
	}
	if (chdir(pw->pw_dir) < 0) {
		printf("login: no home directory %s; using /\n", pw->pw_dir);
		chdir("/");
	}
	execve(pw->pw_shell[0] ? pw->pw_shell : "/bin/sh", argv, env);
	perror("login: cannot run the shell");
	exit(1);
}

int main(int argc, char **argv)
{
	char name[64];
	if (argc > 2) {
		fprintf(stderr, "usage: login [TERMINAL]\n");
		return 2;
	}
	tcsetpgrp(0, getpgrp());
	for (;;) {
		printf("\nSamsara on %s\nlogin: ", argc > 1 ? argv[1] : "?");
		fflush(stdout);
		if (read_line(name, sizeof(name), 1) < 0)
			return 1;
		if (!name[0])
			continue;
		struct passwd *pw = getpwnam(name);
		if (check(pw) == 0)
			start_shell(pw);
		printf("Login incorrect\n");
		sleep(2);
	}
}
