// SPDX-License-Identifier: BSD-2-Clause
/*
 * From a policy to the privilege record PRIVCTL_SET installs (struct
 * priv_desc, abi/kcall_msg.h).  The isolation half of a policy maps
 * field for field; the parser has already kept every range within the
 * record's limits, so nothing here can fail.
 */
#include <string.h>

#include "policy.h"

void policy_to_priv(const struct policy *p, struct priv_desc *d)
{
	memset(d, 0, sizeof(*d));
	d->flags = p->users ? PRIV_SERVER | PRIV_TO_USERS : 0;
	d->traps = IPC_TRAPS_ALL;
	d->calls = p->calls | POLICY_EVERY_CALL;
	d->irqs = p->irqs;
	d->nr_io = p->nr_io;
	for (uint32_t i = 0; i < p->nr_io; i++) {
		d->io[i].first = p->io[i].first;
		d->io[i].last = p->io[i].last;
	}
	d->nr_mem = p->nr_mem;
	for (uint32_t i = 0; i < p->nr_mem; i++)
		d->mem[i] = p->mem[i];
}
