// SPDX-License-Identifier: BSD-2-Clause
/*
 * Where PM and VFS are.  A program started by exec is told on its stack
 * (abi/startup.h); a boot process looks them up by name in the kernel's
 * process table, once.
 */
#include "libc.h"

static endpoint_t pm_ep = NONE, vfs_ep = NONE;

void libc_set_servers(endpoint_t pm, endpoint_t vfs)
{
	pm_ep = pm;
	vfs_ep = vfs;
}

endpoint_t libc_pm(void)
{
	if (pm_ep == NONE)
		pm_ep = proc_find("pm");
	return pm_ep;
}

endpoint_t libc_vfs(void)
{
	if (vfs_ep == NONE)
		vfs_ep = proc_find("vfs");
	return vfs_ep;
}
