// SPDX-License-Identifier: BSD-2-Clause
/* sys_privadd: add a port range, memory range or IRQ to `who`. */
#include "libsys.h"

int sys_privadd(endpoint_t who, uint32_t kind, uint32_t base, uint32_t len)
{
	message_t m;
	struct kc_privadd *a = KC_ARGS(&m, kc_privadd);
	a->who = who;
	a->kind = kind;
	a->base = base;
	a->len = len;
	return kcall(SYS_PRIVADD, &m);
}
