// SPDX-License-Identifier: BSD-2-Clause
/* sys_memmap: map (or with MM_COPY, fill) memory of a managed process. */
#include "libsys.h"

int sys_memmap(endpoint_t who, uint32_t vaddr, uint32_t len, uint32_t flags,
	       const void *src)
{
	message_t m;
	struct kc_memmap *a = KC_ARGS(&m, kc_memmap);
	a->who = who;
	a->vaddr = vaddr;
	a->len = len;
	a->flags = flags;
	a->src = (uint32_t)(uintptr_t)src;
	return kcall(SYS_MEMMAP, &m);
}
