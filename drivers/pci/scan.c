// SPDX-License-Identifier: BSD-2-Clause
/*
 * Enumeration, once, at start: bus 0, and each bus behind a
 * PCI-to-PCI bridge found on the way.  A device is there when its
 * vendor id reads other than 0xffff; function 0's header-type bit 7
 * says whether functions 1..7 may be there too.
 *
 * A BAR's size is found the classic way: write all ones, read back
 * which bits stuck (the size's alignment), write the old value back.
 * Bit 0 tells I/O (a 16-bit port range here) from memory; a 64-bit
 * memory BAR takes two slots, and one placed above 4 GiB is left out
 * (this is a 32-bit system).  The command register is left alone
 * while sizing: turning decoding off would, on the IDE controller,
 * also switch off the legacy ports the disk driver is using right now.
 */
#include <stdio.h>

#include "pci.h"

struct dev devs[NR_DEVS];
int nr_devs;

static uint8_t buses[32]; /* to scan, in order found */
static int nr_buses;

static uint32_t probe(uint32_t bdf, uint32_t off, uint32_t *orig)
{
	*orig = conf_read(bdf, off, 4);
	conf_write(bdf, off, 4, 0xffffffffu);
	uint32_t v = conf_read(bdf, off, 4);
	conf_write(bdf, off, 4, *orig);
	return v;
}

static void bars(struct dev *d)
{
	for (int i = 0; i < PCI_NR_BARS; i++) {
		uint32_t off = CONF_BAR0 + 4 * (uint32_t)i, orig;
		uint32_t v = probe(d->bdf, off, &orig);
		if (orig & 1) { /* I/O */
			uint32_t mask = v & 0xfffcu;
			if (mask) {
				d->bar[i].base = orig & 0xfffcu;
				d->bar[i].size = (~mask + 1) & 0xffffu;
				d->bar[i].flags = PCI_BAR_IO;
			}
			continue;
		}
		uint32_t mask = v & ~0xfu;
		bool wide = ((orig >> 1) & 3) == 2;
		uint32_t high = wide && i < PCI_NR_BARS - 1
					? conf_read(d->bdf, off + 4, 4)
					: 0;
		if (mask && !high) {
			d->bar[i].base = orig & ~0xfu;
			d->bar[i].size = ~mask + 1;
			d->bar[i].flags = PCI_BAR_MEM |
					  (orig & 0x8 ? PCI_BAR_PREFETCH : 0);
		}
		if (wide)
			i++; /* its upper half */
	}
}

static void add(uint32_t bdf, uint32_t header)
{
	if (nr_devs == NR_DEVS) {
		printf("pci: more than %d devices; %02x:%02x.%x left out\n",
		       NR_DEVS, bdf >> 8, bdf >> 3 & 31, bdf & 7);
		return;
	}
	struct dev *d = &devs[nr_devs++];
	uint32_t id = conf_read(bdf, CONF_VENDOR, 4);
	uint32_t rev = conf_read(bdf, CONF_REVISION, 4);
	d->bdf = bdf;
	d->vendor = (uint16_t)id;
	d->device = (uint16_t)(id >> 16);
	d->revision = (uint8_t)rev;
	d->progif = (uint8_t)(rev >> 8);
	d->subclass = (uint8_t)(rev >> 16);
	d->class = (uint8_t)(rev >> 24);
	d->owner = NONE;
	uint32_t line = conf_read(bdf, CONF_IRQ_LINE, 1);
	uint32_t pin = conf_read(bdf, CONF_IRQ_LINE + 1, 1);
	d->irq = pin && line < 16 ? (uint8_t)line : PCI_NO_IRQ;
	if ((header & 0x7f) == 0)
		bars(d);
	if ((header & 0x7f) == 1 && nr_buses < (int)sizeof(buses)) {
		uint32_t sec = conf_read(bdf, CONF_SECONDARY, 1);
		bool seen = false;
		for (int i = 0; i < nr_buses; i++)
			seen |= buses[i] == sec;
		if (!seen && sec)
			buses[nr_buses++] = (uint8_t)sec;
	}
}

void scan(void)
{
	buses[nr_buses++] = 0;
	for (int b = 0; b < nr_buses; b++)
		for (uint32_t dev = 0; dev < 32; dev++) {
			uint32_t bdf = PCI_BDF(buses[b], dev, 0);
			if ((conf_read(bdf, CONF_VENDOR, 2)) == 0xffff)
				continue;
			uint32_t header = conf_read(bdf, CONF_HEADER, 1);
			uint32_t fns = header & 0x80 ? 8 : 1;
			for (uint32_t fn = 0; fn < fns; fn++) {
				uint32_t f = bdf | fn;
				if (conf_read(f, CONF_VENDOR, 2) != 0xffff)
					add(f, conf_read(f, CONF_HEADER, 1));
			}
		}
}

struct dev *dev_find(uint32_t bdf)
{
	for (int i = 0; i < nr_devs; i++)
		if (devs[i].bdf == bdf)
			return &devs[i];
	return 0;
}
