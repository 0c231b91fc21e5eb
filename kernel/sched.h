/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The scheduler: NR_QUEUES round-robin queues, 0 the most urgent.
 *
 * A process is in its priority's queue exactly while its rts is 0.
 * Changing rts goes through sched_block()/sched_unblock(), which keep
 * the queues in step.  The process at the head of the most urgent
 * non-empty queue runs; when its quantum (in clock ticks) is used up it
 * goes to the back of the next less urgent queue with a fresh quantum,
 * and it is back in its own (base_prio) once it blocks.  So a process
 * that spins -- a hung driver -- sinks below the servers that must see
 * and end it (RS), while one that waits for messages keeps its place.
 */
#pragma once

#include "proc.h"

#define NR_QUEUES 8

void sched_block(struct proc *p, uint32_t why);	  /* rts |= why */
void sched_unblock(struct proc *p, uint32_t why); /* rts &= ~why */
void sched_remove(struct proc *p);		  /* off the queues */
void sched_tick(struct proc *p);		  /* p used a tick */
struct proc *sched_pick(void);
