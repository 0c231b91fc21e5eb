// SPDX-License-Identifier: BSD-2-Clause
/*
 * Path names: fetched from the program's grant, then resolved one
 * component at a time with fsio_lookup, from the root for "/..." and from
 * the process's working directory otherwise.  Every directory passed
 * through must be searchable (x) by the process.  The walk crosses
 * mounts both ways: arriving at a mount point it goes on at the root of
 * the volume mounted there, and ".." at a volume's root is looked up in
 * the directory it is mounted on (mount.c).  path_of goes the other
 * way, for getcwd: up through ".." to the root, finding each directory's
 * name in its parent.
 */
#include <string.h>

#include "vfs.h"

int path_get(endpoint_t who, grant_id_t grant, uint32_t len, char *path)
{
	if (len == 0)
		return -ENOENT;
	if (len >= VFS_PATH_MAX)
		return -ENAMETOOLONG;
	int r = sys_safecopyfrom(who, grant, 0, path, len);
	if (r < 0)
		return r == -EPERM ? -EFAULT : r;
	path[len] = 0;
	return strlen(path) == len ? 0 : -EINVAL;
}

int path_two(struct vproc *p, grant_id_t grant, uint32_t len, char *a, char *b)
{
	char both[2 * VFS_PATH_MAX];
	if (len < 4 || len > sizeof(both))
		return len < 4 ? -ENOENT : -ENAMETOOLONG;
	int r = sys_safecopyfrom(p->ep, grant, 0, both, len);
	if (r < 0)
		return -EFAULT;
	size_t na = strnlen(both, len);
	if (na + 1 >= len || both[len - 1])
		return -EINVAL;
	size_t nb = strlen(both + na + 1);
	if (na >= VFS_PATH_MAX || nb >= VFS_PATH_MAX)
		return -ENAMETOOLONG;
	if (na == 0 || nb == 0)
		return -ENOENT;
	memcpy(a, both, na + 1);
	memcpy(b, both + na + 1, nb + 1);
	return 0;
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

/* One step of a walk: `part` in directory *ino, across mounts. */
static int step(uint32_t *ino, const char *part, struct fs_stat *st)
{
	uint32_t dir = *ino, found;
	if (!strcmp(part, "..") && mount_is_root(dir) && VNO_MNT(dir))
		dir = mount_up(dir); /* out of a mounted volume */
	int r = fsio_lookup(dir, part, &found, st);
	if (r < 0)
		return r;
	*ino = mount_down(found); /* into one mounted here */
	if (*ino == found)
		return 0;
	return fsio_stat(*ino, st);
}

int path_lookup(struct vproc *p, const char *path, uint32_t *ino,
		struct fs_stat *st)
{
	char part[FS_NAME_MAX + 1];
	struct fs_stat at;
	if (!path[0])
		return -ENOENT;
	*ino = path[0] == '/' ? VNO(0, ROOT_INO) : p->cwd;
	int r = fsio_stat(*ino, &at);
	while (r >= 0 && (r = next(&path, part)) > 0) {
		if (S_TYPE(at.mode) != T_DIR)
			return -ENOTDIR;
		if ((r = perm_check(p, &at, 1)) < 0)
			return r;
		r = step(ino, part, &at);
	}
	if (r < 0)
		return r;
	*st = at;
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

/* The name under which `child` appears in `dir` (the same volume). */
static int name_in(uint32_t dir, uint32_t child, char *name)
{
	struct fs_dirent e[8];
	uint32_t pos = 0;
	int n;
	while ((n = fsio_getdents_local(dir, &pos, e, 8)) > 0)
		for (int i = 0; i < n; i++)
			if (e[i].ino == VNO_INO(child) &&
			    strcmp(e[i].name, ".") && strcmp(e[i].name, "..")) {
				strcpy(name, e[i].name);
				return 0;
			}
	return n < 0 ? n : -ENOENT;
}

int path_of(uint32_t dir, char *buf, uint32_t size)
{
	char name[FS_NAME_MAX + 1];
	uint32_t len = 0; /* built from the end of buf backwards */
	uint32_t parent;
	for (int depth = 0; dir != VNO(0, ROOT_INO); depth++) {
		dir = mount_up(dir); /* a volume's root: its mount point */
		if (dir == VNO(0, ROOT_INO))
			break;
		int r = fsio_lookup(dir, "..", &parent, 0);
		if (r == 0)
			r = name_in(parent, dir, name);
		if (r < 0)
			return r;
		uint32_t n = (uint32_t)strlen(name);
		if (len + n + 2 > size || depth > 512)
			return -ERANGE;
		memmove(buf + n + 1, buf, len);
		buf[0] = '/';
		memcpy(buf + 1, name, n);
		len += n + 1;
		dir = parent;
	}
	if (len == 0) {
		if (size < 2)
			return -ERANGE;
		buf[len++] = '/';
	}
	buf[len] = 0;
	return (int)len + 1;
}
