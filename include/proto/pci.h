/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The PCI protocol (drivers/pci): how a driver finds and claims the
 * PCI devices its policy allows, and how RS tells PCI what each policy
 * allows.  The client calls, RS's two included, are in
 * include/pciclient.h (lib/libsys/pci.c).
 *
 * A device is named by its bus address, bdf = bus << 8 | dev << 3 | fn.
 *
 * From RS (ignored, and logged, from anybody else), by SENDNB with no
 * reply, so that RS never waits for PCI:
 *   PCI_ACL     struct pci_acl: what instance `ep` may claim, from its
 *               policy's `pci device` and `pci class` lines
 *   PCI_FORGET  struct pci_forget: instance `ep` is gone: its claims
 *               end (bus mastering off) and its ACL with them
 *
 * From a driver; every request is a SENDREC answered with PCI_REPLY,
 * whose first word is the status, 0 or a negative errno:
 *   PCI_FIND    struct pci_find: index -> struct pci_reply: the
 *               index-th present device the caller's ACL allows (bdf,
 *               ids, class); ENOENT past the last
 *   PCI_CLAIM   struct pci_claim: bdf -> struct pci_reply: the device
 *               is the caller's: PCI adds its I/O BARs, memory BARs and
 *               IRQ line to the caller's privileges (SYS_PRIVADD) and
 *               turns on its I/O and memory decoding; irq = its line,
 *               or PCI_NO_IRQ
 *   PCI_BAR     struct pci_bar: bdf, index 0..5 -> struct
 *               pci_bar_reply: base, size, flags (PCI_BAR_IO,
 *               PCI_BAR_MEM, PCI_BAR_PREFETCH); size 0: that BAR is
 *               unused
 *   PCI_READ    struct pci_read: bdf, off, size (1, 2 or 4, aligned)
 *               -> struct pci_value_reply: value
 *   PCI_WRITE   struct pci_write: bdf, off, size, value: only in the
 *               device-specific part (off >= 0x40); the standard
 *               header, with its BARs and command register, is PCI's
 *   PCI_MASTER  struct pci_master: bdf, on = 1 or 0: bus mastering
 *               (DMA) on or off
 * WRITE and MASTER answer a struct pci_status_reply: the status alone.
 * FIND aside, each needs a claimed device: EPERM if the caller may not
 * claim it or has not claimed it, EBUSY if another live process has.
 * A caller PCI has no ACL for gets EPERM (RS may not have told PCI yet
 * for a boot driver: it asks again after RS's first heartbeat).
 *
 * The device list is for anybody (lspci), but not by message: PCI
 * publishes it in DS (proto/ds.h), where anybody may read it and only
 * the label "pci" may write it.  pci_listed() (include/pciclient.h)
 * reads it:
 *   PCI_DS_COUNT   U32: how many devices PCI found
 *   PCI_DS_DEV "N" BLOB, a struct pci_info: device N, 0 <= N < count
 * PCI publishes every device and then the count when it starts, and a
 * device again whenever what it shows changes (a claim, a FORGET, bus
 * mastering), before the reply to the request that changed it goes
 * out.  While RS restarts a crashed PCI the list stays, and the new
 * instance takes its claims back from it.  `service down pci` deletes
 * PCI's label, and DS deletes the label's keys with it: no count means
 * no PCI driver.
 *
 * Other errors: EINVAL for a bad offset, size, index or bdf; ENOENT for
 * a bdf with no device; ENOSPC when the kernel's table of the caller's
 * ports or memory ranges is full; ENOSYS for an unknown request.
 */
#pragma once

#include <stdint.h>

#include "abi/endpoint.h"
#include "abi/message.h"
#include "proto/ds.h"

#define PCI_BASE 0x900
#define PCI_ACL (PCI_BASE + 1)
#define PCI_FORGET (PCI_BASE + 2)
#define PCI_FIND (PCI_BASE + 3)
#define PCI_CLAIM (PCI_BASE + 4)
#define PCI_BAR (PCI_BASE + 5)
#define PCI_READ (PCI_BASE + 6)
#define PCI_WRITE (PCI_BASE + 7)
#define PCI_MASTER (PCI_BASE + 8)
#define PCI_REPLY (PCI_BASE + 0x80)

#define PCI_BDF(bus, dev, fn) ((uint32_t)(bus) << 8 | (dev) << 3 | (fn))
#define PCI_NR_BARS 6
#define PCI_NO_IRQ 0xff
#define PCI_CONF_PRIVATE 0x40 /* where the device-specific space begins */

/* struct pci_info.bar[].flags and the PCI_BAR reply's flags */
#define PCI_BAR_IO 0x1
#define PCI_BAR_MEM 0x2
#define PCI_BAR_PREFETCH 0x4

/* The ACL: exactly one message. */
#define PCI_ACL_DEV 8
#define PCI_ACL_CLASS 4
#define PCI_MATCH_CLASS 0x1 /* pci_acl.cls[].mask: the parts to match */
#define PCI_MATCH_SUBCLASS 0x2
#define PCI_MATCH_PROGIF 0x4
struct pci_acl {
	endpoint_t ep;
	uint8_t nr_dev, nr_class, pad[2];
	struct {
		uint16_t vendor, device;
	} dev[PCI_ACL_DEV];
	struct {
		uint8_t class, subclass, progif, mask;
	} cls[PCI_ACL_CLASS];
};

MSG_FITS(struct pci_acl);

struct pci_forget {
	endpoint_t ep; /* the instance that is gone */
};
MSG_FITS(struct pci_forget);

struct pci_find {
	uint32_t index; /* among the devices the caller may claim */
};
MSG_FITS(struct pci_find);

struct pci_claim {
	uint32_t bdf;
};
MSG_FITS(struct pci_claim);

struct pci_bar {
	uint32_t bdf;
	uint32_t index; /* 0 .. PCI_NR_BARS - 1 */
};
MSG_FITS(struct pci_bar);

struct pci_read {
	uint32_t bdf;
	uint32_t off;
	uint32_t size; /* 1, 2 or 4 */
};
MSG_FITS(struct pci_read);

struct pci_write {
	uint32_t bdf;
	uint32_t off; /* >= PCI_CONF_PRIVATE */
	uint32_t size;
	uint32_t value;
};
MSG_FITS(struct pci_write);

struct pci_master {
	uint32_t bdf;
	uint32_t on; /* 1 or 0 */
};
MSG_FITS(struct pci_master);

union pci_req {
	struct pci_acl acl;
	struct pci_forget forget;
	struct pci_find find;
	struct pci_claim claim;
	struct pci_bar bar;
	struct pci_read read;
	struct pci_write write;
	struct pci_master master;
};
MSG_FITS(union pci_req);

/* PCI_FIND's and PCI_CLAIM's reply: the device. */
struct pci_reply {
	int32_t status;
	uint32_t bdf;
	uint16_t vendor, device;
	uint8_t class, subclass, progif, irq;
};
MSG_FITS(struct pci_reply);

struct pci_bar_reply {
	int32_t status;
	uint32_t base;
	uint32_t size;	/* 0: an unused BAR */
	uint32_t flags; /* PCI_BAR_* */
};
MSG_FITS(struct pci_bar_reply);

struct pci_value_reply {
	int32_t status;
	uint32_t value; /* READ: what the register holds */
};
MSG_FITS(struct pci_value_reply);

/* WRITE, MASTER, and every refusal. */
struct pci_status_reply {
	int32_t status;
};
MSG_FITS(struct pci_status_reply);

union pci_rep {
	struct pci_reply find;
	struct pci_reply claim;
	struct pci_bar_reply bar;
	struct pci_value_reply read;
	struct pci_status_reply write;
	struct pci_status_reply master;
	struct pci_status_reply status;
};
MSG_FITS(union pci_rep);

/* The device list's keys in DS, and one device's entry. */
#define PCI_DS_COUNT "pci.devs"
#define PCI_DS_DEV "pci.dev."

struct pci_info {
	uint32_t bdf;
	uint16_t vendor, device;
	uint8_t class, subclass, progif, revision;
	uint8_t irq;	  /* the interrupt line, or PCI_NO_IRQ */
	uint8_t master;	  /* bus mastering is on */
	uint16_t command; /* the command register */
	struct {
		uint32_t base, size, flags;
	} bar[PCI_NR_BARS];
	endpoint_t owner;    /* the claimant, or NONE */
	char owner_name[16]; /* its process name (its label) */
};

_Static_assert(sizeof(struct pci_info) <= DS_BLOB_MAX, "one DS blob");

#define PCI_REQ(m) ((union pci_req *)(void *)(m)->m_u.b)
#define PCI_REP(m) ((union pci_rep *)(void *)(m)->m_u.b)
