// SPDX-License-Identifier: BSD-2-Clause
/*
 * IRQ hooks (see irq.h).
 */
#include "irq.h"

#include "abi/errno.h"
#include "abi/kcall_msg.h"
#include "arch/i386/arch.h"
#include "clock.h"
#include "ipc.h"

struct irq_hook {
	struct proc *owner; /* 0: the hook is free */
	endpoint_t ep;	    /* the owner's endpoint when it hooked */
	int line;
	uint32_t policy;
	uint32_t id;
};

static struct irq_hook hooks[NR_IRQ_HOOKS];

static bool line_hooked(int line)
{
	for (int h = 0; h < NR_IRQ_HOOKS; h++)
		if (hooks[h].owner && hooks[h].line == line)
			return true;
	return false;
}

void irq_handle(int line)
{
	if (line == 0) {
		clock_tick();
		pic_eoi(line);
		return;
	}
	bool reenable = true, any = false;
	for (int h = 0; h < NR_IRQ_HOOKS; h++) {
		struct irq_hook *k = &hooks[h];
		if (!k->owner || k->line != line)
			continue;
		any = true;
		if (!(k->policy & IRQ_REENABLE))
			reenable = false;
		notify_from_kernel(k->owner, HARDWARE, 1u << k->id);
	}
	if (!any || !reenable)
		pic_mask(line); /* until the driver says it is handled */
	pic_eoi(line);
}

void irq_release(struct proc *p)
{
	for (int h = 0; h < NR_IRQ_HOOKS; h++)
		if (hooks[h].owner == p)
			irq_rmpolicy(h);
}

void irq_prune(struct proc *p)
{
	for (int h = 0; h < NR_IRQ_HOOKS; h++)
		if (hooks[h].owner == p &&
		    !(p->priv.irqs & (1u << hooks[h].line)))
			irq_rmpolicy(h);
}

int irq_setpolicy(struct proc *p, int line, uint32_t policy, uint32_t id)
{
	for (int h = 0; h < NR_IRQ_HOOKS; h++) {
		if (hooks[h].owner)
			continue;
		hooks[h] = (struct irq_hook){p, p->ep, line, policy, id};
		return h;
	}
	return -EAGAIN;
}

int irq_owned_hook(struct proc *p, int hook)
{
	if (hook < 0 || hook >= NR_IRQ_HOOKS || hooks[hook].owner != p ||
	    hooks[hook].ep != p->ep)
		return -EINVAL;
	return hooks[hook].line;
}

void irq_rmpolicy(int hook)
{
	int line = hooks[hook].line;
	hooks[hook].owner = 0;
	if (!line_hooked(line))
		pic_mask(line);
}
