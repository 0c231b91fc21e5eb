/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The NE2000 driver's board glue (drivers/ne2000): where the card's
 * ports and IRQ line come from.  Each fills in dp->base, dp->irq and
 * dp->name, or returns a negative errno; the DP8390 core (dp8390.h)
 * does the rest, whichever bus it is.
 *
 *   ne_isa_setup  an ISA card at the port and line the command line
 *                 gives (`isa 0x300 9`; those are the defaults), which
 *                 the policy must grant (io, irq).
 *   ne_pci_setup  the first 10ec:8029 the policy's pci line lets it
 *                 find, claimed through PCI: the claim adds its I/O
 *                 BAR and its IRQ line to the driver's privileges.
 */
#pragma once

#include "dp8390.h"

int ne_isa_setup(struct dp8390 *dp, int argc, char **argv);
int ne_pci_setup(struct dp8390 *dp);
