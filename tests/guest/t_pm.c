// SPDX-License-Identifier: BSD-2-Clause
/*
 * Processes through PM with the C library's fork, waitpid, wait,
 * getpid and getppid: statuses come back to the parent, faults end a
 * child with the right signal, WNOHANG does not block, ECHILD when
 * there is nothing to wait for, grandchildren and many children work.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tlib.h"

int main(void)
{
	t_case = "pm";
	pid_t me = getpid();
	T_ASSERT(me > 1);

	/* Exit statuses, in any order, with wait(). */
	pid_t kids[5];
	for (int i = 0; i < 5; i++) {
		kids[i] = fork();
		T_ASSERT(kids[i] >= 0);
		if (kids[i] == 0) {
			if (getppid() != me)
				_exit(99);
			_exit(10 + i);
		}
	}
	int seen = 0;
	for (int i = 0; i < 5; i++) {
		int st;
		pid_t p = wait(&st);
		T_ASSERT(p > 0);
		T_ASSERT(WIFEXITED(st));
		for (int k = 0; k < 5; k++)
			if (kids[k] == p) {
				T_EQ(WEXITSTATUS(st), 10 + k);
				seen |= 1 << k;
			}
	}
	T_EQ(seen, 31);
	T_EQ(wait(0), -1);
	T_EQ(errno, ECHILD);

	/* waitpid for a particular child, WNOHANG, a child that faults. */
	pid_t slow = fork();
	if (slow == 0) { /* half a second asleep */
		usleep(500000);
		exit(7);
	}
	pid_t bad = fork();
	if (bad == 0)
		*(volatile int *)0 = 1; /* SIGSEGV */
	int st;
	T_EQ(waitpid(slow, &st, WNOHANG), 0); /* still running */
	T_EQ(waitpid(bad, &st, 0), bad);
	T_ASSERT(WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), 11);
	T_EQ(waitpid(slow, &st, 0), slow);
	T_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 7);
	T_EQ(waitpid(12345, &st, 0), -1);
	T_EQ(errno, ECHILD);
	T_EQ(waitpid(-1, &st, 77), -1);
	T_EQ(errno, EINVAL);

	/* A grandchild: the child waits for its own child. */
	pid_t mid = fork();
	if (mid == 0) {
		pid_t g = fork();
		if (g == 0)
			_exit(3);
		int s2;
		_exit(waitpid(g, &s2, 0) == g && WEXITSTATUS(s2) == 3 ? 4 : 5);
	}
	T_EQ(waitpid(mid, &st, 0), mid);
	T_EQ(WEXITSTATUS(st), 4);

	/* Many processes, one after another: slots and pids recycle. */
	for (int i = 0; i < 100; i++) {
		pid_t p = fork();
		if (p == 0)
			_exit(i & 0x7f);
		T_ASSERT(p > 0);
		T_EQ(waitpid(p, &st, 0), p);
		T_EQ(WEXITSTATUS(st), i & 0x7f);
	}
	t_pass();
	t_finish();
}
