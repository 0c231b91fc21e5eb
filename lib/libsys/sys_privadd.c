// SPDX-License-Identifier: BSD-2-Clause
/* sys_privadd: add ports, memory ranges and IRQs to `who`, all or none. */
#include "libsys.h"

int sys_privadd(endpoint_t who, const struct priv_add *add)
{
	message_t m;
	struct kc_privadd *a = KC_ARGS(&m, kc_privadd);
	a->who = who;
	a->add = (uint32_t)(uintptr_t)add;
	return kcall(SYS_PRIVADD, &m);
}
