// SPDX-License-Identifier: BSD-2-Clause
/*
 * A file's attributes and the process's place in the tree: stat, fstat,
 * chmod, chown, utime, access, chdir, fchdir, getcwd, statvfs.
 *
 * Only the owner (or root) may chmod a file or set its times; setting
 * them to now needs only write permission.  Only root may chown.  access(2) checks with the process's ids what open would.
 */
#include <string.h>

#include "vfs.h"

#define T_FIFO 0010000

/* The inode a request names: by path, or by descriptor (F-calls). */
static int target(struct vproc *p, int type, const struct vfs_request *q,
		  uint32_t *ino, struct fs_stat *st)
{
	if (type == VFS_FSTAT || type == VFS_FCHMOD || type == VFS_FCHDIR ||
	    type == VFS_FSTATVFS) {
		struct filp *f = fd_get(p, q->fd);
		if (!f)
			return -EBADF;
		if (f->kind == FK_PIPE)
			return -ESPIPE;
		*ino = f->ino;
		return fsio_stat(f->ino, st);
	}
	char path[VFS_PATH_MAX];
	int r = path_get(p->ep, q, path);
	return r < 0 ? r : path_lookup(p, path, ino, st);
}

int do_stat(struct vproc *p, int type, const struct vfs_request *q,
	    struct vfs_reply *rep)
{
	struct filp *f = type == VFS_FSTAT ? fd_get(p, q->fd) : 0;
	if (f && f->kind == FK_PIPE) {
		memset(&rep->st, 0, sizeof(rep->st));
		rep->st.mode = T_FIFO | 0600;
		rep->st.nlinks = 1;
		rep->st.uid = p->uid;
		rep->st.gid = p->gid;
		return 0;
	}
	int r = target(p, type, q, &rep->ino, &rep->st);
	rep->dev = mount_dev(rep->ino);
	rep->ino = VNO_INO(rep->ino);
	return r;
}

/* The wall clock, for utime's "now". */
static uint32_t now(void)
{
	struct kc_times t;
	return sys_times(&t) == 0 ? t.boot_time + (uint32_t)(t.ticks / t.hz)
				  : 0;
}

int do_attr(struct vproc *p, int type, const struct vfs_request *q)
{
	uint32_t ino;
	struct fs_stat st;
	int r = target(p, type, q, &ino, &st);
	if (r < 0)
		return r;
	if (type == VFS_CHOWN) {
		if (p->uid != 0)
			return -EPERM;
		return fsio_chown(ino,
				  q->mode == 0xffffffffu ? st.uid
							 : (uint16_t)q->mode,
				  q->arg == -1 ? st.gid : (uint16_t)q->arg);
	}
	bool owner = p->uid == 0 || p->uid == st.uid;
	if (type == VFS_UTIME && q->pos < 0) { /* both now */
		if (!owner && (r = perm_check(p, &st, 2)) < 0)
			return r;
		return fsio_utime(ino, now(), now());
	}
	if (!owner)
		return -EPERM;
	if (type == VFS_UTIME)
		return fsio_utime(ino, (uint32_t)q->pos, (uint32_t)q->arg);
	return fsio_chmod(ino, (uint16_t)(q->mode & 07777));
}

int do_access(struct vproc *p, const struct vfs_request *q)
{
	uint32_t ino;
	struct fs_stat st;
	if (q->mode & ~7u)
		return -EINVAL;
	int r = target(p, VFS_ACCESS, q, &ino, &st);
	return r < 0 ? r : perm_check(p, &st, (int)q->mode);
}

int do_chdir(struct vproc *p, int type, const struct vfs_request *q)
{
	uint32_t ino;
	struct fs_stat st;
	int r = target(p, type, q, &ino, &st);
	if (r < 0)
		return r;
	if (S_TYPE(st.mode) != T_DIR)
		return -ENOTDIR;
	if ((r = perm_check(p, &st, 1)) < 0)
		return r;
	p->cwd = ino;
	return 0;
}

int do_getcwd(struct vproc *p, const struct vfs_request *q)
{
	char buf[VFS_PATH_MAX];
	if (q->len == 0)
		return -EINVAL;
	int n = path_of(p->cwd, buf, sizeof(buf));
	if (n < 0)
		return n;
	if ((uint32_t)n > q->len)
		return -ERANGE;
	int r = sys_safecopyto(p->ep, q->grant, 0, buf, (uint32_t)n);
	return r < 0 ? -EFAULT : n;
}

int do_statvfs(struct vproc *p, int type, const struct vfs_request *q,
	       struct vfs_reply *rep)
{
	uint32_t ino;
	struct fs_stat st;
	struct fs_statvfs_reply fr;
	int r = target(p, type, q, &ino, &st);
	if (r < 0)
		return r;
	if ((r = fsio_statvfs(ino, &fr)) < 0)
		return r;
	rep->st = (struct fs_stat){.size = fr.free_blocks,
				   .atime = fr.free_inodes,
				   .mtime = fr.blocks,
				   .ctime = fr.inodes};
	rep->st.mode = (uint16_t)mount_flags(ino);
	rep->dev = mount_dev(ino);
	return 0;
}
