// SPDX-License-Identifier: BSD-2-Clause
/* sys_devio: one port access; *in gets what an input read. */
#include "libsys.h"

int sys_devio(uint32_t port, uint32_t flags, uint32_t value, uint32_t *in)
{
	message_t m;
	struct kc_devio *a = KC_ARGS(&m, kc_devio);
	a->port = port;
	a->flags = flags;
	a->value = value;
	int r = kcall(SYS_DEVIO, &m);
	if (r == 0 && in)
		*in = a->value;
	return r;
}
