// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_fork: copy the caller.  Returns 0 in both; *child is the child's
 * endpoint in the parent and NONE in the child.  sys_fork_of: copy a
 * process that is waiting for our reply (the process manager's fork).
 */
#include "libsys.h"

int sys_fork(endpoint_t *child)
{
	return sys_fork_of(SELF, child);
}

int sys_fork_of(endpoint_t parent, endpoint_t *child)
{
	message_t m;
	KC_ARGS(&m, kc_fork)->parent = parent;
	int r = kcall(SYS_FORK, &m);
	if (r == 0)
		*child = KC_ARGS(&m, kc_fork)->child;
	return r;
}
