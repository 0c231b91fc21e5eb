// SPDX-License-Identifier: BSD-2-Clause
/*
 * What RS tells the PCI driver (proto/pci.h).  A driver whose policy
 * has `pci device` or `pci class` lines may claim only the devices they
 * match, and PCI learns them from RS alone:
 *   - PCI_ACL, for each instance of such a driver, once its program is
 *     loaded and before it first runs: the instance is held until PCI
 *     has taken the ACL, so its first question to PCI never comes too
 *     early (boot drivers: when RS adopts them; they ask PCI again at
 *     RS's first heartbeat); and for every such instance again when
 *     PCI itself has been restarted;
 *   - PCI_FORGET when such an instance is gone, so that PCI ends its
 *     claims and turns its devices' bus mastering off.
 * Both go by SENDNB: RS must never wait for a driver, PCI included.
 * What PCI could not take at once (busy, or being restarted) is kept
 * and sent again on each of RS's ticks -- a tick comes every clock
 * tick while anything waits -- the FORGETs first, in order.  With no
 * PCI driver at all (some tests), or one that stays down, there is
 * nobody to tell, and held instances run at once.
 */
#include <stdio.h>
#include <string.h>

#include "pciclient.h"
#include "rs.h"

_Static_assert(POLICY_MAX_PCI_DEV <= PCI_ACL_DEV, "an ACL holds a policy");
_Static_assert(POLICY_MAX_PCI_CLASS <= PCI_ACL_CLASS, "likewise");

#define NR_GONE 16

static endpoint_t gone[NR_GONE]; /* instances to FORGET, oldest first */
static int nr_gone;

static bool has_pci(const struct service *s)
{
	return s->pol.nr_pci_dev || s->pol.nr_pci_class;
}

/* PCI's endpoint; NONE with *absent false while it is being restarted. */
static endpoint_t pci_endpoint(bool *absent)
{
	struct service *p = svc_by_label("pci");
	*absent = false;
	if (p) {
		*absent = p->state == SVC_FAILED || p->state == SVC_DOWN;
		return *absent ? NONE : p->ep;
	}
	endpoint_t ep = proc_find("pci");
	*absent = ep == NONE;
	return ep;
}

static void acl_of(const struct service *s, struct pci_acl *a)
{
	memset(a, 0, sizeof(*a));
	a->ep = s->ep;
	a->nr_dev = (uint8_t)s->pol.nr_pci_dev;
	for (uint32_t i = 0; i < s->pol.nr_pci_dev; i++) {
		a->dev[i].vendor = s->pol.pci_dev[i].vendor;
		a->dev[i].device = s->pol.pci_dev[i].device;
	}
	a->nr_class = (uint8_t)s->pol.nr_pci_class;
	for (uint32_t i = 0; i < s->pol.nr_pci_class; i++) {
		const struct policy_pci_class *c = &s->pol.pci_class[i];
		a->cls[i].class = c->class;
		a->cls[i].subclass = c->subclass;
		a->cls[i].progif = c->progif;
		a->cls[i].mask = c->mask; /* POLICY_PCI_* = PCI_MATCH_* */
	}
}

/* The instance was held for its ACL: it runs now. */
static void run_held(struct service *s)
{
	s->pci_due = false;
	if (s->state != SVC_HELD || svc_run(s) == 0)
		return;
	printf("rs: %s: cannot run the new instance\n", s->label);
	svc_end(s, "crash");
}

bool pci_pending(void)
{
	for (int i = 0; i < NR_SERVICES; i++)
		if (svc[i].used && svc[i].pci_due)
			return true;
	return nr_gone > 0;
}

void pci_flush(void)
{
	bool absent;
	endpoint_t pci = pci_endpoint(&absent);
	if (absent) {
		nr_gone = 0;
		for (int i = 0; i < NR_SERVICES; i++)
			if (svc[i].used && svc[i].pci_due)
				run_held(&svc[i]);
	}
	if (pci == NONE)
		return;
	while (nr_gone > 0) {
		if (pci_send_forget(pci, gone[0]) < 0)
			return;
		memmove(gone, gone + 1, --nr_gone * sizeof(gone[0]));
	}
	for (int i = 0; i < NR_SERVICES; i++) {
		struct service *s = &svc[i];
		if (!s->used || !s->pci_due || s->ep == NONE) {
			s->pci_due = false;
			continue;
		}
		struct pci_acl acl;
		acl_of(s, &acl);
		if (pci_send_acl(pci, &acl) < 0)
			return;
		run_held(s);
	}
}

void pci_tell_acl(struct service *s)
{
	if (!has_pci(s))
		return;
	s->pci_due = true;
	pci_flush();
}

void pci_tell_gone(struct service *s, endpoint_t ep)
{
	if (!has_pci(s) || ep == NONE)
		return;
	s->pci_due = false;
	if (nr_gone == NR_GONE) {
		printf("rs: PCI has not heard of %d instances' end; "
		       "the oldest is dropped\n",
		       NR_GONE);
		memmove(gone, gone + 1, --nr_gone * sizeof(gone[0]));
	}
	gone[nr_gone++] = ep;
	pci_flush();
}

void pci_tell_all(void)
{
	for (int i = 0; i < NR_SERVICES; i++)
		if (svc[i].used && svc[i].ep != NONE && has_pci(&svc[i]))
			svc[i].pci_due = true;
	pci_flush();
}
