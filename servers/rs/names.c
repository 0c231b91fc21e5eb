// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS is the only process DS lets publish labels (proto/ds.h).  A label
 * names a service's current instance: RS publishes it when the instance
 * says it is ready (RS_INIT), overwriting the previous instance's
 * endpoint, so clients that subscribe to the label (VFS) learn of every
 * restart.  The label is never deleted on a restart -- deleting it would
 * delete the keys the label owns, among them the state blob the new
 * instance wants -- only by `service down`.  Without DS (some tests) the
 * calls fail with -ESRCH and RS goes on.
 *
 * At its own start RS also publishes the boot processes (PM, VFS, FS,
 * MEMORY, TTY, ...) under their names, as MINIX's RS does for its boot
 * image: a process needs a label to subscribe, and VFS subscribes to
 * its drivers' labels.  Nothing else has run yet that could fork, so
 * the process table holds exactly the boot processes.
 */
#include <stdio.h>
#include <string.h>

#include "dsclient.h"
#include "rs.h"

void svc_publish(struct service *s)
{
	int r = ds_publish_label(s->label, s->ep, DSF_OVERWRITE);
	if (r < 0 && r != -ESRCH)
		printf("rs: %s: DS refused the label (error %d)\n", s->label,
		       r);
}

void svc_unpublish(struct service *s)
{
	int r = ds_delete(s->label);
	if (r < 0 && r != -ESRCH && r != -ENOENT)
		printf("rs: %s: DS kept the label (error %d)\n", s->label, r);
}

void svc_publish_boot(void)
{
	static struct kinfo_proc tab[NR_PROCS];
	uint32_t n = 0;
	if (sys_getinfo(GI_PROCTAB, tab, sizeof(tab), &n) < 0)
		return;
	endpoint_t self = proc_self();
	for (uint32_t i = 0; i < n / sizeof(tab[0]); i++) {
		struct kinfo_proc *k = &tab[i];
		k->name[sizeof(k->name) - 1] = 0;
		if (k->ep < 0 || k->ep == self || !k->name[0])
			continue;
		int r = ds_publish_label(k->name, k->ep, 0);
		if (r == -ESRCH)
			return; /* no DS */
	}
}
