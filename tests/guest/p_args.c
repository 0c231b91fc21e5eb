// SPDX-License-Identifier: BSD-2-Clause
/*
 * A program for exec tests (it lives in the test RAM disk as /bin/args):
 * prints its arguments and environment on one line and exits with
 * 10 * argc, plus 1 if SAMSARA is set in its environment.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv, char **envp)
{
	printf("args:");
	for (int i = 0; i < argc; i++)
		printf(" %s", argv[i]);
	for (int i = 0; envp[i]; i++)
		printf(" [%s]", envp[i]);
	printf("\n");
	fflush(stdout);
	return 10 * argc + (getenv("SAMSARA") != NULL);
}
