/* SPDX-License-Identifier: BSD-2-Clause */
/* What the parts of the PCI driver share (see main.c). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "libsys.h"
#include "proto/pci.h"

#define NR_DEVS 32 /* devices (functions) PCI keeps track of */
#define NR_ACLS 16 /* instances RS has told PCI about */

/* Configuration-space offsets of the standard header (type 0). */
#define CONF_VENDOR 0x00
#define CONF_COMMAND 0x04
#define CONF_REVISION 0x08 /* revision, prog-if, subclass, class */
#define CONF_HEADER 0x0e
#define CONF_BAR0 0x10
#define CONF_SECONDARY 0x19 /* a PCI-to-PCI bridge's secondary bus */
#define CONF_IRQ_LINE 0x3c

#define CMD_IO 0x1     /* decode its I/O BARs */
#define CMD_MEMORY 0x2 /* decode its memory BARs */
#define CMD_MASTER 0x4 /* it may start DMA */

struct dev {
	uint32_t bdf;
	uint16_t vendor, device;
	uint8_t class, subclass, progif, revision;
	uint8_t irq; /* PCI_NO_IRQ if none */
	struct {
		uint32_t base, size, flags;
	} bar[PCI_NR_BARS];
	endpoint_t owner; /* the claimant, or NONE */
	char owner_name[16];
};

extern struct dev devs[NR_DEVS];
extern int nr_devs;

/* conf.c: configuration mechanism #1, ports 0xcf8 (address) and 0xcfc
 * (data).  off is aligned to size (1, 2 or 4). */
uint32_t conf_read(uint32_t bdf, uint32_t off, uint32_t size);
void conf_write(uint32_t bdf, uint32_t off, uint32_t size, uint32_t value);

/* scan.c: every device on bus 0 and the buses behind its bridges. */
void scan(void);
struct dev *dev_find(uint32_t bdf);

/* acl.c: what RS said each instance may claim. */
void acl_set(const struct pci_acl *a);
void acl_drop(endpoint_t ep);
bool acl_known(endpoint_t ep);
bool acl_allows(endpoint_t ep, const struct dev *d);

/* claim.c: claims, the privileges they add, bus mastering. */
int claim(endpoint_t who, struct dev *d);
void release(endpoint_t who); /* every claim of an instance that died */
void master(struct dev *d, bool on);
/* first start: DMA off but for bridges; all quarantined memory freed */
void claims_quiet(void);
/* restart: d is ep's again, as the predecessor's list says; then the
 * claims of the dead among them end (bus mastering off, DMA released) */
void claim_restore(struct dev *d, endpoint_t ep);
void claims_prune(void);

/* list.c: the device list in DS, for lspci. */
void list_changed(const struct dev *d); /* d's entry is out of date */
void list_all_changed(void);		/* every entry and the count */
void list_publish(void);		/* what is out of date, to DS */
void list_restore(void); /* restart: the claims in the predecessor's list */
