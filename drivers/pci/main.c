// SPDX-License-Identifier: BSD-2-Clause
/*
 * PCI: the driver of the PCI bus itself.  It alone may touch
 * configuration space (ports 0xcf8..0xcff, conf.c), so it is the one
 * place that decides which driver gets which device.
 *
 * At start it enumerates every device (scan.c).  RS tells it, for each
 * driver instance it starts, what that driver's policy lets it claim
 * (PCI_ACL, acl.c); a driver then finds and claims its devices, and a
 * claim adds exactly that device's BARs and IRQ line to the driver's
 * privileges (claim.c).  A claimant may read its device's whole
 * configuration, write its device-specific part, and switch bus
 * mastering; when it dies RS says so (PCI_FORGET), bus mastering
 * goes off, and PCI tells the kernel the dead driver's DMA memory may
 * be reused.  The device list, for lspci, is in DS (list.c): after each
 * message, and before its reply, PCI publishes what it changed.  The
 * protocol is include/proto/pci.h.
 *
 * PCI waits for nobody but DS, which never waits for anybody: RS's
 * messages come by SENDNB and need no answer, and replies go by SENDNB
 * to callers waiting in SENDREC.  While PCI publishes, an ACL from RS
 * finds it busy and RS sends it again at its next tick.
 */
#include <stdio.h>
#include <string.h>

#include "pci.h"
#include "proto/rs.h"

/* The device at bdf, if the caller has claimed it. */
static int owned(endpoint_t who, uint32_t bdf, struct dev **out)
{
	struct dev *d = bdf <= 0xffff ? dev_find(bdf) : 0;
	if (!d)
		return bdf <= 0xffff ? -ENOENT : -EINVAL;
	if (d->owner != who)
		return acl_allows(who, d) && d->owner != NONE ? -EBUSY : -EPERM;
	*out = d;
	return 0;
}

static void describe(const struct dev *d, struct pci_reply *rep)
{
	rep->bdf = d->bdf;
	rep->vendor = d->vendor;
	rep->device = d->device;
	rep->class = d->class;
	rep->subclass = d->subclass;
	rep->progif = d->progif;
	rep->irq = d->irq;
}

static bool good_access(uint32_t off, uint32_t size)
{
	return (size == 1 || size == 2 || size == 4) && off % size == 0 &&
	       off + size <= 256;
}

static int do_find(endpoint_t who, const union pci_req *req, union pci_rep *rep)
{
	uint32_t index = req->find.index;
	if (!acl_known(who))
		return -EPERM;
	for (int i = 0; i < nr_devs; i++)
		if (acl_allows(who, &devs[i]) && index-- == 0) {
			describe(&devs[i], &rep->find);
			return 0;
		}
	return -ENOENT;
}

static int do_claim(endpoint_t who, const union pci_req *req,
		    union pci_rep *rep)
{
	uint32_t bdf = req->claim.bdf;
	struct dev *d = bdf <= 0xffff ? dev_find(bdf) : 0;
	if (!d)
		return bdf <= 0xffff ? -ENOENT : -EINVAL;
	int r = claim(who, d);
	if (r == 0)
		describe(d, &rep->claim);
	return r;
}

static int do_bar(endpoint_t who, const union pci_req *req, union pci_rep *rep)
{
	const struct pci_bar *q = &req->bar;
	struct dev *d;
	int r = owned(who, q->bdf, &d);
	if (r < 0)
		return r;
	if (q->index >= PCI_NR_BARS)
		return -EINVAL;
	rep->bar.base = d->bar[q->index].base;
	rep->bar.size = d->bar[q->index].size;
	rep->bar.flags = d->bar[q->index].flags;
	return 0;
}

static int do_read(endpoint_t who, const union pci_req *req, union pci_rep *rep)
{
	const struct pci_read *q = &req->read;
	struct dev *d;
	int r = owned(who, q->bdf, &d);
	if (r < 0)
		return r;
	if (!good_access(q->off, q->size))
		return -EINVAL;
	rep->read.value = conf_read(d->bdf, q->off, q->size);
	return 0;
}

