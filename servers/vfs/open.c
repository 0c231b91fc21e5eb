// SPDX-License-Identifier: BSD-2-Clause
/*
 * open(2), mknod(2), and the open of a program file for exec.
 *
 * open finds (or with O_CREAT makes) the file, checks the access asked
 * for against its mode, and makes a filp: a plain one for files and
 * directories, or one the driver has agreed to open for a device file.
 * O_TRUNC empties a regular file; O_EXCL with O_CREAT insists the file
 * is new.  New files get the mode asked for, less the
 * process's umask, and the process's effective ids.
 *
 * exec's open (VFS_PM_EXECOPEN) comes from PM, which loads programs for
 * processes: the path is resolved in the exec'ing process's context
 * (its working directory, search permission for its effective ids), the
 * file must be a regular file with execute permission for those ids,
 * and the descriptor goes into PM's own table (3 or above), for PM to
 * read the program through.  The process needs no read permission: it never sees
 * the descriptor.
 */
#include <string.h>

#include "vfs.h"

#define OPEN_FLAGS                                                             \
	(VO_ACCMODE | VO_APPEND | VO_CREAT | VO_TRUNC | VO_EXCL |              \
	 VO_NONBLOCK | VO_NOCTTY | VO_CLOEXEC | VO_DIRECTORY)

static int create(struct vproc *p, const char *path, uint16_t mode,
		  uint32_t rdev, uint32_t *ino, struct fs_stat *st)
{
	char last[FS_NAME_MAX + 1];
	uint32_t dir;
	struct fs_stat dst;
	int r = path_parent(p, path, &dir, last);
	if (r < 0)
		return r;
	if ((r = fsio_stat(dir, &dst)) < 0)
		return r;
	if ((r = perm_check(p, &dst, 3)) < 0)
		return r;
	r = fsio_create(dir, last, mode, p->uid, p->gid, rdev, ino, st);
	return r < 0 ? r : 0;
}

static int access_of(uint32_t flags)
{
	uint32_t acc = flags & VO_ACCMODE;
	return acc == VO_RDONLY ? 4 : acc == VO_WRONLY ? 2 : 6;
}

/* Make the filp for an opened inode (device files go to their driver)
 * and give it p's lowest free descriptor from `lowest` on. */
static int make_filp(struct vproc *p, uint32_t ino, const struct fs_stat *st,
		     uint32_t flags, int lowest)
{
	enum filp_kind kind = S_TYPE(st->mode) == T_CHR	  ? FK_CDEV
			      : S_TYPE(st->mode) == T_BLK ? FK_BDEV
							  : FK_INODE;
	struct filp *f = filp_new(
		kind, flags & ~(VO_CREAT | VO_EXCL | VO_TRUNC | VO_CLOEXEC));
	if (!f)
		return -ENFILE;
	f->ino = ino;
	f->mode = st->mode;
	f->dev = st->rdev;
	f->refs = 1;
	int r = kind == FK_CDEV	  ? cdev_open(p, f)
		: kind == FK_BDEV ? bdev_open(f)
				  : fsio_open(ino);
	if (r < 0) {
		f->refs = 0;
		return r;
	}
	int fd = fd_install(p, f, lowest);
	if (fd < 0) {
		filp_put(f);
		return fd;
	}
	if (flags & VO_CLOEXEC)
		p->cloexec |= 1ull << fd;
	return fd;
}

int do_open(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_open *q = &req->open;
	char path[VFS_PATH_MAX];
	uint32_t ino, acc = q->flags & VO_ACCMODE;
	struct fs_stat st;
	if (acc == 3 || q->flags & ~OPEN_FLAGS)
		return -EINVAL;
	int r = path_get(p->ep, q->grant, q->len, path);
	if (r < 0)
		return r;
	r = path_lookup(p, path, &ino, &st);
	if (r == -ENOENT && q->flags & VO_CREAT) {
		uint16_t mode =
			(uint16_t)(T_REG | (q->mode & 07777 & ~p->umask));
		r = create(p, path, mode, 0, &ino, &st);
	} else if (r == 0) {
		if ((q->flags & (VO_CREAT | VO_EXCL)) == (VO_CREAT | VO_EXCL))
			return -EEXIST;
		r = perm_check(p, &st, access_of(q->flags));
	}
	if (r < 0)
		return r;
	if (S_TYPE(st.mode) == T_DIR && acc != VO_RDONLY)
		return -EISDIR;
	if (S_TYPE(st.mode) != T_DIR && q->flags & VO_DIRECTORY)
		return -ENOTDIR;
	if (q->flags & VO_TRUNC && acc != VO_RDONLY &&
	    S_TYPE(st.mode) == T_REG && st.size) {
		if ((r = fsio_trunc(ino, 0)) < 0)
			return r;
	}
	return make_filp(p, ino, &st, q->flags, 0);
}

int do_mknod(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_mknod *q = &req->mknod;
	char path[VFS_PATH_MAX];
	uint32_t ino, type = q->mode & 0170000;
	struct fs_stat st;
	if (p->uid != 0 && type != T_REG)
		return -EPERM;
	if (type != T_CHR && type != T_BLK && type != T_REG)
		return -EINVAL;
	int r = path_get(p->ep, q->grant, q->len, path);
	if (r < 0)
		return r;
	if (path_lookup(p, path, &ino, &st) == 0)
		return -EEXIST;
	uint16_t mode = (uint16_t)(type | (q->mode & 07777 & ~p->umask));
	return create(p, path, mode, q->rdev, &ino, &st);
}

int do_pm_execopen(struct vproc *pm, const union vfs_req *req,
		   union vfs_rep *reply)
{
	const struct vfs_pm_execopen *q = &req->pm_execopen;
	struct vfs_stat_reply *rep = &reply->pm_execopen;
	char path[VFS_PATH_MAX];
	uint32_t ino;
	if (q->ep < 0 || EP_SLOT(q->ep) >= NR_PROCS || q->ep == pm->ep)
		return -EINVAL;
	struct vproc *p = vproc_of(q->ep);
	int r = path_get(pm->ep, q->grant, q->len, path);
	if (r == 0)
		r = path_lookup(p, path, &ino, &rep->st);
	if (r == 0 && S_TYPE(rep->st.mode) != T_REG)
		r = -EACCES;
	if (r == 0)
		r = perm_check(p, &rep->st, 1);
	if (r < 0)
		return r;
	rep->ino = VNO_INO(ino);
	rep->dev = mount_dev(ino);
	/* From 3 on: a boot process's 0-2 are its kernel log (lib/libc). */
	return make_filp(pm, ino, &rep->st, VO_RDONLY, 3);
}
