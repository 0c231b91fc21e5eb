// SPDX-License-Identifier: BSD-2-Clause
/*
 * select(2).
 *
 * The program grants VFS a struct vfs_fdsets holding the three sets;
 * VFS checks every descriptor in them, asks pipes and drivers which are
 * ready (files always are), and answers with the ready ones in place.
 * With none ready and a timeout left, the call waits: it is retried
 * whenever a pipe or driver reports a change (drivers were asked to,
 * with CDEV_SEL_NOTIFY), and ends with 0 at its deadline, which the
 * CLOCK alarm (one for all waiting selects) brings.
 */
#include <string.h>

#include "vfs.h"

static uint64_t now_ticks(void)
{
	struct kc_times t;
	return sys_times(&t) == 0 ? t.ticks : 0;
}

static uint32_t hz(void)
{
	struct kc_times t;
	return sys_times(&t) == 0 && t.hz ? t.hz : 100;
}

static int ready_ops(struct filp *f, int ops, bool notify)
{
	switch (f->kind) {
	case FK_PIPE:
		return pipe_ready(f->pipe, f->flags, ops);
	case FK_CDEV:
	case FK_SOCK:
		return cdev_select(f, ops, notify) & ops;
	default:
		return ops & (CDEV_SEL_RD | CDEV_SEL_WR);
	}
}

/* Check every descriptor asked about; out holds the ready ones.  The
 * count, or EBADF for a descriptor that is not open. */
static int poll_sets(struct vproc *p, const struct vfs_fdsets *in,
		     struct vfs_fdsets *out, bool notify)
{
	int count = 0;
	memset(out, 0, sizeof(*out));
	out->nfds = in->nfds;
	for (uint32_t fd = 0; fd < in->nfds; fd++) {
		uint32_t w = fd / 32, bit = 1u << (fd % 32);
		int ops = (in->rd[w] & bit ? CDEV_SEL_RD : 0) |
			  (in->wr[w] & bit ? CDEV_SEL_WR : 0) |
			  (in->ex[w] & bit ? CDEV_SEL_EX : 0);
		if (!ops)
			continue;
		struct filp *f = fd_get(p, (int32_t)fd);
		if (!f)
			return -EBADF;
		int r = ready_ops(f, ops, notify);
		out->rd[w] |= r & CDEV_SEL_RD ? bit : 0;
		out->wr[w] |= r & CDEV_SEL_WR ? bit : 0;
		out->ex[w] |= r & CDEV_SEL_EX ? bit : 0;
		count += !!(r & CDEV_SEL_RD) + !!(r & CDEV_SEL_WR) +
			 !!(r & CDEV_SEL_EX);
	}
	return count;
}

static void arm_timer(void)
{
	uint64_t first = UINT64_MAX, now = now_ticks();
	int i = 0;
	for (struct vproc *p; (p = vproc_next(&i));)
		if (p->wait == W_SELECT && p->wdeadline >= 0 &&
		    (uint64_t)p->wdeadline < first)
			first = (uint64_t)p->wdeadline;
	if (first != UINT64_MAX)
		sys_setalarm(first > now ? (uint32_t)(first - now) : 1, 0);
}

static int answer(struct vproc *p, const struct vfs_fdsets *out, int count)
{
	int r = sys_safecopyto(p->ep, p->wselect.grant, 0, out, sizeof(*out));
	return r < 0 ? -EFAULT : count;
}

int do_select(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_select *q = &req->select;
	struct vfs_fdsets in, out;
	if (q->len != sizeof(in))
		return -EINVAL;
	if (sys_safecopyfrom(p->ep, q->grant, 0, &in, sizeof(in)) < 0)
		return -EFAULT;
	if (in.nfds > VFS_OPEN_MAX)
		return -EINVAL;
	p->wselect = *q;
	int n = poll_sets(p, &in, &out, q->timeout != 0);
	if (n != 0 || q->timeout == 0)
		return n < 0 ? n : answer(p, &out, n);
	p->wsel = in;
	p->wdeadline = -1;
	if (q->timeout > 0) {
		uint64_t ticks = ((uint64_t)q->timeout * hz() + 999) / 1000;
		p->wdeadline = (int64_t)(now_ticks() + (ticks ? ticks : 1));
	}
	wait_begin(p, W_SELECT, VFS_SELECT, 0);
	arm_timer();
	return REPLY_LATER;
}

void select_retry(struct vproc *p)
{
	struct vfs_fdsets out;
	int n = poll_sets(p, &p->wsel, &out, true);
	if (n != 0)
		wait_end(p, n < 0 ? n : answer(p, &out, n));
}

void select_timers(uint64_t now)
{
	struct vfs_fdsets none;
	int i = 0;
	for (struct vproc *p; (p = vproc_next(&i));) {
		if (p->wait != W_SELECT || p->wdeadline < 0 ||
		    (uint64_t)p->wdeadline > now)
			continue;
		memset(&none, 0, sizeof(none));
		none.nfds = p->wsel.nfds;
		wait_end(p, answer(p, &none, 0));
	}
	arm_timer();
}