static int do_write(endpoint_t who, const union pci_req *req,
		    union pci_rep *rep)
{
	(void)rep;
	const struct pci_write *q = &req->write;
	struct dev *d;
	int r = owned(who, q->bdf, &d);
	if (r < 0)
		return r;
	if (!good_access(q->off, q->size))
		return -EINVAL;
	if (q->off < PCI_CONF_PRIVATE)
		return -EPERM;
	conf_write(d->bdf, q->off, q->size, q->value);
	return 0;
}

static int do_master(endpoint_t who, const union pci_req *req,
		     union pci_rep *rep)
{
	(void)rep;
	const struct pci_master *q = &req->master;
	struct dev *d;
	int r = owned(who, q->bdf, &d);
	if (r < 0)
		return r;
	if (q->on > 1)
		return -EINVAL;
	master(d, q->on == 1);
	return 0;
}

/* A driver's requests, answered at once. */
static int (*const calls[])(endpoint_t who, const union pci_req *req,
			    union pci_rep *rep) = {
	[PCI_FIND - PCI_BASE] = do_find,   [PCI_CLAIM - PCI_BASE] = do_claim,
	[PCI_BAR - PCI_BASE] = do_bar,	   [PCI_READ - PCI_BASE] = do_read,
	[PCI_WRITE - PCI_BASE] = do_write, [PCI_MASTER - PCI_BASE] = do_master,
};

/* The reply's size, by the shape the request answers. */
static uint32_t reply_len(int type)
{
	switch (type) {
	case PCI_FIND:
	case PCI_CLAIM:
		return sizeof(struct pci_reply);
	case PCI_BAR:
		return sizeof(struct pci_bar_reply);
	case PCI_READ:
		return sizeof(struct pci_value_reply);
	default:
		return sizeof(struct pci_status_reply);
	}
}

/* PCI_ACL and PCI_FORGET: RS's, and nobody else's.  RS sends them
 * with SENDNB and takes no answer; anybody else is answered EPERM, so
 * that a SENDREC is not left waiting. */
static void from_rs(endpoint_t who, int type, const union pci_req *req)
{
	if (who != sef_rs()) {
		printf("pci: %s from ep %d ignored: only RS may send it\n",
		       type == PCI_ACL ? "ACL" : "FORGET", who);
		int32_t status = -EPERM;
		ipc_reply(who, PCI_REPLY, &status, sizeof(status));
		return;
	}
	if (type == PCI_ACL) {
		acl_set(&req->acl);
		return;
	}
	endpoint_t gone = req->forget.ep;
	release(gone);
	acl_drop(gone);
	list_publish();
}

int main(void)
{
	int how = sef_startup("pci");
	scan();
	if (how == RS_RESTARTED) {
		list_restore();
		claims_prune();
	} else {
		claims_quiet();
	}
	list_all_changed();
	list_publish();
	printf("pci: %d devices\n", nr_devs);
	sef_on_heartbeat(list_publish);
	for (;;) {
		message_t m;
		int st;
		if (sef_receive(ANY, &m, &st) < 0 || IPC_IS_NOTIFY(st))
			continue;
		union pci_req q = *PCI_REQ(&m);
		if (m.m_type == PCI_ACL || m.m_type == PCI_FORGET) {
			from_rs(m.m_source, m.m_type, &q);
			continue;
		}
		union pci_rep rep;
		memset(&rep, 0, sizeof(rep));
		int (*fn)(endpoint_t, const union pci_req *, union pci_rep *) =
			CALL_IN(calls, PCI_BASE, m.m_type);
		rep.status.status = fn ? fn(m.m_source, &q, &rep) : -ENOSYS;
		list_publish();
		ipc_reply(m.m_source, PCI_REPLY, &rep, reply_len(m.m_type));
	}
}
