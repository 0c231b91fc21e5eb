// SPDX-License-Identifier: BSD-2-Clause
/*
 * proc_find: the endpoint of the live process called `name`, from the
 * kernel's process table, or NONE.  How servers find each other until
 * the data store exists.  proc_name: the reverse, the name of the
 * process at `ep` (a service's name is its label).  proc_self: the
 * caller's own endpoint (asked each time: a process that forks itself
 * gets a new one).
 */
#include <string.h>

#include "libsys.h"

static struct kinfo_proc tab[NR_PROCS];

/* The process table's entries, or 0 if it cannot be read. */
static uint32_t read_table(void)
{
	uint32_t n;
	if (sys_getinfo(GI_PROCTAB, tab, sizeof(tab), &n) < 0)
		return 0;
	return n / sizeof(tab[0]);
}

endpoint_t proc_find(const char *name)
{
	uint32_t n = read_table();
	for (uint32_t i = 0; i < n; i++)
		if (strcmp(tab[i].name, name) == 0)
			return tab[i].ep;
	return NONE;
}

int proc_name(endpoint_t ep, char *buf, uint32_t size)
{
	uint32_t n = read_table();
	for (uint32_t i = 0; i < n; i++) {
		if (tab[i].ep != ep || ep == NONE)
			continue;
		tab[i].name[sizeof(tab[i].name) - 1] = 0;
		if (strlen(tab[i].name) >= size)
			return -ERANGE;
		strcpy(buf, tab[i].name);
		return 0;
	}
	return -ESRCH;
}

endpoint_t proc_self(void)
{
	struct kinfo_proc me;
	uint32_t n;
	if (sys_getinfo(GI_SELF, &me, sizeof(me), &n) < 0)
		return NONE;
	return me.ep;
}
