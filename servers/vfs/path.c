// SPDX-License-Identifier: BSD-2-Clause
/*
 * Path names: fetched from the program's grant, then resolved one
 * component at a time with FS_LOOKUP, from the root for "/..." and from
 * the process's working directory otherwise.  Every directory passed
 * through must be searchable (x) by the process.  path_of goes the other
 * way, for getcwd: up through ".." to the root, finding each directory's
 * name in its parent.
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

int path_lookup(struct vproc *p, const char *path, uint32_t *ino,
		struct fs_stat *st)
{
	char part[FS_NAME_MAX + 1];
	struct fs_reply rep;
	struct fs_request q = {.ino = path[0] == '/' ? ROOT_INO : p->cwd};
	if (!path[0])
		return -ENOENT;
	int r = fs_call(FS_STAT, &q, &rep);
	*ino = q.ino;
	while (r >= 0 && (r = next(&path, part)) > 0) {
		if (S_TYPE(rep.st.mode) != T_DIR)
			return -ENOTDIR;
		if ((r = perm_check(p, &rep.st, 1)) < 0)
			return r;
		r = fs_named(FS_LOOKUP, *ino, part, 0, &rep);
		*ino = rep.ino;
	}
	if (r < 0)
		return r;
	*st = rep.st;
	return 0;
}

int path_parent(struct vproc *p, const char *path, uint32_t *dir, char *last)
{
	char buf[VFS_PATH_MAX];
	struct fs_stat st;
	size_t n = strlen(path);
	if (n == 0)
		return -ENOENT;
	while (n > 1 && path[n - 1] == '/')
		n--; /* "a/b/" names b */
	memcpy(buf, path, n);
	buf[n] = 0;
	char *slash = strrchr(buf, '/');
	const char *name = slash ? slash + 1 : buf;
	if (!*name || !strcmp(name, ".") || !strcmp(name, ".."))
		return *name ? -EINVAL : -EEXIST; /* "/" itself */
	if (strlen(name) > FS_NAME_MAX)
		return -ENAMETOOLONG;
	strcpy(last, name);
	if (slash)
		slash[1] = 0;
	else
		strcpy(buf, ".");
	int r = path_lookup(p, buf, dir, &st);
	if (r == 0 && S_TYPE(st.mode) != T_DIR)
		r = -ENOTDIR;
	return r;
}

/* The name under which `child` appears in `dir`. */
static int name_in(uint32_t dir, uint32_t child, char *name)
{
	struct fs_dirent e[8];
	uint32_t pos = 0;
	int n;
	while ((n = fs_getdents_local(dir, &pos, e, 8)) > 0)
		for (int i = 0; i < n; i++)
			if (e[i].ino == child && strcmp(e[i].name, ".") &&
			    strcmp(e[i].name, "..")) {
				strcpy(name, e[i].name);
				return 0;
			}
	return n < 0 ? n : -ENOENT;
}

int path_of(uint32_t dir, char *buf, uint32_t size)
{
	char name[FS_NAME_MAX + 1];
	uint32_t len = 0; /* built from the end of buf backwards */
	struct fs_reply rep;
	for (int depth = 0; dir != ROOT_INO; depth++) {
		int r = fs_named(FS_LOOKUP, dir, "..", 0, &rep);
		if (r == 0)
			r = name_in(rep.ino, dir, name);
		if (r < 0)
			return r;
		uint32_t n = (uint32_t)strlen(name);
		if (len + n + 2 > size || depth > 512)
			return -ERANGE;
		memmove(buf + n + 1, buf, len);
		buf[0] = '/';
		memcpy(buf + 1, name, n);
		len += n + 1;
		dir = rep.ino;
	}
	if (len == 0) {
		if (size < 2)
			return -ERANGE;
		buf[len++] = '/';
	}
	buf[len] = 0;
	return (int)len + 1;
}
