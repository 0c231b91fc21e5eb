// SPDX-License-Identifier: BSD-2-Clause
/*
 * Keeping IPC-target bits right as processes come and go.
 *
 * Targets are kept symmetric (A may send to B exactly when B may send
 * to A) so that a reply is always possible.  A slot's bits are cleared
 * when its process ends, so the next occupant inherits nothing.  A
 * forked child gets a copy of its parent's record, whoever could talk
 * with the parent can talk with the child, and the two can talk with
 * each other (so the children of one parent can too).
 *
 * priv_install writes a whole record from a checked description
 * (PRIVCTL's, or a boot-table entry's), with no IPC targets yet.
 */
#include "priv.h"

#include "lib.h"

static void set_bit(struct proc *p, int slot, bool on)
{
	uint32_t bit = 1u << (slot % 32);
	if (on)
		p->priv.ipc_to[slot / 32] |= bit;
	else
		p->priv.ipc_to[slot / 32] &= ~bit;
}

static bool get_bit(const struct proc *p, int slot)
{
	return (p->priv.ipc_to[slot / 32] >> (slot % 32)) & 1;
}

void priv_set_target(struct proc *p, struct proc *to, bool on)
{
	set_bit(p, EP_SLOT(to->ep), on);
	set_bit(to, EP_SLOT(p->ep), on);
}

void priv_inherit(struct proc *parent, struct proc *child)
{
	int ps = EP_SLOT(parent->ep), cs = EP_SLOT(child->ep);
	child->priv = parent->priv;
	for (int s = 0; s < NR_PROCS; s++) {
		struct proc *q = &proc_table[s];
		if (q != child && !(q->rts & RTS_FREE))
			set_bit(q, cs, get_bit(q, ps));
	}
	set_bit(child, cs, get_bit(parent, ps));
	priv_set_target(parent, child, true);
}

void priv_forget(struct proc *p)
{
	int ps = EP_SLOT(p->ep);
	for (int s = 0; s < NR_PROCS; s++)
		if (&proc_table[s] != p)
			set_bit(&proc_table[s], ps, false);
}

void priv_install(struct proc *p, const struct priv_desc *d)
{
	priv_forget(p);
	memset(&p->priv, 0, sizeof(p->priv));
	p->priv.flags = PRIV_SYSTEM | d->flags;
	p->priv.traps = d->traps;
	p->priv.calls = d->calls;
	p->priv.irqs = d->irqs;
	for (uint32_t i = 0; i < d->nr_io; i++) {
		p->priv.io[i].first = d->io[i].first;
		p->priv.io[i].last = d->io[i].last;
	}
	p->priv.nr_io = (int)d->nr_io;
	for (uint32_t i = 0; i < d->nr_mem; i++)
		p->priv.mem[i] = d->mem[i];
	p->priv.nr_mem = (int)d->nr_mem;
}
