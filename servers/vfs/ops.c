// SPDX-License-Identifier: BSD-2-Clause
/*
 * The VFS request handlers: descriptors and open files on top of the
 * file server.  Each checks the descriptor or path first, then acts.
 */
#include <string.h>

#include "vfs.h"

#define IS_DIR(st) (((st).mode & 0170000) == 0040000)

static struct filp filps[NR_FILPS];

static struct filp *fd_filp(struct vproc *p, int32_t fd)
{
	fd -= VFS_FIRST_FD;
	return fd >= 0 && fd < OPEN_MAX ? p->fd[fd] : 0;
}

static int fd_new(struct vproc *p, uint32_t ino, uint32_t flags)
{
	int fd = 0;
	while (fd < OPEN_MAX && p->fd[fd])
		fd++;
	if (fd == OPEN_MAX)
		return -EMFILE;
	for (int i = 0; i < NR_FILPS; i++) {
		if (filps[i].refs)
			continue;
		filps[i] = (struct filp){1, ino, flags, 0};
		p->fd[fd] = &filps[i];
		return fd + VFS_FIRST_FD;
	}
	return -ENFILE;
}

static int do_open(struct vproc *p, const struct vfs_request *q)
{
	char path[VFS_PATH_MAX], last[FS_NAME_MAX + 1];
	uint32_t ino, dir, acc = q->flags & VO_ACCMODE;
	struct fs_stat st;
	struct fs_reply rep;
	if (acc == 3 || q->flags & ~(VO_ACCMODE | VO_APPEND | VO_CREAT |
				     VO_TRUNC | VO_EXCL))
		return -EINVAL;
	int r = path_get(p->ep, q, path);
	if (r < 0)
		return r;
	r = path_lookup(path, &ino, &st);
	if (r == -ENOENT && q->flags & VO_CREAT) {
		if ((r = path_parent(path, &dir, last)) < 0)
			return r;
		r = fs_named(FS_CREATE, dir, last,
			     (uint16_t)(0100000 | (q->mode & 07777)), &rep);
		ino = rep.ino;
		st = rep.st;
	} else if (r == 0 &&
		   (q->flags & (VO_CREAT | VO_EXCL)) == (VO_CREAT | VO_EXCL)) {
		return -EEXIST;
	}
	if (r < 0)
		return r;
	if (IS_DIR(st) && acc != VO_RDONLY)
		return -EISDIR;
	if (q->flags & VO_TRUNC && acc != VO_RDONLY && st.size) {
		struct fs_request t = {.ino = ino, .pos = 0};
		if ((r = fs_call(FS_TRUNC, &t, 0)) < 0)
			return r;
	}
	return fd_new(p, ino, q->flags);
}

static int do_rw(struct vproc *p, int type, const struct vfs_request *q)
{
	struct filp *f = fd_filp(p, q->fd);
	struct fs_reply rep;
	if (!f)
		return -EBADF;
	uint32_t acc = f->flags & VO_ACCMODE;
	if ((type == VFS_READ && acc == VO_WRONLY) ||
	    (type == VFS_WRITE && acc == VO_RDONLY))
		return -EBADF;
	if (q->len == 0)
		return 0;
	if (type == VFS_WRITE && f->flags & VO_APPEND) {
		struct fs_request s = {.ino = f->ino};
		int r = fs_call(FS_STAT, &s, &rep);
		if (r < 0)
			return r;
		f->pos = rep.st.size;
	}
	int r = fs_data(type == VFS_READ ? FS_READ : FS_WRITE, f->ino, f->pos,
			p->ep, q->grant, q->len, &rep);
	if (r == -EPERM)
		r = -EFAULT; /* the program's own grant was bad */
	if (r > 0)
		f->pos += r;
	return r;
}

