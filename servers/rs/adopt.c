// SPDX-License-Identifier: BSD-2-Clause
/*
 * The boot processes, once, at RS's start.  Nothing else has run yet
 * that could fork, so the process table holds exactly them.
 *
 * Each is published in DS under its name (PM, VFS, FS, MEMORY, TTY,
 * ...), as MINIX's RS does for its boot image: a process needs a label
 * to subscribe, and VFS subscribes to its drivers' labels.
 *
 * Boot drivers under RS.  TTY must run before any file can be read, so
 * the kernel starts it from a boot module; its boot-table entry names
 * RS as its manager, so its failures reach RS like any service's.  At
 * its own start RS adopts each such process: a service entry with the
 * process's name as label, its policy from /etc/system.d/LABEL.conf and
 * its program from /sbin/LABEL, kept in RAM if the policy says `copy
 * yes`.  From then on it is watched (heartbeat) and restarted like the
 * services RS started itself; the restarted instances are ordinary
 * services, made from the file.
 *
 * The running boot instance keeps its boot-table privileges, which the
 * build made from the same policy file (tools/boottable.c); a restart
 * installs that file's grant again (guest/policy_records checks both).
 * A boot driver whose policy cannot be read is left alone, unmanaged:
 * RS ends it if it faults.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dsclient.h"
#include "rs.h"

static struct service *free_slot(void)
{
	for (int i = 0; i < NR_SERVICES; i++)
		if (!svc[i].used)
			return &svc[i];
	return 0;
}

static void adopt(const struct kinfo_proc *k)
{
	struct service *s = free_slot();
	if (!s)
		return;
	memset(s, 0, sizeof(*s));
	strncpy(s->label, k->name, sizeof(s->label) - 1);
	snprintf(s->path, sizeof(s->path), "/sbin/%s", k->name);
	if (svc_load_policy(s, 0) < 0 || svc_keep_copy(s) < 0) {
		printf("rs: %s: not managed\n", s->label);
		memset(s, 0, sizeof(*s));
		return;
	}
	s->used = true;
	s->ep = k->ep;
	svc_set_state(s, SVC_RUNNING, 0); /* boot drivers say no RS_INIT */
	s->started_ms = s->alive_ms = s->ping_ms = s->window_ms = clock_ms();
	pci_tell_acl(s); /* it may claim from its first heartbeat on */
}

void svc_boot_processes(void)
{
	static struct kinfo_proc tab[NR_PROCS];
	uint32_t n = 0;
	endpoint_t self = proc_self();
	if (sys_getinfo(GI_PROCTAB, tab, sizeof(tab), &n) < 0)
		return;
	for (uint32_t i = 0; i < n / sizeof(tab[0]); i++) {
		struct kinfo_proc *k = &tab[i];
		k->name[sizeof(k->name) - 1] = 0;
		if (k->ep < 0 || k->ep == self || !k->name[0])
			continue;
		ds_publish_label(k->name, k->ep, 0); /* no DS: -ESRCH */
		if (k->manager == self)
			adopt(k);
	}
}
