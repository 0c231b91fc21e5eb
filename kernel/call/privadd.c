// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_PRIVADD: add one I/O port range, physical memory range or IRQ
 * line to a running system process's privileges.  It is the PCI
 * driver's call: when a driver claims a device its policy allows, PCI
 * adds exactly that device's BARs and IRQ line, one call each.  The
 * kernel cannot know what a BAR is, so the call is as narrow as it can
 * be: it only ever adds, never to the caller itself (PCI cannot widen
 * its own rights), never to an ordinary user process, and a driver's
 * next instance starts again from its policy (RS's PRIVCTL_SET), so
 * what was added dies with the process.
 *
 * A range the process already holds is not added twice.  Errors:
 * EINVAL for a bad kind, an empty or wrapping range, ports past
 * 0xffff, or IRQ 0 (the clock), 2 (the cascade) or past 15; EPERM for
 * the caller or a user process; ENOSPC when the table is full.
 */
#include "abi/errno.h"
#include "kcall.h"
#include "priv.h"

static int add_io(struct proc *p, uint32_t base, uint32_t len)
{
	if (len == 0 || base > 0xffff || len > 0x10000 - base)
		return -EINVAL;
	if (priv_may_io(p, base, len))
		return 0;
	if (p->priv.nr_io == NR_IO_RANGES)
		return -ENOSPC;
	p->priv.io[p->priv.nr_io].first = (uint16_t)base;
	p->priv.io[p->priv.nr_io].last = (uint16_t)(base + len - 1);
	p->priv.nr_io++;
	return 0;
}

static int add_mem(struct proc *p, uint32_t base, uint32_t len)
{
	if (len == 0 || base + len < base)
		return -EINVAL;
	if (priv_may_map(p, base, len))
		return 0;
	if (p->priv.nr_mem == PRIV_MAX_MEM)
		return -ENOSPC;
	p->priv.mem[p->priv.nr_mem].base = base;
	p->priv.mem[p->priv.nr_mem].len = len;
	p->priv.nr_mem++;
	return 0;
}

int do_privadd(struct proc *caller, message_t *m)
{
	struct kc_privadd *a = KC_ARGS(m, kc_privadd);
	struct proc *p;
	int r = ep_check(a->who, &p);
	if (r < 0)
		return r;
	if (p == caller || !(p->priv.flags & PRIV_SYSTEM))
		return -EPERM;
	switch (a->kind) {
	case PRIVADD_IO:
		return add_io(p, a->base, a->len);
	case PRIVADD_MEM:
		return add_mem(p, a->base, a->len);
	case PRIVADD_IRQ:
		if (a->base > 15 || !((0xfffau >> a->base) & 1))
			return -EINVAL;
		p->priv.irqs |= 1u << a->base;
		return 0;
	default:
		return -EINVAL;
	}
}
