// SPDX-License-Identifier: BSD-2-Clause
/*
 * Calls on files by name: open, creat, stat, mkdir, unlink, rmdir, link,
 * rename, chmod, chown, access, truncate, utime, umask, mknod, statvfs
 * and sync -- each one VFS request (proto/vfs.h).
 */
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#include "libc.h"

int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	int mode = flags & O_CREAT ? va_arg(ap, int) : 0;
	va_end(ap);
	union vfs_req q = {
		.open = {.flags = (uint32_t)flags, .mode = (uint32_t)mode}};
	int fd =
		libc_ret(vfs_path_call(VFS_OPEN, path, &q, VFS_BUF(q.open), 0));
	libc_fd_opened(fd);
	return fd;
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int stat(const char *path, struct stat *st)
{
	union vfs_req q = {.stat = {0}};
	union vfs_rep rep;
	int r = vfs_path_call(VFS_STAT, path, &q, VFS_BUF(q.stat), &rep);
	if (r < 0)
		return libc_ret(r);
	return libc_ret(vfs_stat_out(&rep.stat, st));
}

int lstat(const char *path, struct stat *st)
{
	return stat(path, st); /* no symbolic links */
}

int mkdir(const char *path, mode_t mode)
{
	union vfs_req q = {.mkdir = {.mode = (uint32_t)mode}};
	return libc_ret(
		vfs_path_call(VFS_MKDIR, path, &q, VFS_BUF(q.mkdir), 0));
}

int unlink(const char *path)
{
	union vfs_req q = {.unlink = {0}};
	return libc_ret(
		vfs_path_call(VFS_UNLINK, path, &q, VFS_BUF(q.unlink), 0));
}

int rmdir(const char *path)
{
	union vfs_req q = {.rmdir = {0}};
	return libc_ret(
		vfs_path_call(VFS_RMDIR, path, &q, VFS_BUF(q.rmdir), 0));
}

int libc_two_paths(int type, const char *a, const char *b, uint32_t flags)
{
	char buf[2 * VFS_PATH_MAX];
	int na = libc_path_in(buf, a);
	if (na < 0)
		return libc_ret(na);
	int nb = libc_path_in(buf + na + 1, b);
	if (nb < 0)
		return libc_ret(nb);
	union vfs_req q;
	memset(&q, 0, sizeof(q));
	struct vfs_path *two = type == VFS_RENAME ? &q.rename : &q.link;
	grant_id_t *g = &two->grant;
	uint32_t *glen = &two->len;
	if (type == VFS_MOUNT) {
		q.mount.flags = flags;
		g = &q.mount.grant;
		glen = &q.mount.len;
	}
	return libc_ret(vfs_buf_call(type, &q, g, glen, buf,
				     (uint32_t)(na + nb + 2), GF_READ, 0));
}

int link(const char *old, const char *new)
{
	return libc_two_paths(VFS_LINK, old, new, 0);
}

int rename(const char *old, const char *new)
{
	return libc_two_paths(VFS_RENAME, old, new, 0);
}

int chmod(const char *path, mode_t mode)
{
	union vfs_req q = {.chmod = {.mode = (uint32_t)mode}};
	return libc_ret(
		vfs_path_call(VFS_CHMOD, path, &q, VFS_BUF(q.chmod), 0));
}

int fchmod(int fd, mode_t mode)
{
	union vfs_req q = {.fchmod = {.fd = fd, .mode = (uint32_t)mode}};
	return libc_ret(vfs_call(VFS_FCHMOD, &q, 0));
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	union vfs_req q = {
		.chown = {.uid = uid == (uid_t)-1 ? -1 : (int32_t)uid,
			  .gid = gid == (gid_t)-1 ? -1 : (int32_t)gid}};
	return libc_ret(
		vfs_path_call(VFS_CHOWN, path, &q, VFS_BUF(q.chown), 0));
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return chown(path, uid, gid);
}

int access(const char *path, int mode)
{
	union vfs_req q = {.access = {.want = (uint32_t)mode}};
	return libc_ret(
		vfs_path_call(VFS_ACCESS, path, &q, VFS_BUF(q.access), 0));
}

