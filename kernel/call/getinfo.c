// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_GETINFO: copy a kernel table out to the caller: the log ring
 * (GI_LOG, oldest first, the newest `len` bytes), the process table
 * (GI_PROCTAB, one struct kinfo_proc per live slot), the caller's own
 * entry (GI_SELF), the boot data modules (GI_MODULES), the event
 * counters (GI_COUNTERS), the command line GRUB gave the kernel
 * (GI_CMDLINE, which VFS reads for root=) or the privileges of process
 * `who` (GI_PRIV, so that a test can hold them against its policy
 * file) or the DMA regions, live and quarantined (GI_DMA).  Copies at
 * most `len` bytes.
 */
#include "abi/errno.h"
#include "boot.h"
#include "clock.h"
#include "counters.h"
#include "dma.h"
#include "kcall.h"
#include "lib.h"
#include "vm.h"

static char buf[KLOG_SIZE]; /* the largest table */

static void describe(const struct proc *p, struct kinfo_proc *k)
{
	memset(k, 0, sizeof(*k));
	k->ep = p->ep;
	k->flags = p->rts;
	k->prio = p->prio;
	k->user_ticks = p->user_ticks;
	k->manager = p->manager;
	memcpy(k->name, p->name, sizeof(k->name));
	memcpy(k->denied, p->denied, sizeof(k->denied));
}

static int fill_priv(endpoint_t who)
{
	struct proc *p;
	int r = ep_check(who, &p);
	if (r < 0)
		return r;
	struct kinfo_priv *k = (struct kinfo_priv *)buf;
	memset(k, 0, sizeof(*k));
	k->ep = p->ep;
	k->flags = p->priv.flags;
	k->traps = p->priv.traps;
	k->calls = p->priv.calls;
	k->irqs = p->priv.irqs;
	k->nr_io = (uint32_t)p->priv.nr_io;
	for (int i = 0; i < p->priv.nr_io; i++) {
		k->io[i].first = p->priv.io[i].first;
		k->io[i].last = p->priv.io[i].last;
	}
	k->nr_mem = (uint32_t)p->priv.nr_mem;
	memcpy(k->mem, p->priv.mem, sizeof(k->mem));
	memcpy(k->ipc_to, p->priv.ipc_to, sizeof(k->ipc_to));
	return (int)sizeof(*k);
}

static uint32_t fill_proctab(void)
{
	struct kinfo_proc *k = (struct kinfo_proc *)buf;
	uint32_t n = 0;
	for (int s = 0; s < NR_PROCS; s++)
		if (!(proc_table[s].rts & RTS_FREE))
			describe(&proc_table[s], &k[n++]);
	return n * sizeof(*k);
}

int do_getinfo(struct proc *caller, message_t *m)
{
	struct kc_getinfo *a = KC_ARGS(m, kc_getinfo);
	int r;
	uint32_t n;
	_Static_assert(NR_PROCS * sizeof(struct kinfo_proc) <= sizeof(buf),
		       "process table fits the buffer");
	_Static_assert(NR_DMA * sizeof(struct kinfo_dma) <= sizeof(buf),
		       "the DMA regions fit the buffer");
	switch (a->what) {
	case GI_LOG:
		n = (uint32_t)klog_copy(
			buf, a->len < sizeof(buf) ? a->len : sizeof(buf));
		break;
	case GI_PROCTAB:
		n = fill_proctab();
		break;
	case GI_SELF:
		describe(caller, (struct kinfo_proc *)buf);
		n = sizeof(struct kinfo_proc);
		break;
	case GI_MODULES:
		n = (uint32_t)nr_boot_data * sizeof(boot_data[0]);
		memcpy(buf, boot_data, n);
		break;
	case GI_CMDLINE:
		n = (uint32_t)strlen(boot_cmdline) + 1;
		memcpy(buf, boot_cmdline, n);
		break;
	case GI_PRIV:
		if ((r = fill_priv(a->who)) < 0)
			return r;
		n = (uint32_t)r;
		break;
	case GI_DMA:
		n = dma_list((struct kinfo_dma *)buf) *
		    sizeof(struct kinfo_dma);
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
