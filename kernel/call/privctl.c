// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_PRIVCTL: set another process's privileges -- the reincarnation
 * server's tool.  Only a process whose own kernel-call bitmap holds
 * PRIVCTL gets here (kcall.c checks).
 *
 * PRIVCTL_SET installs exactly the record given: what it leaves out is
 * not allowed, and the IPC targets replace the old ones (symmetrically).
 * PRIVCTL_USER makes the process an ordinary user process: SENDREC to
 * servers, and only the kernel calls any program needs for itself
 * (ending, the clock, its own grant table).  The whole
 * description is checked before anything changes.  Hooks on IRQ lines
 * the new record leaves out are removed.
 */
#include "abi/errno.h"
#include "irq.h"
#include "kcall.h"
#include "lib.h"
#include "priv.h"
#include "vm.h"

static int check(const struct priv_desc *d, struct proc **targets)
{
	if (d->flags & ~(PRIV_SERVER | PRIV_TO_USERS) ||
	    d->traps & ~TRAPS_ALL || d->calls & ~KCALLS_ALL ||
	    d->irqs & ~0xfffau || d->nr_targets > PRIV_MAX_TARGETS ||
	    d->nr_io > PRIV_MAX_IO || d->nr_mem > PRIV_MAX_MEM)
		return -EINVAL;
	for (uint32_t i = 0; i < d->nr_io; i++)
		if (d->io[i].first > d->io[i].last)
			return -EINVAL;
	for (uint32_t i = 0; i < d->nr_mem; i++)
		if (d->mem[i].base + d->mem[i].len < d->mem[i].base)
			return -EINVAL;
	for (uint32_t i = 0; i < d->nr_targets; i++)
		if (ep_check(d->targets[i], &targets[i]) < 0)
			return -EINVAL;
	return 0;
}

static void install(struct proc *p, const struct priv_desc *d,
		    struct proc **targets)
{
	priv_install(p, d);
	for (uint32_t i = 0; i < d->nr_targets; i++)
		if (targets[i]->priv.flags & PRIV_SYSTEM)
			priv_set_target(p, targets[i], true);
}

int do_privctl(struct proc *caller, message_t *m)
{
	struct kc_privctl *a = KC_ARGS(m, kc_privctl);
	struct proc *p, *targets[PRIV_MAX_TARGETS];
	struct priv_desc d;
	int r = ep_check(a->who == SELF ? caller->ep : a->who, &p);
	if (r < 0)
		return r;
	switch (a->op) {
	case PRIVCTL_SET:
		if (as_read(caller->pd, a->desc, &d, sizeof(d)) < 0)
			return -EFAULT;
		r = check(&d, targets);
		if (r < 0)
			return r;
		install(p, &d, targets);
		irq_prune(p);
		return 0;
	case PRIVCTL_USER:
		priv_forget(p);
		memset(&p->priv, 0, sizeof(p->priv));
		p->priv.traps = 1u << SENDREC;
		p->priv.calls = PRIV_USER_CALLS;
		irq_prune(p);
		return 0;
	default:
		return -EINVAL;
	}
}
