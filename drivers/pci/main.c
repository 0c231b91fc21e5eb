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
 * mastering; when it dies RS says so (PCI_FORGET) and bus mastering
 * goes off.  The device list, for lspci, is in DS (list.c): after each
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

static int find(endpoint_t who, uint32_t index, struct pci_reply *rep)
{
	if (!acl_known(who))
		return -EPERM;
	for (int i = 0; i < nr_devs; i++)
		if (acl_allows(who, &devs[i]) && index-- == 0) {
			describe(&devs[i], rep);
			return 0;
		}
	return -ENOENT;
}

static bool good_access(uint32_t off, uint32_t size)
{
	return (size == 1 || size == 2 || size == 4) && off % size == 0 &&
	       off + size <= 256;
}

static int request(const message_t *m, struct pci_reply *rep)
{
	const struct pci_request *q = PCI_REQ(m);
	endpoint_t who = m->m_source;
	struct dev *d = 0;
	int r;
	switch (m->m_type) {
	case PCI_FIND:
		return find(who, q->index, rep);
	case PCI_CLAIM:
		d = q->bdf <= 0xffff ? dev_find(q->bdf) : 0;
		if (!d)
			return q->bdf <= 0xffff ? -ENOENT : -EINVAL;
		r = claim(who, d);
		if (r == 0)
			describe(d, rep);
		return r;
	case PCI_BAR:
	case PCI_READ:
	case PCI_WRITE:
	case PCI_MASTER:
		break;
	default:
		return -ENOSYS;
	}
	if ((r = owned(who, q->bdf, &d)) < 0)
		return r;
	switch (m->m_type) {
	case PCI_BAR:
		if (q->index >= PCI_NR_BARS)
			return -EINVAL;
		rep->value = d->bar[q->index].base;
		rep->size = d->bar[q->index].size;
		rep->flags = d->bar[q->index].flags;
		return 0;
	case PCI_READ:
		if (!good_access(q->off, q->size))
			return -EINVAL;
		rep->value = conf_read(d->bdf, q->off, q->size);
		return 0;
	case PCI_WRITE:
		if (!good_access(q->off, q->size))
			return -EINVAL;
		if (q->off < PCI_CONF_PRIVATE)
			return -EPERM;
		conf_write(d->bdf, q->off, q->size, q->value);
		return 0;
	default: /* PCI_MASTER */
		if (q->value > 1)
			return -EINVAL;
		master(d, q->value == 1);
		return 0;
	}
}

/* PCI_ACL and PCI_FORGET: RS's, and nobody else's.  RS sends them
 * with SENDNB and takes no answer; anybody else is answered EPERM, so
 * that a SENDREC is not left waiting. */
static void from_rs(const message_t *m)
{
	if (m->m_source != sef_rs()) {
		printf("pci: %s from ep %d ignored: only RS may send it\n",
		       m->m_type == PCI_ACL ? "ACL" : "FORGET", m->m_source);
		message_t out;
		memset(&out, 0, sizeof(out));
		out.m_type = PCI_REPLY;
		PCI_REP(&out)->status = -EPERM;
		ipc_sendnb(m->m_source, &out);
		return;
	}
	if (m->m_type == PCI_ACL) {
		acl_set(PCI_ACL_OF(m));
		return;
	}
	endpoint_t gone = (endpoint_t)PCI_REQ(m)->value;
	release(gone);
	acl_drop(gone);
	list_publish();
}

int main(void)
{
	int how = sef_startup("pci");
	scan();
	if (how == RS_RESTARTED)
		list_restore();
	else
		claims_quiet();
	list_all_changed();
	list_publish();
	printf("pci: %d devices\n", nr_devs);
	sef_on_heartbeat(list_publish);
	for (;;) {
		message_t m;
		int st;
		if (sef_receive(ANY, &m, &st) < 0 || IPC_IS_NOTIFY(st))
			continue;
		if (m.m_type == PCI_ACL || m.m_type == PCI_FORGET) {
			from_rs(&m);
			continue;
		}
		message_t out;
		memset(&out, 0, sizeof(out));
		struct pci_reply *rep = PCI_REP(&out);
		rep->status = request(&m, rep);
		list_publish();
		out.m_type = PCI_REPLY;
		ipc_sendnb(m.m_source, &out);
	}
}
