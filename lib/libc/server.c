// SPDX-License-Identifier: BSD-2-Clause
/*
 * Finding a server by name (from the kernel's process table), once per
 * program: until the data store exists, names are how the C library
 * finds VFS and PM.
 */
#include <string.h>

#include "server.h"

endpoint_t libc_server(const char *name, endpoint_t *cache)
{
	static struct kinfo_proc tab[NR_PROCS];
	uint32_t n;
	if (*cache != NONE && *cache != 0)
		return *cache;
	*cache = NONE;
	if (sys_getinfo(GI_PROCTAB, tab, sizeof(tab), &n) < 0)
		return NONE;
	for (uint32_t i = 0; i < n / sizeof(tab[0]); i++)
		if (strcmp(tab[i].name, name) == 0)
			*cache = tab[i].ep;
	return *cache;
}
