// SPDX-License-Identifier: BSD-2-Clause
/* sys_dmarelease: free the quarantined DMA memory of a dead process
 * (or of all, ANY); *pages, if asked, gets how much. */
#include "libsys.h"

int sys_dmarelease(endpoint_t who, uint32_t *pages)
{
	message_t m;
	struct kc_dmarelease *a = KC_ARGS(&m, kc_dmarelease);
	a->who = who;
	a->pages = 0;
	int r = kcall(SYS_DMARELEASE, &m);
	if (pages)
		*pages = r == 0 ? a->pages : 0;
	return r;
}
