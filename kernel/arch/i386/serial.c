// SPDX-License-Identifier: BSD-2-Clause
/*
 * COM1, polled, for the kernel log.  115200 baud, 8 data bits, no parity,
 * one stop bit.  Output only: the console driver (a user process) owns
 * input once it exists.
 */
#include "arch.h"

#define COM1 0x3f8

void serial_init(void)
{
	outb(COM1 + 1, 0x00); /* no interrupts */
	outb(COM1 + 3, 0x80); /* DLAB on */
	outb(COM1 + 0, 0x01); /* divisor 1: 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03); /* 8N1, DLAB off */
	outb(COM1 + 2, 0xc7); /* FIFO on, cleared */
	outb(COM1 + 4, 0x03); /* DTR, RTS */
}

void serial_putc(char c)
{
	if (c == '\n')
		serial_putc('\r');
	for (int spin = 0; spin < 100000; spin++)
		if (inb(COM1 + 5) & 0x20)
			break;
	outb(COM1, (uint8_t)c);
}
