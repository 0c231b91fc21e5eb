/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The PCI driver's client calls (lib/libsys/pci.c), so that no driver
 * fills PCI messages by hand.  The protocol, its rules and its errors
 * are in proto/pci.h.  Each call returns 0 or a negative errno; -ESRCH
 * if there is no PCI driver.
 *
 * PCI is found by name in the kernel's process table on first use
 * (SYS_GETINFO), and again if it has died since; a process without
 * GETINFO learns the endpoint some other way and calls
 * pci_set_endpoint().  A driver claims its device like this:
 *
 *     struct pci_reply d;
 *     uint8_t irq;
 *     if (pci_find(0, &d) == 0 && pci_claim(d.bdf, &irq) == 0)
 *             ... pci_bar(d.bdf, 0, &bar) gives its registers
 *
 * pci_listed() is for anybody: it reads device `index` of the list PCI
 * keeps in DS (proto/pci.h), not PCI itself; -ENOENT past the last,
 * -ESRCH if PCI has published no list (it is down), or DS's error.
 * pci_listed_key() makes the key of device `index`, for PCI itself.
 *
 * pci_send_acl() and pci_send_forget() are RS's (PCI ignores them from
 * anybody else): they go by SENDNB to the endpoint given, and return
 * the send's result at once, so RS never waits for PCI; a busy PCI
 * gives -ENOTREADY and RS tries again later.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "proto/pci.h"

struct pci_bar_info {
	uint32_t base, size, flags; /* PCI_BAR_* */
};

void pci_set_endpoint(endpoint_t pci);
int pci_find(uint32_t index, struct pci_reply *out);
int pci_claim(uint32_t bdf, uint8_t *irq);
int pci_bar(uint32_t bdf, uint32_t index, struct pci_bar_info *out);
int pci_read(uint32_t bdf, uint32_t off, uint32_t size, uint32_t *value);
int pci_write(uint32_t bdf, uint32_t off, uint32_t size, uint32_t value);
int pci_master(uint32_t bdf, int on);
int pci_send_acl(endpoint_t pci, const struct pci_acl *acl);
int pci_send_forget(endpoint_t pci, endpoint_t gone);
int pci_listed(uint32_t index, struct pci_info *out);
void pci_listed_key(uint32_t index, char *key, size_t size);
