// SPDX-License-Identifier: BSD-2-Clause
/* sys_kill: raise signal sig for who; its manager is told. */
#include "libsys.h"

int sys_kill(endpoint_t who, uint32_t sig)
{
	message_t m;
	struct kc_kill *a = KC_ARGS(&m, kc_kill);
	a->who = who;
	a->sig = sig;
	return kcall(SYS_KILL, &m);
}
