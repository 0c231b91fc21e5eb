// SPDX-License-Identifier: BSD-2-Clause
/*
 * lspci: list the PCI devices, as the PCI driver (drivers/pci) found
 * them, one line each:
 *
 *	BB:DD.F VVVV:DDDD CC/SS/PP  irq N  owner LABEL  [master]  what
 *
 * -- bus address, vendor and device ids, class, subclass and
 * programming interface, the IRQ line ("-" for none), the driver that
 * claimed it ("-" for none), "master" if bus mastering (DMA) is on, and
 * the kind of device -- then one indented line per BAR in use:
 *
 *	    bar4 io 0xc040 size 16
 *
 * The list is the one the PCI driver keeps in the data store
 * (proto/pci.h): lspci never sends to the driver, which users may not
 * reach.  DS is found in PM's process list: the process called "ds"
 * that the kernel started (parent 0), so a user's program called "ds"
 * is not asked.  Only the PCI driver's label may write the list, and
 * `service down pci` deletes it: no list means the driver is not
 * running.
 */
#include <stdio.h>
#include <string.h>
#include <sys/procs.h>

#include "dsclient.h"
#include "libsys.h"
#include "pciclient.h"

static const struct {
	uint8_t class, subclass; /* subclass 0xff: any */
	const char *what;
} kinds[] = {
	{0x01, 0x01, "IDE controller"},
	{0x01, 0xff, "storage controller"},
	{0x02, 0x00, "Ethernet controller"},
	{0x02, 0xff, "network controller"},
	{0x03, 0xff, "display controller"},
	{0x04, 0xff, "multimedia device"},
	{0x06, 0x00, "host bridge"},
	{0x06, 0x01, "ISA bridge"},
	{0x06, 0x04, "PCI bridge"},
	{0x06, 0xff, "bridge"},
	{0x0c, 0x03, "USB controller"},
	{0x0c, 0xff, "serial bus controller"},
};

static const char *kind(const struct pci_info *d)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i].class == d->class &&
		    (kinds[i].subclass == 0xff ||
		     kinds[i].subclass == d->subclass))
			return kinds[i].what;
	return "device";
}

static void show(const struct pci_info *d)
{
	char irq[8];
	if (d->irq == PCI_NO_IRQ)
		strcpy(irq, "-");
	else
		snprintf(irq, sizeof(irq), "%u", d->irq);
	printf("%02x:%02x.%x %04x:%04x %02x/%02x/%02x  irq %-2s  owner %-8s "
	       "%s %s\n",
	       (unsigned)(d->bdf >> 8), (unsigned)(d->bdf >> 3 & 31),
	       (unsigned)(d->bdf & 7), d->vendor, d->device, d->class,
	       d->subclass, d->progif, irq,
	       d->owner == NONE ? "-" : d->owner_name,
	       d->master ? "master" : "      ", kind(d));
	for (int i = 0; i < PCI_NR_BARS; i++)
		if (d->bar[i].size)
			printf("    bar%d %s 0x%lx size %lu%s\n", i,
			       d->bar[i].flags & PCI_BAR_IO ? "io" : "mem",
			       (unsigned long)d->bar[i].base,
			       (unsigned long)d->bar[i].size,
			       d->bar[i].flags & PCI_BAR_PREFETCH
				       ? " prefetchable"
				       : "");
}

int main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "usage: lspci\n");
		return 2;
	}
	endpoint_t ds = getprocs_boot("ds");
	if (ds == NONE) {
		fprintf(stderr, "lspci: the data store is not running\n");
		return 1;
	}
	ds_set_endpoint(ds);
	for (uint32_t i = 0;; i++) {
		struct pci_info d;
		int r = pci_listed(i, &d);
		if (r == -ENOENT)
			return 0;
		if (r == -ESRCH) {
			fprintf(stderr,
				"lspci: the PCI driver is not running\n");
			return 1;
		}
		if (r < 0) {
			fprintf(stderr, "lspci: %s\n", strerror(-r));
			return 1;
		}
		show(&d);
	}
}
