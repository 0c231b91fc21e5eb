// SPDX-License-Identifier: BSD-2-Clause
/* sys_setalarm: a CLOCK notification `ticks` ticks from now (0 cancels). */
#include "libsys.h"

int sys_setalarm(uint32_t ticks, uint32_t *left)
{
	message_t m;
	KC_ARGS(&m, kc_setalarm)->ticks = ticks;
	int r = kcall(SYS_SETALARM, &m);
	if (r == 0 && left)
		*left = KC_ARGS(&m, kc_setalarm)->left;
	return r;
}
