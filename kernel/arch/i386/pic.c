// SPDX-License-Identifier: BSD-2-Clause
/*
 * The two cascaded 8259A interrupt controllers.
 *
 * They are remapped so that IRQ 0-15 arrive on vectors 32-47, clear of the
 * CPU exceptions.  Every line starts masked except the cascade (IRQ 2);
 * the clock unmasks IRQ 0, and drivers will unmask theirs through IRQCTL.
 */
#include "arch.h"

#define PIC1 0x20
#define PIC2 0xa0
#define EOI 0x20

static uint16_t mask = 0xffff & ~(1u << 2);

static void write_mask(void)
{
	outb(PIC1 + 1, mask & 0xff);
	outb(PIC2 + 1, mask >> 8);
}

void pic_init(void)
{
	outb(PIC1, 0x11); /* ICW1: edge, cascade, ICW4 follows */
	outb(PIC2, 0x11);
	outb(PIC1 + 1, IRQ_BASE); /* ICW2: vector base */
	outb(PIC2 + 1, IRQ_BASE + 8);
	outb(PIC1 + 1, 0x04); /* ICW3: slave on IRQ 2 */
	outb(PIC2 + 1, 0x02);
	outb(PIC1 + 1, 0x01); /* ICW4: 8086 mode */
	outb(PIC2 + 1, 0x01);
	write_mask();
}

void pic_mask(int irq)
{
	mask |= (uint16_t)(1u << irq);
	write_mask();
}

void pic_unmask(int irq)
{
	mask &= (uint16_t) ~(1u << irq);
	write_mask();
}

void pic_eoi(int irq)
{
	if (irq >= 8)
		outb(PIC2, EOI);
	outb(PIC1, EOI);
}
