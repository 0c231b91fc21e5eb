// SPDX-License-Identifier: BSD-2-Clause
/*
 * __libc_start: what runs between crt0 and main.  It sets environ,
 * reads the start-up word after the environment (abi/startup.h) to
 * learn whether the kernel or exec started the program, runs main,
 * flushes stdio and exits with main's status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/startup.h"
#include "libc.h"

extern char **environ;
char *__progname;
int main(int argc, char **argv, char **envp);

void __libc_start(int argc, char **argv, char **envp)
{
	char **e = envp;
	while (*e)
		e++;
	environ = envp;
	if (argc > 0 && argv[0]) {
		char *slash = strrchr(argv[0], '/');
		__progname = slash ? slash + 1 : argv[0];
	}
	unsigned aux = (unsigned)(unsigned long)e[1];
	libc_boot_init(aux == STACK_AUX_BOOT || aux == STACK_AUX_SERVICE);
	if (aux == STACK_AUX_EXEC || aux == STACK_AUX_SERVICE)
		libc_set_servers((endpoint_t)(long)e[2],
				 (endpoint_t)(long)e[3]);
	if (aux == STACK_AUX_SERVICE)
		sef_set_servers((endpoint_t)(long)e[4], (endpoint_t)(long)e[5]);
	exit(main(argc, argv, envp));
}
