// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_DMARELEASE: the PCI driver says that no device of process `who`
 * can write to memory any more -- it has turned their bus mastering
 * off -- so the DMA memory `who` left in quarantine when it died goes
 * back to the free frames (dma.h has the why).  who = ANY releases
 * every quarantined region: PCI may say that only when no device at
 * all has bus mastering on, as at its fresh start.  The pages released
 * come back in the message.
 *
 * Errors: EINVAL for an endpoint that cannot name a process, EBUSY for
 * one that is alive (its memory is still its own), ENOENT when nothing
 * of `who` is in quarantine.
 */
#include "abi/errno.h"
#include "dma.h"
#include "kcall.h"

int do_dmarelease(struct proc *caller, message_t *m)
{
	(void)caller;
	struct kc_dmarelease *a = KC_ARGS(m, kc_dmarelease);
	struct proc *p;
	if (a->who != ANY) {
		int r = ep_check(a->who, &p);
		if (r == 0)
			return -EBUSY;
		if (r != -EDEADEPT)
			return -EINVAL;
	}
	a->pages = dma_release(a->who);
	return a->pages ? 0 : -ENOENT;
}
