// SPDX-License-Identifier: BSD-2-Clause
/* The PCI driver's client calls, and the reader of the device list PCI
 * keeps in DS: see include/pciclient.h. */
#include <string.h>

#include "dsclient.h"
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

/* PCI_DS_DEV and index in decimal; cut short if size is too small. */
void pci_listed_key(uint32_t index, char *key, size_t size)
{
	char digits[11];
	int n = 0;
	do
		digits[n++] = (char)('0' + index % 10);
	while ((index /= 10) != 0);
	size_t at = strlen(PCI_DS_DEV);
	if (size == 0)
		return;
	strncpy(key, PCI_DS_DEV, size - 1);
	while (n > 0 && at < size - 1)
		key[at++] = digits[--n];
	key[at < size ? at : size - 1] = 0;
}

int pci_listed(uint32_t index, struct pci_info *out)
{
	uint32_t count;
	int r = ds_retrieve_u32(PCI_DS_COUNT, &count);
	if (r < 0)
		return r == -ENOENT ? -ESRCH : r;
	if (index >= count)
		return -ENOENT;
	char key[DS_KEY_MAX];
	pci_listed_key(index, key, sizeof(key));
	r = ds_retrieve_blob(key, out, sizeof(*out));
	if (r >= 0 && r != (int)sizeof(*out))
		return -EIO;
	return r == -ENOENT ? -ESRCH : r < 0 ? r : 0;
}
