// SPDX-License-Identifier: BSD-2-Clause
/*
 * Finding a server by name (from the kernel's process table), once per
 * program: until the data store exists, names are how the C library
 * finds VFS and PM.
 */
#include "server.h"

endpoint_t libc_server(const char *name, endpoint_t *cache)
{
	if (*cache == NONE)
		*cache = proc_find(name);
	return *cache;
}
