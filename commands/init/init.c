// SPDX-License-Identifier: BSD-2-Clause
/*
 * init: the first user process.
 *
 * For now it proves the path from the boot loader to a C program on
 * newlib: it greets, shows the process table through GETINFO, and then
 * waits for messages, answering none.  The userland issue makes it run
 * /etc/rc and keep login prompts on the consoles.
 */
#include <stdio.h>
#include <stdlib.h>

#include "libsys.h"

static void show_procs(void)
{
	struct kinfo_proc *tab = calloc(NR_PROCS, sizeof(*tab));
	uint32_t n = 0;
	if (!tab ||
	    sys_getinfo(GI_PROCTAB, tab, NR_PROCS * sizeof(*tab), &n) < 0) {
		printf("init: cannot read the process table\n");
		free(tab);
		return;
	}
	printf("  EP   PRIO  FLAGS  NAME\n");
	for (uint32_t i = 0; i < n / sizeof(*tab); i++)
		printf("  %-4d %-5d 0x%-4x %s\n", (int)tab[i].ep,
		       (int)tab[i].prio, (unsigned)tab[i].flags, tab[i].name);
	free(tab);
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("init: Samsara is running (first process up)\n");
	show_procs();
	for (;;) {
		message_t m;
		int status;
		ipc_receive(ANY, &m, &status);
	}
}
