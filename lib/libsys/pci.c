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

/* One SENDREC to PCI with request *q; *rep holds the reply after.  A
 * PCI that died since the last call is looked up again, once. */
static int call(int type, const union pci_req *q, union pci_rep *rep)
{
	for (int tries = 0; tries < 2; tries++) {
		if (pci_ep == NONE || tries > 0)
			pci_ep = proc_find("pci");
		if (pci_ep == NONE)
			return -ESRCH;
		message_t m;
		memset(&m, 0, sizeof(m));
		m.m_type = type;
		*PCI_REQ(&m) = *q;
		int r = ipc_sendrec(pci_ep, &m);
		if (r == -EDEADEPT || r == -EDEADSRCDST || r == -EBADEPT)
			continue;
		if (r < 0)
			return r;
		if (m.m_type != PCI_REPLY)
			return -EIO;
		*rep = *PCI_REP(&m);
		return rep->status.status;
	}
	return -ESRCH;
}

int pci_find(uint32_t index, struct pci_reply *out)
{
	union pci_req q = {.find = {.index = index}};
	union pci_rep rep;
	int r = call(PCI_FIND, &q, &rep);
	if (r == 0)
		*out = rep.find;
	return r;
}

int pci_claim(uint32_t bdf, uint8_t *irq)
{
	union pci_req q = {.claim = {.bdf = bdf}};
	union pci_rep rep;
	int r = call(PCI_CLAIM, &q, &rep);
	if (r == 0 && irq)
		*irq = rep.claim.irq;
	return r;
}

int pci_bar(uint32_t bdf, uint32_t index, struct pci_bar_info *out)
{
	union pci_req q = {.bar = {.bdf = bdf, .index = index}};
	union pci_rep rep;
	int r = call(PCI_BAR, &q, &rep);
	if (r == 0) {
		out->base = rep.bar.base;
		out->size = rep.bar.size;
		out->flags = rep.bar.flags;
	}
	return r;
}

int pci_read(uint32_t bdf, uint32_t off, uint32_t size, uint32_t *value)
{
	union pci_req q = {.read = {.bdf = bdf, .off = off, .size = size}};
	union pci_rep rep;
	int r = call(PCI_READ, &q, &rep);
	if (r == 0)
		*value = rep.read.value;
	return r;
}

int pci_write(uint32_t bdf, uint32_t off, uint32_t size, uint32_t value)
{
	union pci_req q = {
		.write = {
			.bdf = bdf, .off = off, .size = size, .value = value}};
	union pci_rep rep;
	return call(PCI_WRITE, &q, &rep);
}

int pci_master(uint32_t bdf, int on)
{
	union pci_req q = {.master = {.bdf = bdf, .on = on ? 1 : 0}};
	union pci_rep rep;
	return call(PCI_MASTER, &q, &rep);
}

/* RS's two: by SENDNB, so RS never waits for PCI. */
static int tell(endpoint_t pci, int type, const union pci_req *q)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*PCI_REQ(&m) = *q;
	return ipc_sendnb(pci, &m);
}

int pci_send_acl(endpoint_t pci, const struct pci_acl *acl)
{
	union pci_req q = {.acl = *acl};
	return tell(pci, PCI_ACL, &q);
}

int pci_send_forget(endpoint_t pci, endpoint_t gone)
{
	union pci_req q = {.forget = {.ep = gone}};
	return tell(pci, PCI_FORGET, &q);
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
