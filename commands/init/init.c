// SPDX-License-Identifier: BSD-2-Clause
/*
 * init: the first process (pid 1).
 *
 * It takes /dev/console as its standard input, output and error, runs
 * /etc/rc with the shell, then keeps a login on every terminal listed
 * in TERMINALS: a child that makes itself a session leader, opens its
 * terminal and runs /bin/login.  When a login session ends, init starts
 * a new one (after a pause if it ended within a second, so a broken
 * terminal cannot make init spin).  Orphaned processes become init's
 * children, and init's wait() collects them.
 *
 * Without a console (a test boot with no terminal driver) init just
 * greets on the kernel log and waits.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "libsys.h"

static const char *const terminals[] = {"/dev/ttyS0", "/dev/tty0"};
#define NR_TERMS (sizeof(terminals) / sizeof(terminals[0]))

static pid_t getty[NR_TERMS];
static time_t started[NR_TERMS];
static char *const env[] = {"PATH=/bin", "HOME=/", 0};

static void run_rc(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		char *const argv[] = {"sh", "/etc/rc", 0};
		execve("/bin/sh", argv, env);
		fprintf(stderr, "init: cannot run /bin/sh /etc/rc\n");
		_exit(127);
	}
	int status;
	while (pid > 0 && waitpid(pid, &status, 0) != pid)
		;
}

static pid_t start_login(const char *tty)
{
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	setsid();
	for (int fd = 0; fd < 3; fd++)
		close(fd);
	if (open(tty, O_RDWR) != 0 || dup(0) != 1 || dup(0) != 2)
		_exit(126);
	char *const argv[] = {"login", (char *)tty, 0};
	execve("/bin/login", argv, env);
	_exit(127);
}

static void respawn(pid_t dead)
{
	for (size_t i = 0; i < NR_TERMS; i++) {
		if (getty[i] != dead)
			continue;
		if (time(0) - started[i] < 1)
			sleep(1);
		started[i] = time(0);
		getty[i] = start_login(terminals[i]);
	}
}

int main(void)
{
	int fd = open("/dev/console", O_RDWR);
	if (fd != 0) {
		printf("init: Samsara is running (no console)\n");
		for (;;)
			pause();
	}
	dup2(0, 1);
	dup2(0, 2);
	printf("init: Samsara is running\n");
	run_rc();
	for (size_t i = 0; i < NR_TERMS; i++) {
		started[i] = time(0);
		getty[i] = start_login(terminals[i]);
	}
	for (;;) {
		int status;
		pid_t pid = wait(&status);
		if (pid > 0)
			respawn(pid);
		else
			sleep(1);
	}
}
