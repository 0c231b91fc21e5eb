// SPDX-License-Identifier: BSD-2-Clause
/*
 * The DP8390 core's port layer on Samsara (dp8390.h): every register
 * access is a DEVIO kernel call on a port the policy (ISA) or the PCI
 * claim gave the driver; the data port's strings into the driver's own
 * memory are one SDEVIO each.  The host test of the core has its own
 * port layer, a fake card.
 */
#include "dp8390.h"
#include "libsys.h"

uint8_t dp_inb(uint32_t port)
{
	uint32_t v = 0xff;
	sys_devio(port, DIO_IN | DIO_BYTE, 0, &v);
	return (uint8_t)v;
}

void dp_outb(uint32_t port, uint8_t value)
{
	sys_devio(port, DIO_OUT | DIO_BYTE, value, 0);
}

int dp_ins(uint32_t port, void *buf, uint32_t len, bool word)
{
	return sys_sdevio(port, DIO_IN | (word ? DIO_WORD : DIO_BYTE), SELF, 0,
			  (uint32_t)(uintptr_t)buf, len);
}

int dp_outs(uint32_t port, const void *buf, uint32_t len, bool word)
{
	return sys_sdevio(port, DIO_OUT | (word ? DIO_WORD : DIO_BYTE), SELF, 0,
			  (uint32_t)(uintptr_t)buf, len);
}

/* A short wait (the overflow routine's 1.6 ms, the reset's polls). */
void dp_delay_us(uint32_t us)
{
	uint64_t end = clock_us() + us;
	while (clock_us() < end)
		;
}
