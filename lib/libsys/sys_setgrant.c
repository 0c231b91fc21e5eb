// SPDX-License-Identifier: BSD-2-Clause
/* sys_setgrant: register the caller's grant table with the kernel. */
#include "libsys.h"

int sys_setgrant(struct grant_entry *table, uint32_t count)
{
	message_t m;
	struct kc_setgrant *a = KC_ARGS(&m, kc_setgrant);
	a->addr = (uint32_t)(uintptr_t)table;
	a->count = count;
	return kcall(SYS_SETGRANT, &m);
}
