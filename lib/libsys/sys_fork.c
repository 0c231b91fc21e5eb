// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_fork: copy the caller.  Returns 0 in both; *child is the child's
 * endpoint in the parent and NONE in the child.  sys_fork_of: copy a
 * process that is waiting for our reply (the process manager's fork).
 * sys_fork_held: a copy of the caller that waits for the caller's reply
 * without running, for the caller to exec a program in (RS).
 */
#include "libsys.h"

static int fork_call(endpoint_t parent, uint32_t flags, endpoint_t *child)
{
	message_t m;
	KC_ARGS(&m, kc_fork)->parent = parent;
	KC_ARGS(&m, kc_fork)->flags = flags;
	int r = kcall(SYS_FORK, &m);
	if (r == 0)
		*child = KC_ARGS(&m, kc_fork)->child;
	return r;
}

int sys_fork(endpoint_t *child)
{
	return fork_call(SELF, 0, child);
}

int sys_fork_of(endpoint_t parent, endpoint_t *child)
{
	return fork_call(parent, 0, child);
}

int sys_fork_held(endpoint_t *child)
{
	return fork_call(SELF, FORK_HELD, child);
}
