// SPDX-License-Identifier: BSD-2-Clause
/*
 * read, write, lseek, getdents and truncate.
 *
 * read and write check the descriptor and its access mode, then go to
 * whatever the filp is: a pipe (pipe.c), a character device (cdev.c),
 * a block device (bdev.c) or a file on the file server, whose data flows straight between FS
 * and the program's grant.  O_APPEND puts every write at the end.
 */
#include "vfs.h"

static int file_rw(struct vproc *p, struct filp *f, int type,
		   const struct vfs_request *q)
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

int do_rw(struct vproc *p, int type, const struct vfs_request *q)
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
		return cdev_rw(p, f, type, q);
	case FK_BDEV:
		return bdev_rw(p, f, type, q);
	default:
		return q->len ? file_rw(p, f, type, q) : 0;
	}
}

int do_lseek(struct vproc *p, const struct vfs_request *q,
	     struct vfs_reply *rep)
{
	struct filp *f = fd_get(p, q->fd);
	struct fs_stat st;
	int64_t base;
	if (!f)
		return -EBADF;
	if (f->kind == FK_PIPE)
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
	rep->pos = f->pos;
	return 0;
}

int do_getdents(struct vproc *p, const struct vfs_request *q)
{
	struct filp *f = fd_get(p, q->fd);
	if (!f)
		return -EBADF;
	if (f->kind != FK_INODE || S_TYPE(f->mode) != T_DIR)
		return -ENOTDIR;
	int r = fsio_getdents(f->ino, &f->pos, p->ep, q->grant, q->len);
	return r == -EPERM ? -EFAULT : r;
}

/* ftruncate (an open file) and truncate (a path). */
int do_truncate(struct vproc *p, int type, const struct vfs_request *q)
{
	uint32_t ino;
	struct fs_stat st;
	if (q->pos < 0)
		return -EINVAL;
	if (q->pos > 0x7fffffff)
		return -EFBIG;
	if (type == VFS_FTRUNCATE) {
		struct filp *f = fd_get(p, q->fd);
		if (!f)
			return -EBADF;
		if (f->kind != FK_INODE || (f->flags & VO_ACCMODE) == VO_RDONLY)
			return f->kind != FK_INODE ? -EINVAL : -EBADF;
		ino = f->ino;
	} else {
		char path[VFS_PATH_MAX];
		int r = path_get(p->ep, q, path);
		if (r == 0)
			r = path_lookup(p, path, &ino, &st);
		if (r == 0 && S_TYPE(st.mode) == T_DIR)
			r = -EISDIR;
		if (r == 0)
			r = perm_check(p, &st, 2);
		if (r < 0)
			return r;
	}
	return fsio_trunc(ino, (uint64_t)q->pos);
}
