// SPDX-License-Identifier: BSD-2-Clause
/*
 * COM1, a 16550 UART at port 0x3f8 on IRQ 4: 115200 baud, 8N1, FIFOs
 * on, an interrupt for every received byte.  Output waits for the
 * transmitter to be empty (THRE), a byte at a time; the kernel writes
 * its log lines to the same port the same way.
 */
#include "tty.h"

#define COM1 0x3f8
#define RBR 0 /* receive buffer / transmit holding */
#define IER 1
#define FCR 2
#define LCR 3
#define MCR 4
#define LSR 5
#define LSR_DR 0x01
#define LSR_THRE 0x20

static void out(uint32_t reg, uint32_t v)
{
	sys_devio(COM1 + reg, DIO_OUT | DIO_BYTE, v, 0);
}

static uint32_t in(uint32_t reg)
{
	uint32_t v = 0;
	sys_devio(COM1 + reg, DIO_IN | DIO_BYTE, 0, &v);
	return v;
}

void serial_init(struct tty *t)
{
	(void)t;
	out(IER, 0);
	out(LCR, 0x80); /* divisor latch: 115200 / 1 */
	out(RBR, 1);
	out(IER, 0);
	out(LCR, 0x03); /* 8 bits, no parity, one stop bit */
	out(FCR, 0xc7);
	out(MCR, 0x0b); /* DTR, RTS, OUT2 (which gates the IRQ) */
	out(IER, 0x01); /* interrupt when a byte arrives */
	while (in(LSR)&LSR_DR)
		in(RBR);
}

void serial_interrupt(struct tty *t)
{
	for (int i = 0; i < 256 && (in(LSR)&LSR_DR); i++)
		line_input(t, (char)in(RBR));
}

void serial_out(struct tty *t, const char *s, uint32_t n)
{
	(void)t;
	for (uint32_t i = 0; i < n; i++) {
		for (int spin = 0; spin < 100000 && !(in(LSR)&LSR_THRE); spin++)
			;
		out(RBR, (unsigned char)s[i]);
	}
}
