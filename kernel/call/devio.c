// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_DEVIO: one byte, word or long in from or out to a port in the
 * caller's I/O ranges.
 */
#include "devio.h"
#include "kcall.h"

int do_devio(struct proc *caller, message_t *m)
{
	struct kc_devio *a = KC_ARGS(m, kc_devio);
	uint32_t size;
	int r = dio_check(caller, a->port, a->flags, &size);
	if (r < 0)
		return r;
	uint32_t v = dio_do(a->port, a->flags, a->value);
	if (!(a->flags & DIO_OUT))
		a->value = v;
	return 0;
}
