// SPDX-License-Identifier: BSD-2-Clause
/* sys_trace: T_* on who at addr; *data in and out (may be 0). */
#include "libsys.h"

int sys_trace(uint32_t op, endpoint_t who, uint32_t addr, uint32_t *data)
{
	message_t m;
	struct kc_trace *a = KC_ARGS(&m, kc_trace);
	a->op = op;
	a->who = who;
	a->addr = addr;
	a->data = data ? *data : 0;
	int r = kcall(SYS_TRACE, &m);
	if (r == 0 && data)
		*data = a->data;
	return r;
}
