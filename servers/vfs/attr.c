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
#define T_SOCK 0140000

/* The inode a descriptor names (the F-calls). */
static int fd_target(struct vproc *p, int32_t fd, uint32_t *ino,
		     struct fs_stat *st)
{
	struct filp *f = fd_get(p, fd);
	if (!f)
		return -EBADF;
	if (f->kind == FK_PIPE || f->kind == FK_SOCK)
		return -ESPIPE;
	*ino = f->ino;
	return fsio_stat(f->ino, st);
}

/* The inode a path in the caller's grant names. */
static int path_target(struct vproc *p, grant_id_t grant, uint32_t len,
		       uint32_t *ino, struct fs_stat *st)
{
	char path[VFS_PATH_MAX];
	int r = path_get(p->ep, grant, len, path);
	return r < 0 ? r : path_lookup(p, path, ino, st);
}

static int stat_out(int r, struct vfs_stat_reply *rep)
{
	rep->dev = mount_dev(rep->ino);
	rep->ino = VNO_INO(rep->ino);
	return r;
}

int do_stat(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	const struct vfs_path *q = &req->stat;
	struct vfs_stat_reply *out = &rep->stat;
	return stat_out(path_target(p, q->grant, q->len, &out->ino, &out->st),
			out);
}

int do_fstat(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	const struct vfs_fd *q = &req->fstat;
	struct vfs_stat_reply *out = &rep->fstat;
	struct filp *f = fd_get(p, q->fd);
	if (f && (f->kind == FK_PIPE || f->kind == FK_SOCK)) {
		memset(&out->st, 0, sizeof(out->st));
		out->st.mode =
			f->kind == FK_PIPE ? T_FIFO | 0600 : T_SOCK | 0777;
		out->st.nlinks = 1;
		out->st.uid = p->uid;
		out->st.gid = p->gid;
		return 0;
	}
	return stat_out(fd_target(p, q->fd, &out->ino, &out->st), out);
}

/* The wall clock, for utime's "now". */
static uint32_t now(void)
{
	struct kc_times t;
	return sys_times(&t) == 0 ? t.boot_time + (uint32_t)(t.ticks / t.hz)
				  : 0;
}

int do_chown(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_chown *q = &req->chown;
	uint32_t ino;
	struct fs_stat st;
	int r = path_target(p, q->grant, q->len, &ino, &st);
	if (r < 0)
		return r;
	if (p->uid != 0)
		return -EPERM;
	return fsio_chown(ino, q->uid == -1 ? st.uid : (uint16_t)q->uid,
			  q->gid == -1 ? st.gid : (uint16_t)q->gid);
}

int do_utime(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_utime *q = &req->utime;
	uint32_t ino;
	struct fs_stat st;
	int r = path_target(p, q->grant, q->len, &ino, &st);
	if (r < 0)
		return r;
	bool owner = p->uid == 0 || p->uid == st.uid;
	if (q->atime < 0) { /* both now */
		if (!owner && (r = perm_check(p, &st, 2)) < 0)
			return r;
		return fsio_utime(ino, now(), now());
	}
	if (!owner)
		return -EPERM;
	return fsio_utime(ino, (uint32_t)q->atime, (uint32_t)q->mtime);
}

/* chmod and fchmod, once the inode is found. */
static int chmod_ino(struct vproc *p, int r, uint32_t ino,
		     const struct fs_stat *st, uint32_t mode)
{
	if (r < 0)
		return r;
	if (p->uid != 0 && p->uid != st->uid)
		return -EPERM;
	return fsio_chmod(ino, (uint16_t)(mode & 07777));
}

int do_chmod(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_path_mode *q = &req->chmod;
	uint32_t ino;
	struct fs_stat st;
	int r = path_target(p, q->grant, q->len, &ino, &st);
	return chmod_ino(p, r, ino, &st, q->mode);
}

int do_fchmod(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_fchmod *q = &req->fchmod;
	uint32_t ino;
	struct fs_stat st;
	int r = fd_target(p, q->fd, &ino, &st);
	return chmod_ino(p, r, ino, &st, q->mode);
}

int do_access(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_access *q = &req->access;
	uint32_t ino;
	struct fs_stat st;
	if (q->want & ~7u)
		return -EINVAL;
	int r = path_target(p, q->grant, q->len, &ino, &st);
	return r < 0 ? r : perm_check(p, &st, (int)q->want);
}

/* chdir and fchdir, once the inode is found. */
static int chdir_ino(struct vproc *p, int r, uint32_t ino,
		     const struct fs_stat *st)
{
	if (r < 0)
		return r;
	if (S_TYPE(st->mode) != T_DIR)
		return -ENOTDIR;
	if ((r = perm_check(p, st, 1)) < 0)
		return r;
	p->cwd = ino;
	return 0;
}

int do_chdir(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_path *q = &req->chdir;
	uint32_t ino;
	struct fs_stat st;
	int r = path_target(p, q->grant, q->len, &ino, &st);
	return chdir_ino(p, r, ino, &st);
}

int do_fchdir(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	uint32_t ino;
	struct fs_stat st;
	int r = fd_target(p, req->fchdir.fd, &ino, &st);
	return chdir_ino(p, r, ino, &st);
}

int do_getcwd(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_buf *q = &req->getcwd;
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

/* statvfs and fstatvfs, once the inode is found. */
static int statvfs_ino(int r, uint32_t ino, struct vfs_statvfs_reply *out)
{
	struct fs_statvfs_reply fr;
	if (r < 0)
		return r;
	if ((r = fsio_statvfs(ino, &fr)) < 0)
		return r;
	out->blocks = fr.blocks;
	out->free_blocks = fr.free_blocks;
	out->inodes = fr.inodes;
	out->free_inodes = fr.free_inodes;
	out->flags = mount_flags(ino);
	out->dev = mount_dev(ino);
	return 0;
}

int do_statvfs(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	const struct vfs_path *q = &req->statvfs;
	uint32_t ino;
	struct fs_stat st;
	int r = path_target(p, q->grant, q->len, &ino, &st);
	return statvfs_ino(r, ino, &rep->statvfs);
}

int do_fstatvfs(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	uint32_t ino;
	struct fs_stat st;
	int r = fd_target(p, req->fstatvfs.fd, &ino, &st);
	return statvfs_ino(r, ino, &rep->fstatvfs);
}
