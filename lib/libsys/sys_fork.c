// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_fork: copy the caller.  Returns 0 in both; *child is the child's
 * endpoint in the parent and NONE in the child.
 */
#include "libsys.h"

int sys_fork(endpoint_t *child)
{
	message_t m;
	int r = kcall(SYS_FORK, &m);
	if (r == 0)
		*child = KC_ARGS(&m, kc_fork)->child;
	return r;
}
