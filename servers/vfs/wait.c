// SPDX-License-Identifier: BSD-2-Clause
/*
 * Calls that wait.
 *
 * A call that cannot finish now (an empty pipe, a full one, a terminal
 * with no line, select with nothing ready) is parked in its process's
 * vproc with everything needed to try again, and VFS answers nobody.
 * Whenever a pipe or a select source changes, wait_changed() marks it,
 * and after each message main.c calls wait_run(), which retries every
 * parked call; one that finishes is answered then.  A parked call on a
 * character driver is the driver's to finish (cdev.c).  PM's UNPAUSE
 * notice ends a parked call at once: EINTR, or the bytes already moved.
 */
#include "vfs.h"

static bool changed;

void wait_changed(void)
{
	changed = true;
}

int wait_begin(struct vproc *p, enum wait_kind kind, int type,
	       const struct vfs_io *q)
{
	p->wait = kind;
	p->wtype = type;
	if (q)
		p->wio = *q;
	return REPLY_LATER;
}

void wait_end(struct vproc *p, int status)
{
	p->wait = W_NONE;
	p->wfilp = 0;
	vfs_answer(p->ep, status);
}

void wait_interrupt(struct vproc *p)
{
	switch (p->wait) {
	case W_PIPE:
		wait_end(p, p->wdone ? (int)p->wdone : -EINTR);
		break;
	case W_CDEV:
		cdev_cancel(p);
		break;
	case W_SELECT:
		wait_end(p, -EINTR);
		break;
	default:
		break;
	}
}

void wait_run(void)
{
	for (int rounds = 0; changed && rounds < 64; rounds++) {
		changed = false;
		int i = 0;
		for (struct vproc *p; (p = vproc_next(&i));) {
			if (p->wait == W_PIPE)
				pipe_retry(p);
			else if (p->wait == W_SELECT)
				select_retry(p);
		}
	}
}
