// SPDX-License-Identifier: BSD-2-Clause
/* The PCI driver's client calls: see include/pciclient.h. */
#include <string.h>

#include "libsys.h"
#include "pciclient.h"

static endpoint_t pci_ep = NONE;

void pci_set_endpoint(endpoint_t pci)
{
	pci_ep = pci;
}

/* One SENDREC to PCI; *m holds the reply after.  A PCI that died since
 * the last call is looked up again, once. */
static int call(int type, message_t *m)
{
	message_t req = *m;
	for (int tries = 0; tries < 2; tries++) {
		if (pci_ep == NONE || tries > 0)
			pci_ep = proc_find("pci");
		if (pci_ep == NONE)
			return -ESRCH;
		*m = req;
		m->m_type = type;
		int r = ipc_sendrec(pci_ep, m);
		if (r == -EDEADEPT || r == -EDEADSRCDST || r == -EBADEPT)
			continue;
		if (r < 0)
			return r;
		return m->m_type == PCI_REPLY ? PCI_REP(m)->status : -EIO;
	}
	return -ESRCH;
}

static message_t *request(message_t *m, uint32_t bdf)
{
	memset(m, 0, sizeof(*m));
	PCI_REQ(m)->bdf = bdf;
	return m;
}

int pci_find(uint32_t index, struct pci_reply *out)
{
	message_t m;
	PCI_REQ(request(&m, 0))->index = index;
	int r = call(PCI_FIND, &m);
	if (r == 0)
		*out = *PCI_REP(&m);
	return r;
}

int pci_claim(uint32_t bdf, uint8_t *irq)
{
	message_t m;
	int r = call(PCI_CLAIM, request(&m, bdf));
	if (r == 0 && irq)
		*irq = PCI_REP(&m)->irq;
	return r;
}

int pci_bar(uint32_t bdf, uint32_t index, struct pci_bar_info *out)
{
	message_t m;
	PCI_REQ(request(&m, bdf))->index = index;
	int r = call(PCI_BAR, &m);
	if (r == 0) {
		out->base = PCI_REP(&m)->value;
		out->size = PCI_REP(&m)->size;
		out->flags = PCI_REP(&m)->flags;
	}
	return r;
}

int pci_read(uint32_t bdf, uint32_t off, uint32_t size, uint32_t *value)
{
	message_t m;
	PCI_REQ(request(&m, bdf))->off = off;
	PCI_REQ(&m)->size = size;
	int r = call(PCI_READ, &m);
	if (r == 0)
		*value = PCI_REP(&m)->value;
	return r;
}

int pci_write(uint32_t bdf, uint32_t off, uint32_t size, uint32_t value)
{
	message_t m;
	PCI_REQ(request(&m, bdf))->off = off;
	PCI_REQ(&m)->size = size;
	PCI_REQ(&m)->value = value;
	return call(PCI_WRITE, &m);
}

int pci_master(uint32_t bdf, int on)
{
	message_t m;
	PCI_REQ(request(&m, bdf))->value = on ? 1 : 0;
	return call(PCI_MASTER, &m);
}

int pci_list(uint32_t index, struct pci_info *out)
{
	message_t m;
	PCI_REQ(request(&m, 0))->index = index;
	if (pci_ep == NONE)
		pci_ep = proc_find("pci");
	grant_id_t g = grant_create(pci_ep, out, sizeof(*out), GF_WRITE);
	if (g < 0)
		return g;
	PCI_REQ(&m)->grant = g;
	PCI_REQ(&m)->len = sizeof(*out);
	int r = call(PCI_LIST, &m);
	grant_revoke(g);
	return r;
}
