// SPDX-License-Identifier: BSD-2-Clause
/*
 * Access-control lists: for each driver instance, the devices its
 * policy lets it claim, as RS sent them (PCI_ACL) just before the
 * instance first ran.  A device matches a `pci device VVVV:DDDD` line
 * by its ids, or a `pci class CC[/SS[/PP]]` line by the parts given.
 * An instance's list goes when RS says it is gone (PCI_FORGET).
 */
#include <stdio.h>
#include <string.h>

#include "pci.h"

static struct {
	bool used;
	struct pci_acl acl;
} acls[NR_ACLS];

static struct pci_acl *find(endpoint_t ep)
{
	for (int i = 0; i < NR_ACLS; i++)
		if (acls[i].used && acls[i].acl.ep == ep)
			return &acls[i].acl;
	return 0;
}

void acl_set(const struct pci_acl *a)
{
	struct pci_acl *slot = find(a->ep);
	for (int i = 0; !slot && i < NR_ACLS; i++)
		if (!acls[i].used) {
			acls[i].used = true;
			slot = &acls[i].acl;
		}
	if (!slot) {
		printf("pci: no room for the ACL of ep %d\n", a->ep);
		return;
	}
	*slot = *a;
	if (slot->nr_dev > PCI_ACL_DEV)
		slot->nr_dev = PCI_ACL_DEV;
	if (slot->nr_class > PCI_ACL_CLASS)
		slot->nr_class = PCI_ACL_CLASS;
}

void acl_drop(endpoint_t ep)
{
	for (int i = 0; i < NR_ACLS; i++)
		if (acls[i].used && acls[i].acl.ep == ep)
			memset(&acls[i], 0, sizeof(acls[i]));
}

bool acl_known(endpoint_t ep)
{
	return find(ep) != 0;
}

bool acl_allows(endpoint_t ep, const struct dev *d)
{
	const struct pci_acl *a = find(ep);
	if (!a)
		return false;
	for (int i = 0; i < a->nr_dev; i++)
		if (a->dev[i].vendor == d->vendor &&
		    a->dev[i].device == d->device)
			return true;
	for (int i = 0; i < a->nr_class; i++) {
		uint8_t m = a->cls[i].mask;
		if ((!(m & PCI_MATCH_CLASS) || a->cls[i].class == d->class) &&
		    (!(m & PCI_MATCH_SUBCLASS) ||
		     a->cls[i].subclass == d->subclass) &&
		    (!(m & PCI_MATCH_PROGIF) || a->cls[i].progif == d->progif))
			return true;
	}
	return false;
}
