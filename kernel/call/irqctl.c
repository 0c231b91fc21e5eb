// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_IRQCTL: hook an IRQ line the caller's privileges allow, unhook it,
 * and mask or unmask it (see irq.h).  Only the hook's owner may use a
 * hook.
 */
#include "abi/errno.h"
#include "arch/i386/arch.h"
#include "deny.h"
#include "irq.h"
#include "kcall.h"

int do_irqctl(struct proc *caller, message_t *m)
{
	struct kc_irqctl *a = KC_ARGS(m, kc_irqctl);
	int line;
	switch (a->op) {
	case IRQ_SETPOLICY:
		if (a->irq >= NR_IRQS || a->irq == 0 || a->irq == 2 ||
		    a->id > 31 || (a->policy & ~IRQ_REENABLE))
			return -EINVAL;
		if (!(caller->priv.irqs & (1u << a->irq)))
			return deny(caller, DENY_IRQ, a->irq, -EPERM);
		a->hook = irq_setpolicy(caller, (int)a->irq, a->policy, a->id);
		return a->hook < 0 ? a->hook : 0;
	case IRQ_RMPOLICY:
	case IRQ_ENABLE:
	case IRQ_DISABLE:
		line = irq_owned_hook(caller, a->hook);
		if (line < 0)
			return line;
		if (a->op == IRQ_RMPOLICY)
			irq_rmpolicy(a->hook);
		else if (a->op == IRQ_ENABLE)
			pic_unmask(line);
		else
			pic_mask(line);
		return 0;
	default:
		return -EINVAL;
	}
}
