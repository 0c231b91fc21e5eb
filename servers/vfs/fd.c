// SPDX-License-Identifier: BSD-2-Clause
/*
 * Descriptors and open files.
 *
 * A descriptor is a slot in the process's table pointing at an open
 * file (a filp); dup, fork and F_DUPFD make more descriptors for the
 * same filp, which shares one position and one set of status flags.
 * The filp goes when its last descriptor closes, and only then is a
 * device, pipe or file server told (cdev_close, pipe_close, fsio_close).  Close-on-exec belongs
 * to the descriptor, not the filp.
 */
#include <string.h>

#include "vfs.h"

static struct filp filps[NR_FILPS];

struct filp *fd_get(struct vproc *p, int32_t fd)
{
	return fd >= 0 && fd < VFS_OPEN_MAX ? p->fd[fd] : 0;
}

struct filp *filp_new(enum filp_kind kind, uint32_t flags)
{
	for (int i = 0; i < NR_FILPS; i++) {
		if (filps[i].refs)
			continue;
		memset(&filps[i], 0, sizeof(filps[i]));
		filps[i].kind = kind;
		filps[i].flags = flags;
		return &filps[i];
	}
	return 0;
}

/* Put f at the lowest free descriptor >= lowest (f's reference goes to
 * the descriptor); EMFILE when there is none. */
int fd_install(struct vproc *p, struct filp *f, int lowest)
{
	for (int fd = lowest; fd < VFS_OPEN_MAX; fd++) {
		if (p->fd[fd])
			continue;
		p->fd[fd] = f;
		p->cloexec &= ~(1ull << fd);
		return fd;
	}
	return -EMFILE;
}

bool filp_on_volume(uint32_t mnt)
{
	for (int i = 0; i < NR_FILPS; i++)
		if (filps[i].refs && filps[i].kind != FK_PIPE &&
		    filps[i].kind != FK_SOCK && VNO_MNT(filps[i].ino) == mnt)
			return true;
	return false;
}

void filp_put(struct filp *f)
{
	if (--f->refs > 0)
		return;
	if (f->kind == FK_CDEV || f->kind == FK_SOCK)
		cdev_close(f);
	else if (f->kind == FK_BDEV)
		bdev_close(f);
	else if (f->kind == FK_INODE) {
		fsio_close(f->ino); /* an unlinked file goes now */
	} else if (f->kind == FK_PIPE)
		pipe_close(f->pipe, f->flags);
}

int fd_close(struct vproc *p, int32_t fd)
{
	struct filp *f = fd_get(p, fd);
	if (!f)
		return -EBADF;
	p->fd[fd] = 0;
	p->cloexec &= ~(1ull << fd);
	filp_put(f);
	return 0;
}

/* dup and F_DUPFD (the lowest free descriptor from target on) and
 * dup2 (exact: descriptor target, closing what was there). */
static int dup_fd(struct vproc *p, int32_t fd, uint32_t target, bool exact)
{
	struct filp *f = fd_get(p, fd);
	if (!f)
		return -EBADF;
	if (target >= VFS_OPEN_MAX)
		return exact ? -EBADF : -EINVAL;
	if (exact) {
		if ((int32_t)target == fd)
			return (int)target;
		if (p->fd[target])
			fd_close(p, (int32_t)target);
	}
	int nfd = fd_install(p, f, (int)target);
	if (nfd >= 0)
		f->refs++;
	return nfd;
}

int do_dup(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_dup *q = &req->dup;
	return dup_fd(p, q->fd, (uint32_t)q->target, q->exact != 0);
}

int do_fcntl(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_fcntl *q = &req->fcntl;
	struct filp *f = fd_get(p, q->fd);
	const uint32_t settable = VO_APPEND | VO_NONBLOCK;
	if (!f)
		return -EBADF;
	switch (q->cmd) {
	case VF_DUPFD:
		return dup_fd(p, q->fd, q->arg, false);
	case VF_GETFD:
		return (int)(p->cloexec >> q->fd & 1);
	case VF_SETFD:
		if (q->arg & VF_CLOEXEC)
			p->cloexec |= 1ull << q->fd;
		else
			p->cloexec &= ~(1ull << q->fd);
		return 0;
	case VF_GETFL:
		return (int)f->flags;
	case VF_SETFL:
		f->flags = (f->flags & ~settable) | (q->arg & settable);
		return 0;
	default:
		return -EINVAL;
	}
}

int do_close(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	return fd_close(p, req->close.fd);
}
