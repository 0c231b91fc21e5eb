/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the parts of the POSIX suite (t_posix.c runs them) share.
 *
 * Each file here holds the tests of one area and hands them to the
 * runner as one struct posix_group.  A test is a function run in its
 * own child: it checks with CHECK, which prints the failed condition
 * (the child's descriptors 1 and 2 are /dev/kmsg) and exits 1.  A test
 * that returns passes.  Tests may fork, exec, change ids or signal
 * dispositions freely: the child is theirs alone.  Files go in /tmp,
 * under names no other test uses.
 */
#pragma once

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			dprintf(2, "t_posix: %s: %s:%d: %s\n", posix_current,  \
				__FILE__, __LINE__, #c);                       \
			_exit(1);                                              \
		}                                                              \
	} while (0)

struct posix_test {
	const char *name;
	void (*fn)(void);
};

struct posix_group {
	const struct posix_test *tests;
	unsigned count;
};

#define POSIX_GROUP(group, table)                                              \
	const struct posix_group group = {table,                               \
					  sizeof(table) / sizeof(table[0])}

extern const char *posix_current; /* the running test's name */

/* The areas, in the order they run. */
extern const struct posix_group posix_proc, posix_signal, posix_pipe,
	posix_select, posix_fd, posix_file, posix_dir, posix_perm, posix_exec,
	posix_efault, posix_space, posix_netdb;

/* Helpers (t_posix.c). */
extern volatile int posix_hits; /* counted by posix_count_signal */
void posix_count_signal(int sig);
int posix_wait(pid_t pid); /* its wait status, or -1 if waitpid failed */
bool posix_exited(int status, int code);
bool posix_killed(int status, int sig);
int posix_ms(void); /* a clock in milliseconds */
void posix_make_file(const char *path, const char *text); /* or fail */
bool posix_has(const char *path, const char *text);	  /* exactly that */
