// SPDX-License-Identifier: BSD-2-Clause
/*
 * sys_irqctl: op IRQ_SETPOLICY (irq, policy, id; *hook gets the hook),
 * or IRQ_RMPOLICY / IRQ_ENABLE / IRQ_DISABLE on *hook.
 */
#include "libsys.h"

int sys_irqctl(uint32_t op, uint32_t irq, uint32_t policy, uint32_t id,
	       int *hook)
{
	message_t m;
	struct kc_irqctl *a = KC_ARGS(&m, kc_irqctl);
	a->op = op;
	a->irq = irq;
	a->policy = policy;
	a->id = id;
	a->hook = hook ? *hook : -1;
	int r = kcall(SYS_IRQCTL, &m);
	if (r == 0 && hook)
		*hook = a->hook;
	return r;
}
