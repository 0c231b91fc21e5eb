// SPDX-License-Identifier: BSD-2-Clause
/* sys_vdevio: `count` port accesses of one kind; inputs fill pairs. */
#include "libsys.h"

int sys_vdevio(uint32_t flags, struct dio_pair *pairs, uint32_t count)
{
	message_t m;
	struct kc_vdevio *a = KC_ARGS(&m, kc_vdevio);
	a->flags = flags;
	a->pairs = (uint32_t)(uintptr_t)pairs;
	a->count = count;
	return kcall(SYS_VDEVIO, &m);
}
