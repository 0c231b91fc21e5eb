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
 * The boot processes' labels are published at RS's start (adopt.c).
 */
#include <stdio.h>

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
