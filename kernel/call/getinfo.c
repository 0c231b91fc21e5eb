// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_GETINFO: copy a kernel table out to the caller: the log ring
 * (GI_LOG, oldest first, the newest `len` bytes), the process table
 * (GI_PROCTAB, one struct kinfo_proc per live slot) or the event
 * counters (GI_COUNTERS).  Copies at most `len` bytes.
 */
#include "abi/errno.h"
#include "clock.h"
#include "counters.h"
#include "kcall.h"
#include "lib.h"
#include "vm.h"

static char buf[KLOG_SIZE]; /* the largest table */

static uint32_t fill_proctab(void)
{
	struct kinfo_proc *k = (struct kinfo_proc *)buf;
	uint32_t n = 0;
	for (int s = 0; s < NR_PROCS; s++) {
		struct proc *p = &proc_table[s];
		if (p->rts & RTS_FREE)
			continue;
		memset(&k[n], 0, sizeof(k[n]));
		k[n].ep = p->ep;
		k[n].flags = p->rts;
		k[n].prio = p->prio;
		k[n].user_ticks = p->user_ticks;
		k[n].manager = p->manager;
		memcpy(k[n].name, p->name, sizeof(k[n].name));
		n++;
	}
	return n * sizeof(*k);
}

int do_getinfo(struct proc *caller, message_t *m)
{
	struct kc_getinfo *a = KC_ARGS(m, kc_getinfo);
	uint32_t n;
	_Static_assert(NR_PROCS * sizeof(struct kinfo_proc) <= sizeof(buf),
		       "process table fits the buffer");
	switch (a->what) {
	case GI_LOG:
		n = (uint32_t)klog_copy(buf, a->len < sizeof(buf) ? a->len
								  : sizeof(buf));
		break;
	case GI_PROCTAB:
		n = fill_proctab();
		break;
	case GI_COUNTERS:
		counters.ticks = clock_ticks;
		memcpy(buf, &counters, sizeof(counters));
		n = sizeof(counters);
		break;
	default:
		return -EINVAL;
	}
	if (n > a->len)
		n = a->len;
	if (as_write(caller->pd, a->buf, buf, n) < 0)
		return -EFAULT;
	a->copied = n;
	return 0;
}
