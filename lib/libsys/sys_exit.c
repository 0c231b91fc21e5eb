// SPDX-License-Identifier: BSD-2-Clause
/* sys_exit: end the caller (who = SELF) or a process it manages. */
#include "libsys.h"

int sys_exit(endpoint_t who, int status)
{
	message_t m;
	struct kc_exit *a = KC_ARGS(&m, kc_exit);
	a->who = who;
	a->status = status;
	return kcall(SYS_EXIT, &m);
}
