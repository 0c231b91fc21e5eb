// SPDX-License-Identifier: BSD-2-Clause
/*
 * SEND, RECEIVE, SENDREC, NOTIFY and SENDNB.
 *
 * Rendezvous: a message moves only when both sides are ready, straight
 * from the sender's buffer to the receiver's (through the kernel's direct
 * map; no queue of message copies).  A sender that finds its receiver
 * not waiting joins the receiver's `callers` queue (FIFO) and blocks; a
 * receiver looks there first.  Notifications are pending bits instead, so
 * NOTIFY never blocks and repeats coalesce.
 *
 * Validate first: the primitive, the caller's right to use it, the peer
 * endpoint and the message buffer are all checked before anything moves.
 * Blocking is refused when it would close a cycle of blocked processes
 * (ELOCKED), so IPC alone can never deadlock.
 */
#include "ipc.h"

#include "abi/errno.h"
#include "abi/ipc.h"
#include "clock.h"
#include "deny.h"
#include "lib.h"
#include "priv.h"
#include "sched.h"
#include "vm.h"

static bool is_kernel_ep(endpoint_t ep)
{
	return ep < 0 && ep >= -NR_KERNEL_EPS;
}

static int kernel_index(endpoint_t ep)
{
	return -ep - 1;
}

/* Unblock p (which was SENDING and/or RECEIVING) with a result. */
static void wake(struct proc *p, int result, int status)
{
	p->regs.eax = (uint32_t)result;
	p->regs.ebx = (uint32_t)status;
	p->reply_pend = false;
	sched_unblock(p, RTS_SENDING | RTS_RECEIVING);
}

/* Is dst blocked in RECEIVE in a way that a message (or notification)
 * from src would end? */
static bool waits_for(struct proc *dst, endpoint_t src, bool notification)
{
	if ((dst->rts & (RTS_RECEIVING | RTS_SENDING)) != RTS_RECEIVING)
		return false;
	if (notification && dst->reply_pend)
		return false;
	return dst->getfrom == ANY || dst->getfrom == src;
}

/* Would caller blocking on `target` close a cycle of blocked processes? */
static bool deadlock(struct proc *caller, endpoint_t target)
{
	for (int hops = 0; hops <= NR_PROCS; hops++) {
		if (target == caller->ep)
			return true;
		struct proc *p = ep_proc(target);
		if (!p)
			return false;
		if (p->rts & RTS_SENDING)
			target = p->sendto;
		else if (p->rts & RTS_RECEIVING)
			target = p->getfrom;
		else
			return false;
	}
	return false;
}

/* Copy the message of sender src into receiver dst's buffer and stamp
 * its source.  -1: src's buffer failed, -2: dst's buffer failed. */
static int transfer(struct proc *src, struct proc *dst)
{
	message_t m;
	if (as_read(src->pd, src->msg_uva, &m, sizeof(m)) < 0)
		return -1;
	m.m_source = src->ep;
	if (as_write(dst->pd, dst->msg_uva, &m, sizeof(m)) < 0)
		return -2;
	return 0;
}

static int put_notify(struct proc *dst, endpoint_t src, uint32_t arg)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_source = src;
	m.m_type = NOTIFY_MESSAGE;
	NOTIFY_ARG(&m) = arg;
	NOTIFY_TICKS(&m) = clock_ticks;
	return as_write(dst->pd, dst->msg_uva, &m, sizeof(m));
}

static int do_send(struct proc *caller, struct proc *dst, int prim)
{
	if (waits_for(dst, caller->ep, false)) {
		int r = transfer(caller, dst);
		if (r == -1)
			return -EFAULT;
		if (r == 0) {
			wake(dst, 0, prim);
			return 0;
		}
		wake(dst, -EFAULT, 0); /* its buffer went bad; we queue */
	}
	if (prim == SENDNB)
		return -ENOTREADY;
	if (deadlock(caller, dst->ep))
		return -ELOCKED;
	caller->sendto = dst->ep;
	caller->q_next = 0;
	struct proc **pp = &dst->callers;
	while (*pp)
		pp = &(*pp)->q_next;
	*pp = caller;
	caller->regs.ebx = (uint32_t)prim; /* remembered for the status word */
	sched_block(caller, RTS_SENDING);
	return IPC_SUSPEND;
}

/* A pending notification for caller from src (or ANY): its source, or
 * NONE.  Kernel sources come first, then processes by slot. */
static endpoint_t take_notify(struct proc *caller, endpoint_t src,
			      uint32_t *arg)
{
	for (int k = 0; k < NR_KERNEL_EPS; k++) {
		endpoint_t ep = -k - 1;
		if ((caller->notify_kernel & (1u << k)) &&
		    (src == ANY || src == ep)) {
			caller->notify_kernel &= ~(1u << k);
			*arg = caller->notify_arg[k];
			caller->notify_arg[k] = 0;
			return ep;
		}
	}
	for (int s = 0; s < NR_PROCS; s++) {
		uint32_t bit = 1u << (s % 32);
		if (!(caller->notify_procs[s / 32] & bit))
			continue;
		if (src != ANY && src != proc_table[s].ep)
			continue;
		caller->notify_procs[s / 32] &= ~bit;
		*arg = 0;
		return proc_table[s].ep;
	}
	return NONE;
}

