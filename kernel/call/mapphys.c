// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_MAPPHYS: map a physical range the caller's privileges list (VGA
 * text memory, a device's memory BAR) at an unused, page-aligned address
 * of the caller.  The pages are not the caller's: they are never freed
 * when it ends, and a fork shares rather than copies them.
 */
#include "abi/errno.h"
#include "arch/i386/arch.h"
#include "deny.h"
#include "kcall.h"
#include "priv.h"
#include "vm.h"

int do_mapphys(struct proc *caller, message_t *m)
{
	struct kc_mem *a = KC_ARGS(m, kc_mem);
	if ((a->vaddr | a->phys) & ~PAGE_MASK || a->len == 0 ||
	    a->len > USER_TOP)
		return -EINVAL;
	uint32_t n = (a->len + PAGE_SIZE - 1) / PAGE_SIZE;
	if (a->phys + n * PAGE_SIZE - 1 < a->phys)
		return -EINVAL;
	if (!priv_may_map(caller, a->phys, n * PAGE_SIZE))
		return deny(caller, DENY_MEM, a->phys, -EPERM);
	if (!as_unmapped(caller->pd, a->vaddr, n * PAGE_SIZE))
		return -EFAULT;
	return as_map(caller->pd, a->vaddr, a->phys, n, AS_WRITE | AS_DEVICE);
}
