// SPDX-License-Identifier: BSD-2-Clause
/*
 * Priority round-robin scheduling (see sched.h).
 */
#include "sched.h"

static struct proc *head[NR_QUEUES], *tail[NR_QUEUES];

static bool queued(struct proc *p)
{
	for (struct proc *q = head[p->prio]; q; q = q->rq_next)
		if (q == p)
			return true;
	return false;
}

static void enqueue(struct proc *p)
{
	p->rq_next = 0;
	if (tail[p->prio])
		tail[p->prio]->rq_next = p;
	else
		head[p->prio] = p;
	tail[p->prio] = p;
}

void sched_remove(struct proc *p)
{
	struct proc **pp = &head[p->prio], *prev = 0;
	for (; *pp; prev = *pp, pp = &(*pp)->rq_next) {
		if (*pp == p) {
			*pp = p->rq_next;
			if (tail[p->prio] == p)
				tail[p->prio] = prev;
			p->rq_next = 0;
			return;
		}
	}
}

void sched_block(struct proc *p, uint32_t why)
{
	if (p->rts == 0)
		sched_remove(p);
	p->prio = p->base_prio; /* it waits: no hog */
	p->rts |= why;
}

void sched_unblock(struct proc *p, uint32_t why)
{
	if (p->rts == 0)
		return;
	p->rts &= ~why;
	if (p->rts == 0 && !queued(p))
		enqueue(p);
}

void sched_tick(struct proc *p)
{
	if (--p->ticks_left > 0)
		return;
	p->ticks_left = p->quantum;
	if (p->rts == 0) {
		sched_remove(p);
		if (p->prio < NR_QUEUES - 1)
			p->prio++;
		enqueue(p);
	}
}

struct proc *sched_pick(void)
{
	for (int q = 0; q < NR_QUEUES; q++)
		if (head[q])
			return head[q];
	return 0;
}
