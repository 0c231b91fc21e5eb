// SPDX-License-Identifier: BSD-2-Clause
/*
 * A policy's isolation part as kernel privileges (struct priv_desc,
 * installed with PRIVCTL), from policy_to_priv (lib/libpolicy), the same
 * record the kernel's boot table is generated from.  The policy is the
 * whole grant, beyond every IPC primitive and what every process holds
 * anyway (POLICY_EVERY_CALL: exit, the clock, its grant table and copies
 * through grants made to it):
 *   kernel calls  exactly those named (`kernel`);
 *   I/O ports, IRQ lines, physical memory  exactly those named, and
 *                 with `memory boot` the boot data modules (the RAM
 *                 disks), found with GETINFO GI_MODULES;
 *   IPC targets   the processes `ipc` names -- boot processes by their
 *                 name, services by their label -- plus RS (the init
 *                 handshake and the heartbeat) and DS (the naming
 *                 service, and the state blob of lib/libsys/sef.c).
 * The kernel makes an IPC permission both ways, so a server named in
 * `ipc` can answer.  A restarted service is a new process, so every
 * running service whose policy names it gets its permissions renewed.
 */
#include <stdio.h>
#include <string.h>

#include "dsclient.h"
#include "rs.h"

static endpoint_t target(const char *label)
{
	struct service *t = svc_by_label(label);
	if (t)
		return t->ep; /* NONE while it is down */
	return proc_find(label);
}

static bool names(const struct service *s, const char *label)
{
	for (uint32_t i = 0; i < s->pol.nr_ipc; i++)
		if (!strcmp(s->pol.ipc[i], label))
			return true;
	return false;
}

/* `memory boot`: each boot data module's pages, as the kernel grants
 * them to a boot process whose entry has boot_data (kernel/boot.c). */
static int add_boot_data(struct priv_desc *d)
{
	static struct kinfo_module mods[BOOT_DATA_MAX];
	uint32_t n = 0;
	int r = sys_getinfo(GI_MODULES, mods, sizeof(mods), &n);
	if (r < 0)
		return r;
	for (uint32_t i = 0; i < n / sizeof(mods[0]); i++) {
		if (d->nr_mem == PRIV_MAX_MEM)
			return -E2BIG;
		uint32_t base = mods[i].base & ~0xfffu;
		d->mem[d->nr_mem++] = (struct priv_mem){
			base, mods[i].base + mods[i].len - base};
	}
	return 0;
}

static int install(struct service *s)
{
	static struct priv_desc d;
	const struct policy *p = &s->pol;
	policy_to_priv(p, &d); /* primitives, calls, ports, IRQs, memory */
	int r = p->boot_data ? add_boot_data(&d) : 0;
	if (r < 0)
		return r;
	d.targets[d.nr_targets++] = proc_self();
	if (ds_endpoint() != NONE)
		d.targets[d.nr_targets++] = ds_endpoint();
	for (uint32_t i = 0; i < p->nr_ipc; i++) {
		endpoint_t ep = target(p->ipc[i]);
		if (ep != NONE && d.nr_targets < PRIV_MAX_TARGETS)
			d.targets[d.nr_targets++] = ep;
	}
	for (int i = 0; i < NR_SERVICES; i++) /* those that name it */
		if (&svc[i] != s && svc[i].used && svc[i].ep != NONE &&
		    names(&svc[i], s->label) && d.nr_targets < PRIV_MAX_TARGETS)
			d.targets[d.nr_targets++] = svc[i].ep;
	return sys_privctl(s->ep, PRIVCTL_SET, &d);
}

int svc_privileges(struct service *s)
{
	int r = install(s);
	if (r < 0) {
		printf("rs: %s: the kernel refused its policy (error %d)\n",
		       s->label, r);
		return r;
	}
	return 0;
}
