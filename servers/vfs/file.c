// SPDX-License-Identifier: BSD-2-Clause
/*
 * read, write, ioctl, lseek, getdents, truncate and ftruncate.
 *
 * read and write check the descriptor and its access mode, then go to
 * whatever the filp is: a pipe (pipe.c), a character device (cdev.c),
 * a block device (bdev.c) or a file on the file server, whose data flows straight between FS
 * and the program's grant.  O_APPEND puts every write at the end.
 */
#include "vfs.h"

static int file_rw(struct vproc *p, struct filp *f, int type,
		   const struct vfs_io *q)
{
	struct fs_stat st;
	if (type == VFS_READ && S_TYPE(f->mode) == T_DIR)
		return -EISDIR;
	if (type == VFS_WRITE && f->flags & VO_APPEND) {
		int r = fsio_stat(f->ino, &st);
		if (r < 0)
			return r;
		f->pos = st.size;
	}
	int r = type == VFS_READ
			? fsio_read(f->ino, f->pos, p->ep, q->grant, q->len)
			: fsio_write(f->ino, f->pos, p->ep, q->grant, q->len);
	if (r == -EPERM)
		r = -EFAULT; /* the program's own grant was bad */
	if (r > 0)
		f->pos += r;
	return r;
}

static int rw(struct vproc *p, int type, const struct vfs_io *q)
{
	struct filp *f = fd_get(p, q->fd);
	if (!f)
		return -EBADF;
	uint32_t acc = f->flags & VO_ACCMODE;
	if ((type == VFS_READ && acc == VO_WRONLY) ||
	    (type == VFS_WRITE && acc == VO_RDONLY))
		return -EBADF;
	if (q->len > 0x7fffffff)
		return -EINVAL;
	switch (f->kind) {
	case FK_PIPE:
		return pipe_rw(p, f, type, q);
	case FK_CDEV:
	case FK_SOCK:
		return cdev_rw(p, f, type, q);
	case FK_BDEV:
		return bdev_rw(p, f, type, q);
	default:
		return q->len ? file_rw(p, f, type, q) : 0;
	}
}

int do_read(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	return rw(p, VFS_READ, &req->read);
}

int do_write(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	return rw(p, VFS_WRITE, &req->write);
}

int do_ioctl(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	struct filp *f = fd_get(p, req->ioctl.fd);
	if (!f)
		return -EBADF;
	return f->kind == FK_CDEV || f->kind == FK_SOCK
		       ? cdev_ioctl(p, f, &req->ioctl)
		       : -ENOTTY;
}

int do_lseek(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	const struct vfs_lseek *q = &req->lseek;
	struct filp *f = fd_get(p, q->fd);
	struct fs_stat st;
	int64_t base;
	if (!f)
		return -EBADF;
	if (f->kind == FK_PIPE || f->kind == FK_SOCK)
		return -ESPIPE;
	switch (q->whence) {
	case 0:
		base = 0;
		break;
	case 1:
		base = f->pos;
		break;
	case 2: {
		if (f->kind == FK_BDEV) {
			base = (int64_t)f->size;
			break;
		}
		int r = fsio_stat(f->ino, &st);
		if (r < 0)
			return r;
		base = st.size;
		break;
	}
	default:
		return -EINVAL;
	}
	if (q->pos < -base || base + q->pos > 0x7fffffff)
		return q->pos < -base ? -EINVAL : -EOVERFLOW;
	f->pos = base + q->pos;
	rep->lseek.pos = f->pos;
	return 0;
}

int do_getdents(struct vproc *p, const union vfs_req *req, union vfs_rep *reply)
{
	(void)reply;
	const struct vfs_io *q = &req->getdents;
	struct filp *f = fd_get(p, q->fd);
	if (!f)
		return -EBADF;
	if (f->kind != FK_INODE || S_TYPE(f->mode) != T_DIR)
		return -ENOTDIR;
	int r = fsio_getdents(f->ino, &f->pos, p->ep, q->grant, q->len);
	return r == -EPERM ? -EFAULT : r;
}

/* ftruncate and truncate, once the inode is found. */
static int truncate_ino(int r, uint32_t ino, int64_t size)
{
	if (r < 0)
		return r;
	return fsio_trunc(ino, (uint64_t)size);
}

static int size_check(int64_t size)
{
	if (size < 0)
		return -EINVAL;
	return size > 0x7fffffff ? -EFBIG : 0;
}

int do_ftruncate(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_ftruncate *q = &req->ftruncate;
	int r = size_check(q->size);
	if (r < 0)
		return r;
	struct filp *f = fd_get(p, q->fd);
	if (!f)
		return -EBADF;
	if (f->kind != FK_INODE || (f->flags & VO_ACCMODE) == VO_RDONLY)
		return f->kind != FK_INODE ? -EINVAL : -EBADF;
	return truncate_ino(0, f->ino, q->size);
}

int do_truncate(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_truncate *q = &req->truncate;
	uint32_t ino = 0;
	struct fs_stat st;
	char path[VFS_PATH_MAX];
	int r = size_check(q->size);
	if (r == 0)
		r = path_get(p->ep, q->grant, q->len, path);
	if (r == 0)
		r = path_lookup(p, path, &ino, &st);
	if (r == 0 && S_TYPE(st.mode) == T_DIR)
		r = -EISDIR;
	if (r == 0)
		r = perm_check(p, &st, 2);
	return truncate_ino(r, ino, q->size);
}
