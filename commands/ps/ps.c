// SPDX-License-Identifier: BSD-2-Clause
/*
 * ps: list the processes.
 *
 *	ps [-Aaefl]
 *
 * Every process is listed, one line each in pid order: the boot
 * drivers and servers (memory, tty, fs, vfs, pm), init, and everything
 * forked since.  The list comes from the process manager (getprocs(),
 * PM_PROCS), so it is one consistent picture.  Columns:
 *
 *	PID PPID PGRP UID STATE NAME
 *
 * STATE is R (running or ready), S (waiting: for input, a child, a
 * request), T (stopped) or Z (ended, not yet waited for).  NAME is the
 * program's file name (15 characters at most); a forked child keeps
 * its parent's until it execs.  -l adds EP, the kernel endpoint, as
 * the second column and DENIED, how many of its IPC messages, kernel
 * calls, port, IRQ, grant and memory accesses the kernel refused, as
 * the last but one.  -A, -a, -e and -f are accepted and change
 * nothing: there is only one list.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/procs.h>
#include <unistd.h>

#define MAX_PROCS 256 /* more than PM's table holds */

static void usage(void)
{
	fprintf(stderr, "usage: ps [-Aaefl]\n");
	exit(2);
}

static int by_pid(const void *a, const void *b)
{
	const struct pm_procinfo *x = a, *y = b;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

int main(int argc, char **argv)
{
	static struct pm_procinfo procs[MAX_PROCS];
	int c, longer = 0;
	while ((c = getopt(argc, argv, "Aaefl")) != -1) {
		if (c == 'l')
			longer = 1;
		else if (c == '?')
			usage();
	}
	if (optind != argc)
		usage();

	int n = getprocs(procs, MAX_PROCS);
	if (n < 0)
		err(1, "cannot read the process list");
	qsort(procs, (size_t)n, sizeof(procs[0]), by_pid);
	printf("  PID%s  PPID  PGRP   UID STATE %sNAME\n",
	       longer ? "    EP" : "", longer ? "DENIED " : "");
	for (int i = 0; i < n; i++) {
		const struct pm_procinfo *p = &procs[i];
		char name[sizeof(p->name) + 1];
		snprintf(name, sizeof(name), "%.*s", (int)sizeof(p->name),
			 p->name);
		printf("%5d", (int)p->pid);
		if (longer)
			printf(" %5d", (int)p->ep);
		printf(" %5d %5d %5d %-5c ", (int)p->ppid, (int)p->pgrp,
		       (int)p->uid, p->state ? p->state : '?');
		if (longer)
			printf("%6u ", (unsigned)p->denied);
		printf("%s\n", name);
	}
	return 0;
}
