// SPDX-License-Identifier: BSD-2-Clause
/* sys_privctl: install a privilege record, or make `who` a user. */
#include "libsys.h"

int sys_privctl(endpoint_t who, uint32_t op, const struct priv_desc *desc)
{
	message_t m;
	struct kc_privctl *a = KC_ARGS(&m, kc_privctl);
	a->who = who;
	a->op = op;
	a->desc = (uint32_t)(uintptr_t)desc;
	return kcall(SYS_PRIVCTL, &m);
}
