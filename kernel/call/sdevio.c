// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_SDEVIO: string I/O (like `rep insw`) between one port and a grant
 * (or, with granter = SELF, the caller's own memory): how ATA PIO moves
 * sectors.  Port and memory are both checked before the first access;
 * the data passes through a kernel buffer, a chunk at a time.
 */
#include "abi/errno.h"
#include "devio.h"
#include "grant.h"
#include "kcall.h"
#include "vm.h"

#define CHUNK 512

static void transfer(uint32_t port, uint32_t flags, uint8_t *buf, uint32_t n)
{
	uint32_t size = flags & DIO_WORD ? 2 : 1;
	for (uint32_t i = 0; i < n; i += size) {
		uint32_t v = size == 2 ? (uint32_t)(buf[i] | buf[i + 1] << 8)
				       : buf[i];
		v = dio_do(port, flags, v);
		if (flags & DIO_OUT)
			continue;
		buf[i] = (uint8_t)v;
		if (size == 2)
			buf[i + 1] = (uint8_t)(v >> 8);
	}
}

int do_sdevio(struct proc *caller, message_t *m)
{
	struct kc_sdevio *a = KC_ARGS(m, kc_sdevio);
	uint32_t size;
	bool in = !(a->flags & DIO_OUT);
	struct proc *owner = caller;
	uint32_t addr = a->offset;
	if (a->flags & DIO_LONG || a->len > SDEVIO_MAX)
		return -EINVAL;
	int r = dio_check(caller, a->port, a->flags, &size);
	if (r < 0)
		return r;
	if (a->len % size)
		return -EINVAL;
	if (a->granter != SELF) {
		r = grant_check(caller, a->granter, a->gid, a->offset, a->len,
				in ? GF_WRITE : GF_READ, &owner, &addr);
		if (r < 0)
			return r;
	}
	if (!as_range_ok(owner->pd, addr, a->len, in))
		return -EFAULT;
	uint8_t buf[CHUNK];
	for (uint32_t done = 0; done < a->len; done += CHUNK) {
		uint32_t n = a->len - done < CHUNK ? a->len - done : CHUNK;
		if (!in)
			as_read(owner->pd, addr + done, buf, n);
		transfer(a->port, a->flags, buf, n);
		if (in)
			as_write(owner->pd, addr + done, buf, n);
	}
	return 0;
}
