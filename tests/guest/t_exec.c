// SPDX-License-Identifier: BSD-2-Clause
/*
 * exec through PM, VFS and FS: a child runs /bin/args from the RAM disk
 * with arguments and an environment, and its exit status proves it got
 * them; exec of a file without x bits (EACCES), a truncated ELF
 * (ENOEXEC), one too big (ENOMEM), a missing file or too many arguments
 * fails with the POSIX error and the caller goes on.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include "tlib.h"

static int run(char *const argv[], char *const envp[])
{
	pid_t p = fork();
	T_ASSERT(p >= 0);
	if (p == 0) { /* the program's output goes to the kernel log */
		int fd = open("/dev/kmsg", O_WRONLY);
		if (fd < 0 || dup2(fd, 1) != 1 || dup2(fd, 2) != 2)
			_exit(199);
		execve(argv[0], argv, envp);
		_exit(200 + errno % 50); /* exec failed: say why */
	}
	int st;
	T_EQ(waitpid(p, &st, 0), p);
	T_ASSERT(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static int exec_error(const char *path)
{
	char *argv[] = {(char *)path, 0};
	char *envp[] = {0};
	T_EQ(execve(path, argv, envp), -1);
	return errno;
}

int main(void)
{
	t_case = "exec";
	char *argv[] = {"/bin/args", "one", "two", 0};
	char *envp[] = {"SAMSARA=yes", "HOME=/", 0};
	T_EQ(run(argv, envp), 31);
	char *none[] = {0};
	char *argv1[] = {"/bin/args", 0};
	T_EQ(run(argv1, none), 10);

	/* Failures come back to the caller, which goes on. */
	T_EQ(exec_error("/etc/motd"), EACCES); /* no x bit */
	T_EQ(exec_error("/bin/trunc"), ENOEXEC);
	T_EQ(exec_error("/bin/huge"), ENOMEM); /* 512 MiB of bss */
	T_EQ(exec_error("/nope"), ENOENT);
	T_EQ(exec_error("/etc"), EACCES);
	static char huge[5000];
	memset(huge, 'a', sizeof(huge) - 1);
	char *big[] = {"/bin/args", huge, 0};
	T_EQ(execve("/bin/args", big, none), -1);
	T_EQ(errno, E2BIG);
	T_EQ(run(argv, envp), 31); /* and it still works */
	t_pass();
	t_finish();
}
