// SPDX-License-Identifier: BSD-2-Clause
/*
 * Directory entries: mkdir, unlink, rmdir, link and rename.  Each needs
 * write and search permission on the directories it changes; the file
 * server does the rest (and refuses what the file system cannot do,
 * such as unlinking a directory or renaming one under itself).  A
 * directory with a volume mounted on it cannot be removed or renamed
 * (EBUSY), and link and rename stay within one volume (EXDEV).  In a
 * sticky directory (such as /tmp) an entry may be removed, renamed or
 * replaced by a rename only by its owner, the directory's owner or root
 * (perm.c).
 */
#include <string.h>

#include "vfs.h"

static int dir_writable(struct vproc *p, uint32_t dir)
{
	struct fs_stat st;
	int r = fsio_stat(dir, &st);
	return r < 0 ? r : perm_check(p, &st, 3);
}

/* May p take the entry `last` out of dir (unlink, rmdir, either end of
 * a rename)?  Write and search permission on dir, and the sticky rule;
 * a name that is not there is left to the file server to refuse. */
static int may_remove(struct vproc *p, uint32_t dir, const char *last)
{
	struct fs_stat d, e;
	uint32_t ino;
	int r = fsio_stat(dir, &d);
	if (r == 0)
		r = perm_check(p, &d, 3);
	if (r < 0 || !(d.mode & T_STICKY))
		return r;
	r = fsio_lookup(dir, last, &ino, &e);
	if (r == -ENOENT)
		return 0;
	return r < 0 ? r : perm_sticky(p, &d, &e);
}

/* EBUSY if path names a mount point (which the walk turns into the
 * root of the volume mounted there). */
static int not_mount_point(struct vproc *p, const char *path)
{
	uint32_t ino;
	struct fs_stat st;
	if (path_lookup(p, path, &ino, &st) < 0)
		return 0; /* the caller's own checks say what is wrong */
	return VNO_MNT(ino) && mount_is_root(ino) ? -EBUSY : 0;
}

/* mkdir (with mode), unlink and rmdir of the path in grant/len. */
static int named(struct vproc *p, int type, grant_id_t grant, uint32_t len,
		 uint32_t mode)
{
	char path[VFS_PATH_MAX], last[FS_NAME_MAX + 1];
	uint32_t dir, ino;
	struct fs_stat st;
	int r = path_get(p->ep, grant, len, path);
	if (r == 0)
		r = path_parent(p, path, &dir, last);
	if (r == -EEXIST && type == VFS_RMDIR)
		r = -EBUSY; /* rmdir("/") */
	if (r == 0 && type != VFS_MKDIR)
		r = not_mount_point(p, path);
	if (r == 0)
		r = type == VFS_MKDIR ? dir_writable(p, dir)
				      : may_remove(p, dir, last);
	if (r < 0)
		return r;
	if (type == VFS_MKDIR)
		return fsio_create(
			dir, last,
			(uint16_t)(T_DIR | (mode & 07777 & ~p->umask)), p->uid,
			p->gid, 0, &ino, &st);
	return type == VFS_UNLINK ? fsio_unlink(dir, last)
				  : fsio_rmdir(dir, last);
}

int do_mkdir(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_path_mode *q = &req->mkdir;
	return named(p, VFS_MKDIR, q->grant, q->len, q->mode);
}

int do_unlink(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	return named(p, VFS_UNLINK, req->unlink.grant, req->unlink.len, 0);
}

int do_rmdir(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	return named(p, VFS_RMDIR, req->rmdir.grant, req->rmdir.len, 0);
}

/* link and rename: "old\0new\0" in the grant. */
static int two_names(struct vproc *p, int type, const struct vfs_path *q)
{
	char a[VFS_PATH_MAX], b[VFS_PATH_MAX];
	char alast[FS_NAME_MAX + 1], blast[FS_NAME_MAX + 1];
	uint32_t adir, bdir, ino;
	struct fs_stat st;
	int r = path_two(p, q->grant, q->len, a, b);
	if (r == 0)
		r = path_lookup(p, a, &ino, &st);
	if (r == 0)
		r = not_mount_point(p, a);
	if (r == 0 && type == VFS_RENAME)
		r = not_mount_point(p, b);
	if (r == 0)
		r = path_parent(p, b, &bdir, blast);
	if (r == 0)
		r = type == VFS_RENAME ? may_remove(p, bdir, blast)
				       : dir_writable(p, bdir);
	if (r < 0)
		return r == -EEXIST ? -EBUSY : r;
	if (type == VFS_LINK) {
		if (S_TYPE(st.mode) == T_DIR)
			return -EPERM;
		return fsio_link(bdir, blast, ino);
	}
	if ((r = path_parent(p, a, &adir, alast)) < 0)
		return r == -EEXIST ? -EBUSY : r;
	if ((r = may_remove(p, adir, alast)) < 0)
		return r;
	return fsio_rename(adir, alast, bdir, blast);
}

int do_link(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	return two_names(p, VFS_LINK, &req->link);
}

int do_rename(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	return two_names(p, VFS_RENAME, &req->rename);
}
