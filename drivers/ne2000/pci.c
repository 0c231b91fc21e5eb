// SPDX-License-Identifier: BSD-2-Clause
/*
 * The PCI NE2000 (RTL8029, QEMU's ne2k_pci): the first such card PCI
 * lets this driver find, claimed; its I/O BAR holds the DP8390 and the
 * board's data and reset ports, as on the ISA card (see ne2000.h).
 */
#include <string.h>

#include "libsys.h"
#include "ne2000.h"
#include "pciclient.h"

#define RTL8029 0x10ec8029u

int ne_pci_setup(struct dp8390 *dp)
{
	struct pci_reply d;
	struct pci_bar_info bar;
	uint8_t irq;
	uint32_t i = 0;
	int r;
	while ((r = pci_find(i, &d)) == 0 &&
	       ((uint32_t)d.vendor << 16 | d.device) != RTL8029)
		i++;
	if (r < 0)
		return r;
	if ((r = pci_claim(d.bdf, &irq)) < 0 ||
	    (r = pci_bar(d.bdf, 0, &bar)) < 0)
		return r;
	if (!(bar.flags & PCI_BAR_IO) || bar.size < NE_NR_PORTS ||
	    irq == PCI_NO_IRQ)
		return -ENODEV;
	dp->base = bar.base;
	dp->irq = irq;
	strcpy(dp->name, "ne2000 pci");
	return 0;
}
