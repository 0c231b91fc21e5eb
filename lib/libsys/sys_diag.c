// SPDX-License-Identifier: BSD-2-Clause
/* sys_diag: write len bytes to the kernel log, in pieces if need be. */
#include "libsys.h"

int sys_diag(const char *buf, uint32_t len)
{
	while (len) {
		message_t m;
		struct kc_diag *a = KC_ARGS(&m, kc_diag);
		uint32_t n = len < KC_DIAG_MAX ? len : KC_DIAG_MAX;
		a->buf = (uint32_t)(uintptr_t)buf;
		a->len = n;
		int r = kcall(SYS_DIAG, &m);
		if (r < 0)
			return r;
		buf += n;
		len -= n;
	}
	return 0;
}
