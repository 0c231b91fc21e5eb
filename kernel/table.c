// SPDX-License-Identifier: BSD-2-Clause
/*
 * Looking a module's name up in the boot-image table (see table.h; the
 * table itself is generated from policy files).  The first entry that
 * matches wins, so specific names come before patterns.
 */
#include "table.h"

#include "lib.h"

static bool matches(const char *pattern, const char *name)
{
	size_t n = strlen(pattern);
	if (n && pattern[n - 1] == '*')
		return memcmp(pattern, name, n - 1) == 0;
	return strlen(name) == n && memcmp(pattern, name, n) == 0;
}

const struct boot_entry *boot_entry_find(const char *name)
{
	for (int i = 0; i < nr_boot_entries; i++)
		if (matches(boot_table[i].name, name))
			return &boot_table[i];
	return 0;
}