static int do_receive(struct proc *caller, endpoint_t src)
{
	uint32_t arg;
	endpoint_t from;
	if (!caller->reply_pend &&
	    (from = take_notify(caller, src, &arg)) != NONE) {
		if (put_notify(caller, from, arg) < 0)
			return -EFAULT;
		caller->regs.ebx = NOTIFY;
		return 0;
	}
	for (struct proc **pp = &caller->callers; *pp;) {
		struct proc *q = *pp;
		if (src != ANY && q->ep != src) {
			pp = &q->q_next;
			continue;
		}
		int r = transfer(q, caller);
		if (r == -2)
			return -EFAULT;
		*pp = q->q_next;
		q->q_next = 0;
		if (r == -1) { /* the sender's buffer went bad */
			wake(q, -EFAULT, 0);
			continue;
		}
		caller->regs.ebx = q->regs.ebx; /* the sender's primitive */
		q->regs.eax = 0;
		sched_unblock(q, RTS_SENDING); /* SENDREC: still RECEIVING */
		return 0;
	}
	if (src != ANY && !is_kernel_ep(src) && deadlock(caller, src))
		return -ELOCKED;
	caller->getfrom = src;
	sched_block(caller, RTS_RECEIVING);
	return IPC_SUSPEND;
}

static int do_notify(struct proc *caller, struct proc *dst)
{
	if (waits_for(dst, caller->ep, true) &&
	    put_notify(dst, caller->ep, 0) == 0) {
		wake(dst, 0, NOTIFY);
		return 0;
	}
	int s = EP_SLOT(caller->ep);
	dst->notify_procs[s / 32] |= 1u << (s % 32);
	return 0;
}

void notify_from_kernel(struct proc *dst, endpoint_t src, uint32_t arg)
{
	int k = kernel_index(src);
	if (waits_for(dst, src, true) &&
	    put_notify(dst, src, dst->notify_arg[k] | arg) == 0) {
		dst->notify_arg[k] = 0;
		wake(dst, 0, NOTIFY);
		return;
	}
	dst->notify_kernel |= 1u << k;
	dst->notify_arg[k] |= arg;
}

int ipc_trap(struct proc *caller, uint32_t prim, endpoint_t peer, uint32_t msg)
{
	struct proc *dst = 0;
	if (prim == 0 || prim >= IPC_NR_PRIMS)
		return -EBADCALL;
	if (!priv_may_trap(caller, prim))
		return deny(caller, DENY_TRAP, prim, -ETRAPDENIED);
	if (!(prim == RECEIVE && (peer == ANY || is_kernel_ep(peer)))) {
		int r = ep_check(peer, &dst);
		if (r < 0)
			return r;
	}
	if (dst && !priv_may_send(caller, dst))
		return deny(caller, DENY_IPC, (uint32_t)dst->ep, -EIPCDENIED);
	bool writes = prim == RECEIVE || prim == SENDREC;
	if (prim != NOTIFY &&
	    !as_range_ok(caller->pd, msg, sizeof(message_t), writes))
		return -EFAULT;
	caller->msg_uva = msg;

	switch (prim) {
	case SEND:
	case SENDNB:
		return do_send(caller, dst, (int)prim);
	case NOTIFY:
		return do_notify(caller, dst);
	case RECEIVE:
		return do_receive(caller, dst ? dst->ep : peer);
	default: { /* SENDREC */
		caller->reply_pend = true;
		int r = do_send(caller, dst, SENDREC);
		if (r < 0) {
			caller->reply_pend = false;
			return r;
		}
		caller->getfrom = dst->ep;
		sched_block(caller, RTS_RECEIVING);
		return IPC_SUSPEND;
	}
	}
}

/* The dying process leaves every queue, and everyone blocked on it is
 * woken with EDEADSRCDST.  Its notification bits elsewhere vanish. */
void ipc_cleanup(struct proc *dying)
{
	if (dying->rts & RTS_SENDING) {
		struct proc *dst = ep_proc(dying->sendto);
		for (struct proc **pp = dst ? &dst->callers : 0; pp && *pp;
		     pp = &(*pp)->q_next) {
			if (*pp == dying) {
				*pp = dying->q_next;
				break;
			}
		}
	}
	for (struct proc *q = dying->callers, *next; q; q = next) {
		next = q->q_next;
		q->q_next = 0;
		wake(q, -EDEADSRCDST, 0);
	}
	dying->callers = 0;
	int s = EP_SLOT(dying->ep);
	for (int i = 0; i < NR_PROCS; i++) {
		struct proc *p = &proc_table[i];
		if (p == dying || (p->rts & RTS_FREE))
			continue;
		p->notify_procs[s / 32] &= ~(1u << (s % 32));
		if ((p->rts & RTS_RECEIVING) && !(p->rts & RTS_SENDING) &&
		    p->getfrom == dying->ep)
			wake(p, -EDEADSRCDST, 0);
	}
}
