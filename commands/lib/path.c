// SPDX-License-Identifier: BSD-2-Clause
/*
 * Path names: joining a directory and a name, and a path's last
 * component (cmdlib.h).
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "cmdlib.h"

static char *alloc(size_t n)
{
	char *p = malloc(n);
	if (!p)
		err(1, "out of memory");
	return p;
}

char *join_path(const char *dir, const char *name)
{
	size_t d = strlen(dir);
	char *p = alloc(d + strlen(name) + 2);
	strcpy(p, dir);
	if (d > 0 && dir[d - 1] != '/')
		p[d++] = '/';
	strcpy(p + d, name);
	return p;
}

char *last_component(const char *path)
{
	size_t len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		len--;
	size_t start = len;
	while (start > 0 && path[start - 1] != '/')
		start--;
	char *s = alloc(len - start + 1);
	memcpy(s, path + start, len - start);
	s[len - start] = '\0';
	return s;
}