int truncate(const char *path, off_t len)
{
	union vfs_req q = {.truncate = {.size = len}};
	return libc_ret(
		vfs_path_call(VFS_TRUNCATE, path, &q, VFS_BUF(q.truncate), 0));
}

int ftruncate(int fd, off_t len)
{
	union vfs_req q = {.ftruncate = {.fd = fd, .size = len}};
	return libc_ret(vfs_call(VFS_FTRUNCATE, &q, 0));
}

int utime(const char *path, const struct utimbuf *t)
{
	/* No times: VFS sets both to now (atime < 0), which needs only
	 * write permission, not ownership. */
	struct utimbuf mine = {-1, 0};
	if (t) {
		int r = libc_in(&mine, t, sizeof(mine));
		if (r < 0)
			return libc_ret(r);
	}
	union vfs_req q = {.utime = {.atime = mine.actime,
				     .mtime = (int32_t)mine.modtime}};
	return libc_ret(
		vfs_path_call(VFS_UTIME, path, &q, VFS_BUF(q.utime), 0));
}

int utimes(const char *path, const struct timeval *tv)
{
	if (!tv)
		return utime(path, 0);
	struct timeval mine[2];
	int r = libc_in(mine, tv, sizeof(mine));
	if (r < 0)
		return libc_ret(r);
	struct utimbuf t = {mine[0].tv_sec, mine[1].tv_sec};
	return utime(path, &t);
}

mode_t umask(mode_t mask)
{
	union vfs_req q = {.umask = {.mask = (uint32_t)mask}};
	int r = vfs_call(VFS_UMASK, &q, 0);
	return r < 0 ? 022 : (mode_t)r;
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	union vfs_req q = {
		.mknod = {.mode = (uint32_t)mode, .rdev = (uint32_t)dev}};
	return libc_ret(
		vfs_path_call(VFS_MKNOD, path, &q, VFS_BUF(q.mknod), 0));
}

static int statvfs_out(const struct vfs_statvfs_reply *rep, struct statvfs *out)
{
	struct statvfs s;
	memset(&s, 0, sizeof(s));
	s.f_bsize = s.f_frsize = 1024;
	s.f_bfree = s.f_bavail = rep->free_blocks;
	s.f_ffree = s.f_favail = rep->free_inodes;
	s.f_blocks = rep->blocks;
	s.f_files = rep->inodes;
	s.f_namemax = FS_NAME_MAX;
	s.f_fsid = rep->dev;
	s.f_flag = rep->flags & VM_RDONLY ? ST_RDONLY : 0;
	return libc_out(out, &s, sizeof(s));
}

int statvfs(const char *path, struct statvfs *s)
{
	union vfs_req q = {.statvfs = {0}};
	union vfs_rep rep;
	int r = vfs_path_call(VFS_STATVFS, path, &q, VFS_BUF(q.statvfs), &rep);
	if (r < 0)
		return libc_ret(r);
	return libc_ret(statvfs_out(&rep.statvfs, s));
}

int fstatvfs(int fd, struct statvfs *s)
{
	union vfs_rep rep;
	union vfs_req q = {.fstatvfs = {.fd = fd}};
	int r = vfs_call(VFS_FSTATVFS, &q, &rep);
	if (r < 0)
		return libc_ret(r);
	return libc_ret(statvfs_out(&rep.fstatvfs, s));
}

void sync(void)
{
	union vfs_req q;
	memset(&q, 0, sizeof(q)); /* VFS_SYNC carries nothing */
	vfs_call(VFS_SYNC, &q, 0);
}

int fsync(int fd)
{
	struct stat st;
	if (fstat(fd, &st) < 0)
		return -1;
	sync();
	return 0;
}

/* Samsara's file system has no symbolic links: nothing is one. */
ssize_t readlink(const char *path, char *buf, size_t n)
{
	struct stat st;
	(void)buf;
	(void)n;
	if (stat(path, &st) < 0)
		return -1;
	return libc_ret(-EINVAL);
}

int symlink(const char *target, const char *path)
{
	(void)target;
	(void)path;
	return libc_ret(-ENOSYS);
}
