/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Interrupts as notifications.
 *
 * A driver hooks an IRQ line it is allowed (IRQCTL SETPOLICY), choosing a
 * bit 0..31.  When the line fires the kernel masks it (unless the policy
 * says IRQ_REENABLE) and sends the hook's owner a notification from
 * HARDWARE whose argument has that bit set; the driver handles the
 * device and unmasks the line with IRQCTL ENABLE.  Several hooks may
 * share a line.  When a process dies its hooks go, and a line with no
 * hooks left is masked.  IRQ 0 (the clock) and 2 (the cascade) are the
 * kernel's.
 */
#pragma once

#include "proc.h"

#define NR_IRQ_HOOKS 32

void irq_handle(int line);
void irq_release(struct proc *p);
void irq_prune(struct proc *p); /* drop hooks on lines no longer allowed */
int irq_setpolicy(struct proc *p, int line, uint32_t policy, uint32_t id);
int irq_owned_hook(struct proc *p, int hook); /* line, or an error */
void irq_rmpolicy(int hook);
