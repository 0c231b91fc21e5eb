// SPDX-License-Identifier: BSD-2-Clause
/*
 * ipc_receive: wait for a message from src (or ANY); *status, if given,
 * gets the status word saying which primitive delivered it.
 */
#include "libsys.h"

int ipc_receive(endpoint_t src, message_t *m, int *status)
{
	uint32_t st = 0;
	int r = ipc_trap_raw(RECEIVE, (uint32_t)src, (uint32_t)(uintptr_t)m,
			     &st);
	if (status)
		*status = (int)st;
	return r;
}
