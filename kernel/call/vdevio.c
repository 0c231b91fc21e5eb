// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_VDEVIO: up to VDEVIO_MAX port operations of one kind in one call.
 * Every port is checked before the first access, so a vector with one
 * forbidden port does nothing at all.
 */
#include "abi/errno.h"
#include "devio.h"
#include "kcall.h"
#include "vm.h"

int do_vdevio(struct proc *caller, message_t *m)
{
	struct kc_vdevio *a = KC_ARGS(m, kc_vdevio);
	struct dio_pair pairs[VDEVIO_MAX];
	uint32_t size;
	if (a->count == 0 || a->count > VDEVIO_MAX)
		return -EINVAL;
	uint32_t bytes = a->count * sizeof(pairs[0]);
	if (as_read(caller->pd, a->pairs, pairs, bytes) < 0 ||
	    !as_range_ok(caller->pd, a->pairs, bytes, true))
		return -EFAULT;
	for (uint32_t i = 0; i < a->count; i++) {
		int r = dio_check(caller, pairs[i].port, a->flags, &size);
		if (r < 0)
			return r;
	}
	for (uint32_t i = 0; i < a->count; i++) {
		uint32_t v = dio_do(pairs[i].port, a->flags, pairs[i].value);
		if (!(a->flags & DIO_OUT))
			pairs[i].value = v;
	}
	return as_write(caller->pd, a->pairs, pairs, bytes);
}