static int do_lseek(struct vproc *p, const struct vfs_request *q,
		    struct vfs_reply *rep)
{
	struct filp *f = fd_filp(p, q->fd);
	struct fs_reply fr;
	int64_t base;
	if (!f)
		return -EBADF;
	switch (q->whence) {
	case 0:
		base = 0;
		break;
	case 1:
		base = f->pos;
		break;
	case 2: {
		struct fs_request s = {.ino = f->ino};
		int r = fs_call(FS_STAT, &s, &fr);
		if (r < 0)
			return r;
		base = fr.st.size;
		break;
	}
	default:
		return -EINVAL;
	}
	if (q->pos < -base || base + q->pos > 0x7fffffff)
		return -EINVAL;
	f->pos = base + q->pos;
	rep->pos = f->pos;
	return 0;
}

static int do_stat(struct vproc *p, int type, const struct vfs_request *q,
		   struct vfs_reply *rep)
{
	char path[VFS_PATH_MAX];
	if (type == VFS_STAT) {
		int r = path_get(p->ep, q, path);
		return r < 0 ? r : path_lookup(path, &rep->ino, &rep->st);
	}
	struct filp *f = fd_filp(p, q->fd);
	struct fs_reply fr;
	if (!f)
		return -EBADF;
	struct fs_request s = {.ino = f->ino};
	int r = fs_call(FS_STAT, &s, &fr);
	rep->ino = f->ino;
	rep->st = fr.st;
	return r;
}

static int do_named(struct vproc *p, int type, const struct vfs_request *q)
{
	char path[VFS_PATH_MAX], last[FS_NAME_MAX + 1];
	uint32_t dir;
	int r = path_get(p->ep, q, path);
	if (r == 0)
		r = path_parent(path, &dir, last);
	if (r < 0)
		return r;
	if (type == VFS_MKDIR)
		return fs_named(FS_CREATE, dir, last,
				(uint16_t)(0040000 | (q->mode & 07777)), 0);
	return fs_named(type == VFS_UNLINK ? FS_UNLINK : FS_RMDIR, dir, last, 0,
			0);
}

static int do_getdents(struct vproc *p, const struct vfs_request *q)
{
	struct filp *f = fd_filp(p, q->fd);
	struct fs_reply rep;
	if (!f)
		return -EBADF;
	int r = fs_data(FS_GETDENTS, f->ino, f->pos, p->ep, q->grant, q->len,
			&rep);
	if (r >= 0)
		f->pos = (int64_t)rep.pos;
	return r == -EPERM ? -EFAULT : r;
}

int vfs_handle(struct vproc *p, int type, const struct vfs_request *q,
	       struct vfs_reply *rep)
{
	struct filp *f;
	switch (type) {
	case VFS_OPEN:
		return do_open(p, q);
	case VFS_CLOSE:
		if (!(f = fd_filp(p, q->fd)))
			return -EBADF;
		f->refs--;
		p->fd[q->fd - VFS_FIRST_FD] = 0;
		return 0;
	case VFS_READ:
	case VFS_WRITE:
		return do_rw(p, type, q);
	case VFS_LSEEK:
		return do_lseek(p, q, rep);
	case VFS_STAT:
	case VFS_FSTAT:
		return do_stat(p, type, q, rep);
	case VFS_MKDIR:
	case VFS_UNLINK:
	case VFS_RMDIR:
		return do_named(p, type, q);
	case VFS_GETDENTS:
		return do_getdents(p, q);
	case VFS_FTRUNCATE: {
		if (!(f = fd_filp(p, q->fd)))
			return -EBADF;
		if ((f->flags & VO_ACCMODE) == VO_RDONLY)
			return -EBADF;
		if (q->pos < 0)
			return -EINVAL;
		struct fs_request t = {.ino = f->ino, .pos = (uint64_t)q->pos};
		return fs_call(FS_TRUNC, &t, 0);
	}
	case VFS_SYNC: {
		struct fs_request s = {0};
		return fs_call(FS_SYNC, &s, 0);
	}
	default:
		return -ENOSYS;
	}
}
