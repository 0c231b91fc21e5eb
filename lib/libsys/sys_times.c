// SPDX-License-Identifier: BSD-2-Clause
/* sys_times: clock ticks, TSC and its rate, the caller's run time. */
#include "libsys.h"

int sys_times(struct kc_times *out)
{
	message_t m;
	int r = kcall(SYS_TIMES, &m);
	if (r == 0)
		*out = *KC_ARGS(&m, kc_times);
	return r;
}
