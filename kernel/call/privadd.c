// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_PRIVADD: add I/O port ranges, physical memory ranges and IRQ
 * lines to a running system process's privileges.  It is the PCI
 * driver's call: when a driver claims a device its policy allows, PCI
 * adds exactly that device's BARs and IRQ line, in one call.  The
 * kernel cannot know what a BAR is, so the call is as narrow as it can
 * be: it only ever adds, never to the caller itself (PCI cannot widen
 * its own rights), never to an ordinary user process, and a driver's
 * next instance starts again from its policy (RS's PRIVCTL_SET), so
 * what was added dies with the process.  A process given a device is
 * marked for good: its DMA memory outlives it in quarantine (dma.h).
 *
 * All or nothing: the additions are made to a copy of the record,
 * which replaces the real one only if every one of them fits -- a
 * claim that fails must not leave the driver half the device.  A range
 * the process already holds is not added twice.  Errors: EINVAL for an
 * empty or wrapping range or too many of them, or IRQ 0 (the clock),
 * 2 (the cascade) or past 15; EPERM for the caller or a user process;
 * ENOSPC when the record's table of ports or memory ranges is full.
 */
#include "abi/errno.h"
#include "kcall.h"
#include "priv.h"
#include "vm.h"

static int add_io(struct proc *p, uint16_t first, uint16_t last)
{
	if (first > last)
		return -EINVAL;
	if (priv_may_io(p, first, (uint32_t)last - first + 1))
		return 0;
	if (p->priv.nr_io == NR_IO_RANGES)
		return -ENOSPC;
	p->priv.io[p->priv.nr_io].first = first;
	p->priv.io[p->priv.nr_io].last = last;
	p->priv.nr_io++;
	return 0;
}

static int add_mem(struct proc *p, struct priv_mem m)
{
	if (m.len == 0 || m.base + m.len < m.base)
		return -EINVAL;
	if (priv_may_map(p, m.base, m.len))
		return 0;
	if (p->priv.nr_mem == PRIV_MAX_MEM)
		return -ENOSPC;
	p->priv.mem[p->priv.nr_mem++] = m;
	return 0;
}

int do_privadd(struct proc *caller, message_t *m)
{
	struct kc_privadd *a = KC_ARGS(m, kc_privadd);
	static struct proc copy; /* only .priv: the predicates take a proc */
	struct priv_add d;
	struct proc *p;
	int r = ep_check(a->who, &p);
	if (r < 0)
		return r;
	if (p == caller || !(p->priv.flags & PRIV_SYSTEM))
		return -EPERM;
	if (as_read(caller->pd, a->add, &d, sizeof(d)) < 0)
		return -EFAULT;
	if (d.nr_io > PRIV_MAX_IO || d.nr_mem > PRIV_MAX_MEM ||
	    d.irqs & ~0xfffau)
		return -EINVAL;
	copy.priv = p->priv;
	for (uint32_t i = 0; i < d.nr_io && r == 0; i++)
		r = add_io(&copy, d.io[i].first, d.io[i].last);
	for (uint32_t i = 0; i < d.nr_mem && r == 0; i++)
		r = add_mem(&copy, d.mem[i]);
	if (r < 0)
		return r;
	p->priv = copy.priv;
	p->priv.irqs |= d.irqs;
	p->devices = true;
	return 0;
}
