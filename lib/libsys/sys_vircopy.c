// SPDX-License-Identifier: BSD-2-Clause
/* sys_vircopy: copy len bytes between two processes (SELF allowed). */
#include "libsys.h"

int sys_vircopy(endpoint_t src, const void *src_addr, endpoint_t dst,
		void *dst_addr, uint32_t len)
{
	message_t m;
	struct kc_vircopy *a = KC_ARGS(&m, kc_vircopy);
	a->src = src;
	a->src_addr = (uint32_t)(uintptr_t)src_addr;
	a->dst = dst;
	a->dst_addr = (uint32_t)(uintptr_t)dst_addr;
	a->len = len;
	return kcall(SYS_VIRCOPY, &m);
}
