// SPDX-License-Identifier: BSD-2-Clause
/*
 * Path names: fetched from the program's grant, then resolved one
 * component at a time with FS_LOOKUP from the root (every path is taken
 * as absolute until processes have working directories).
 */
#include <string.h>

#include "vfs.h"

int path_get(endpoint_t who, const struct vfs_request *q, char *path)
{
	if (q->len == 0)
		return -ENOENT;
	if (q->len >= VFS_PATH_MAX)
		return -ENAMETOOLONG;
	int r = sys_safecopyfrom(who, q->grant, 0, path, q->len);
	if (r < 0)
		return r == -EPERM ? -EFAULT : r;
	path[q->len] = 0;
	return strlen(path) == q->len ? 0 : -EINVAL;
}

/* Copy the next component of *p into part; 0 when none is left. */
static int next(const char **p, char part[FS_NAME_MAX + 1])
{
	while (**p == '/')
		(*p)++;
	size_t n = strcspn(*p, "/");
	if (n == 0)
		return 0;
	if (n > FS_NAME_MAX)
		return -ENAMETOOLONG;
	memcpy(part, *p, n);
	part[n] = 0;
	*p += n;
	return 1;
}

int path_lookup(const char *path, uint32_t *ino, struct fs_stat *st)
{
	char part[FS_NAME_MAX + 1];
	struct fs_reply rep;
	struct fs_request q = {.ino = 1};
	int r = fs_call(FS_STAT, &q, &rep);
	*ino = 1;
	while (r >= 0 && (r = next(&path, part)) > 0) {
		if ((rep.st.mode & 0170000) != 0040000)
			return -ENOTDIR;
		r = fs_named(FS_LOOKUP, *ino, part, 0, &rep);
		*ino = rep.ino;
	}
	if (r < 0)
		return r;
	*st = rep.st;
	return 0;
}

int path_parent(const char *path, uint32_t *dir, char *last)
{
	char buf[VFS_PATH_MAX];
	struct fs_stat st;
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--; /* "a/b/" names b */
	memcpy(buf, path, n);
	buf[n] = 0;
	char *slash = strrchr(buf, '/');
	const char *name = slash ? slash + 1 : buf;
	if (!*name || !strcmp(name, ".") || !strcmp(name, ".."))
		return -EINVAL;
	if (strlen(name) > FS_NAME_MAX)
		return -ENAMETOOLONG;
	strcpy(last, name);
	if (slash)
		slash[1] = 0;
	else
		buf[0] = 0;
	int r = path_lookup(buf, dir, &st);
	if (r == 0 && (st.mode & 0170000) != 0040000)
		r = -ENOTDIR;
	return r;
}
