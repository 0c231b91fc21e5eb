// SPDX-License-Identifier: BSD-2-Clause
/* sys_getksig: collect news about a managed process (who = NONE: none). */
#include "libsys.h"

int sys_getksig(struct kc_getksig *out)
{
	message_t m;
	int r = kcall(SYS_GETKSIG, &m);
	if (r == 0)
		*out = *KC_ARGS(&m, kc_getksig);
	return r;
}
