// SPDX-License-Identifier: BSD-2-Clause
/* sys_getinfo: copy a kernel table (GI_*) into buf.  sys_getpriv: the
 * privileges of process `who` (GI_PRIV). */
#include "libsys.h"

int sys_getinfo(uint32_t what, void *buf, uint32_t len, uint32_t *copied)
{
	message_t m;
	struct kc_getinfo *a = KC_ARGS(&m, kc_getinfo);
	a->what = what;
	a->buf = (uint32_t)(uintptr_t)buf;
	a->len = len;
	a->who = NONE;
	int r = kcall(SYS_GETINFO, &m);
	if (r == 0 && copied)
		*copied = a->copied;
	return r;
}

int sys_getpriv(endpoint_t who, struct kinfo_priv *out)
{
	message_t m;
	struct kc_getinfo *a = KC_ARGS(&m, kc_getinfo);
	a->what = GI_PRIV;
	a->buf = (uint32_t)(uintptr_t)out;
	a->len = sizeof(*out);
	a->who = who;
	return kcall(SYS_GETINFO, &m);
}
