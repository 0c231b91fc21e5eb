// SPDX-License-Identifier: BSD-2-Clause
/*
 * proc_find: the endpoint of the live process called `name`, from the
 * kernel's process table, or NONE.  How servers find each other until
 * the data store exists.  proc_self: the caller's own endpoint (asked
 * each time: a process that forks itself gets a new one).
 */
#include <string.h>

#include "libsys.h"

endpoint_t proc_find(const char *name)
{
	static struct kinfo_proc tab[NR_PROCS];
	uint32_t n;
	if (sys_getinfo(GI_PROCTAB, tab, sizeof(tab), &n) < 0)
		return NONE;
	for (uint32_t i = 0; i < n / sizeof(tab[0]); i++)
		if (strcmp(tab[i].name, name) == 0)
			return tab[i].ep;
	return NONE;
}

endpoint_t proc_self(void)
{
	struct kinfo_proc me;
	uint32_t n;
	if (sys_getinfo(GI_SELF, &me, sizeof(me), &n) < 0)
		return NONE;
	return me.ep;
}
