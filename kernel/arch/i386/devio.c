// SPDX-License-Identifier: BSD-2-Clause
/*
 * Checked port I/O (see devio.h).  Widths are 1, 2 or 4 bytes; a port
 * range must cover every byte of the access.
 */
#include "devio.h"

#include "abi/errno.h"
#include "abi/kcall_msg.h"
#include "deny.h"
#include "priv.h"

int dio_check(struct proc *p, uint32_t port, uint32_t flags, uint32_t *size)
{
	if (flags & ~DIO_FLAGS || (flags & DIO_WORD && flags & DIO_LONG))
		return -EINVAL;
	*size = flags & DIO_LONG ? 4 : flags & DIO_WORD ? 2 : 1;
	if (port > 0xffff || port + *size - 1 > 0xffff)
		return -EINVAL;
	if (!priv_may_io(p, port, *size))
		return deny(p, DENY_PORT, port, -EPERM);
	return 0;
}

uint32_t dio_do(uint32_t port, uint32_t flags, uint32_t value)
{
	uint16_t pt = (uint16_t)port;
	if (flags & DIO_OUT) {
		if (flags & DIO_LONG)
			__asm__ volatile("outl %0, %1"
					 :
					 : "a"(value), "Nd"(pt));
		else if (flags & DIO_WORD)
			__asm__ volatile("outw %0, %1"
					 :
					 : "a"((uint16_t)value), "Nd"(pt));
		else
			__asm__ volatile("outb %0, %1"
					 :
					 : "a"((uint8_t)value), "Nd"(pt));
		return 0;
	}
	if (flags & DIO_LONG) {
		uint32_t v;
		__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(pt));
		return v;
	}
	if (flags & DIO_WORD) {
		uint16_t v;
		__asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(pt));
		return v;
	}
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(pt));
	return v;
}
