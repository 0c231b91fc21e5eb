// SPDX-License-Identifier: BSD-2-Clause
/*
 * The ATA driver's test build (tests/module.mk builds it as
 * build/tests/deny/ata.elf, so it boots under the name "ata" with the
 * real driver's privileges) calls ata_denial_test() before anything
 * else.  It reaches on purpose for what ata.conf does not grant: the
 * ports just outside each of its ranges, the PCI configuration ports
 * (so no PCI device either), the first serial line, port 0x80, a
 * string transfer from a foreign port and the keyboard's IRQ.  The
 * kernel must refuse each one, log it and count it; `t_ata deny` then
 * checks the counts in the process table, and that the driver still
 * works.  Only reads are tried, so a broken check harms nothing.
 */
#include <stdio.h>

#include "ata.h"
#include "libsys.h"

static const uint32_t foreign[ATA_DENY_PORTS - 1] = {
	0x1ef, 0x1f8, 0x16f, 0x178,	  /* around the command blocks */
	0x3f5, 0x3f7, 0x375, 0x377,	  /* around the control ports */
	0xcf8, 0xcfc, 0x3f8, 0x80,  0x60, /* PCI, COM1, POST, keyboard */
};

void ata_denial_test(void)
{
	static uint16_t word;
	uint32_t v;
	int allowed = 0, hook;
	for (int i = 0; i < ATA_DENY_PORTS - 1; i++)
		allowed += sys_devio(foreign[i], DIO_IN | DIO_BYTE, 0, &v) >= 0;
	allowed += sys_sdevio(0x1f8, DIO_IN | DIO_WORD, SELF, 0,
			      (uint32_t)(uintptr_t)&word, sizeof(word)) >= 0;
	allowed += sys_irqctl(IRQ_SETPOLICY, 1, 0, 1, &hook) >= 0;
	printf("ata: test build: %d of %d foreign accesses allowed\n", allowed,
	       ATA_DENY_PORTS + ATA_DENY_IRQS);
}
