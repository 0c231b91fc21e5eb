// SPDX-License-Identifier: BSD-2-Clause
/*
 * The process list for ps (PM_PROCS), and the boot processes in it.
 *
 * The kernel starts the boot processes (drivers, servers, init) itself,
 * with no manager, so PM hears of them only if they ask it something.
 * proc_boot() enters every boot process in PM's table at start, with a
 * pid and the kernel's name for it, so that ps shows memory, tty, fs,
 * vfs and pm beside the user's processes; init keeps pid 1.  A boot
 * process that ends has nobody to tell PM, so proc_boot() also forgets
 * the unmanaged entries the kernel no longer has; do_procs() calls it
 * before each list.  Boot processes stay unmanaged: they take no
 * signals (kill -1 passes them by) and cannot exec.  The services RS
 * starts are entered the same way, with RS as their parent; root may
 * signal one by pid, which the kernel passes to RS, their manager
 * (signal.c).
 *
 * The state comes from PM (Z zombie, T stopped) or else from the
 * kernel: R runnable, S blocked in IPC (reading a terminal, waiting for
 * a child, or a server waiting for work).  The caller is running.
 */
#include <string.h>

#include "pm.h"

static struct kinfo_proc ktab[NR_PROCS];
static uint32_t nktab;

static const struct kinfo_proc *kernel_entry(endpoint_t ep)
{
	for (uint32_t k = 0; k < nktab; k++)
		if (ktab[k].ep == ep)
			return &ktab[k];
	return 0;
}

void proc_boot(void)
{
	uint32_t n;
	if (sys_getinfo(GI_PROCTAB, ktab, sizeof(ktab), &n) < 0)
		n = 0;
	nktab = n / sizeof(ktab[0]);
	if (!nktab)
		return;
	for (int i = 0; i < NR_MPROCS; i++)
		if (mp[i].ep != NONE && mp[i].ep != SELF && !mp[i].managed &&
		    !kernel_entry(mp[i].ep))
			mp[i].ep = NONE; /* a boot process that ended */
	endpoint_t self = proc_self();
	for (uint32_t k = 0; k < nktab; k++) {
		if (ktab[k].manager == self)
			continue; /* forked by PM: in the table already */
		struct mproc *p = pm_by_ep(ktab[k].ep);
		if (!p && !(p = proc_new(ktab[k].ep)))
			return;
		if (!p->name[0] || p->manager != ktab[k].manager)
			memcpy(p->name, ktab[k].name, sizeof(p->name) - 1);
		p->manager = ktab[k].manager;
		struct mproc *m = pm_by_ep(p->manager);
		p->ppid = m ? m->pid : 0; /* RS is a service's parent */
	}
}

/* The kernel's count of what it refused the process, all kinds. */
static uint32_t denials(endpoint_t ep)
{
	const struct kinfo_proc *k = kernel_entry(ep);
	uint32_t n = 0;
	for (int i = 0; k && i < NR_DENY_KINDS; i++)
		n += k->denied[i];
	return n;
}

static char state_of(const struct mproc *p, const struct mproc *caller)
{
	const struct kinfo_proc *k = kernel_entry(p->ep);
	if (p->zombie)
		return 'Z';
	if (p->stopped)
		return 'T';
	if (p == caller || (k && k->flags == 0))
		return 'R';
	return 'S';
}

int do_procs(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	static struct pm_procinfo out[NR_MPROCS];
	uint32_t n = 0;
	proc_boot();
	for (int i = 0; i < NR_MPROCS; i++) {
		if (mp[i].ep == NONE)
			continue;
		struct pm_procinfo *o = &out[n++];
		memset(o, 0, sizeof(*o));
		o->pid = mp[i].pid;
		o->ppid = mp[i].ppid;
		o->pgrp = mp[i].pgrp;
		o->uid = mp[i].uid;
		o->ep = mp[i].ep;
		o->state = state_of(&mp[i], p);
		memcpy(o->name, mp[i].name, sizeof(o->name) - 1);
		o->denied = denials(mp[i].ep);
	}
	const struct pm_procs *q = &req->procs;
	uint32_t len = n * (uint32_t)sizeof(out[0]);
	if (len > q->len)
		len = q->len / sizeof(out[0]) * sizeof(out[0]);
	if (len && sys_safecopyto(p->ep, q->grant, 0, out, len) < 0)
		return -EFAULT;
	return (int)(len / sizeof(out[0]));
}
