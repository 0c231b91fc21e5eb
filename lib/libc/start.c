// SPDX-License-Identifier: BSD-2-Clause
/*
 * __libc_start: what runs between crt0 and main: set environ, run main,
 * flush stdio and exit with main's status.
 */
#include <stdio.h>
#include <stdlib.h>

extern char **environ;
int main(int argc, char **argv, char **envp);

void __libc_start(int argc, char **argv, char **envp)
{
	environ = envp;
	exit(main(argc, argv, envp));
}
