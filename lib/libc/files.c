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
	int fd = libc_ret(
		vfs_path(VFS_OPEN, path, (uint32_t)flags, (uint32_t)mode, 0));
	libc_fd_opened(fd);
	return fd;
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int stat(const char *path, struct stat *st)
{
	struct vfs_reply rep;
	int r = vfs_path(VFS_STAT, path, 0, 0, &rep);
	if (r < 0)
		return libc_ret(r);
	return libc_ret(vfs_stat_out(&rep, st));
}

int lstat(const char *path, struct stat *st)
{
	return stat(path, st); /* no symbolic links */
}

int mkdir(const char *path, mode_t mode)
{
	return libc_ret(vfs_path(VFS_MKDIR, path, 0, (uint32_t)mode, 0));
}

int unlink(const char *path)
{
	return libc_ret(vfs_path(VFS_UNLINK, path, 0, 0, 0));
}

int rmdir(const char *path)
{
	return libc_ret(vfs_path(VFS_RMDIR, path, 0, 0, 0));
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
	struct vfs_request q = {.flags = flags};
	return libc_ret(
		vfs_call(type, &q, buf, (uint32_t)(na + nb + 2), GF_READ, 0));
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
	return libc_ret(vfs_path(VFS_CHMOD, path, 0, (uint32_t)mode, 0));
}

int fchmod(int fd, mode_t mode)
{
	struct vfs_request q = {.fd = fd, .mode = (uint32_t)mode};
	return libc_ret(vfs_call(VFS_FCHMOD, &q, 0, 0, 0, 0));
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	struct vfs_request q = {.mode = uid == (uid_t)-1 ? 0xffffffffu
							 : (uint32_t)uid,
				.arg = gid == (gid_t)-1 ? -1 : (int32_t)gid};
	return libc_ret(vfs_path_req(VFS_CHOWN, path, &q, 0));
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return chown(path, uid, gid);
}

int access(const char *path, int mode)
{
	return libc_ret(vfs_path(VFS_ACCESS, path, 0, (uint32_t)mode, 0));
}

int truncate(const char *path, off_t len)
{
	struct vfs_request q = {.pos = len};
	return libc_ret(vfs_path_req(VFS_TRUNCATE, path, &q, 0));
}

int ftruncate(int fd, off_t len)
{
	struct vfs_request q = {.fd = fd, .pos = len};
	return libc_ret(vfs_call(VFS_FTRUNCATE, &q, 0, 0, 0, 0));
}

int utime(const char *path, const struct utimbuf *t)
{
	/* No times: VFS sets both to now (pos < 0), which needs only
	 * write permission, not ownership. */
	struct utimbuf mine = {-1, 0};
	if (t) {
		int r = libc_in(&mine, t, sizeof(mine));
		if (r < 0)
			return libc_ret(r);
	}
	struct vfs_request q = {.pos = mine.actime,
				.arg = (int32_t)mine.modtime};
	return libc_ret(vfs_path_req(VFS_UTIME, path, &q, 0));
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
	struct vfs_request q = {.mode = (uint32_t)mask};
	int r = vfs_call(VFS_UMASK, &q, 0, 0, 0, 0);
	return r < 0 ? 022 : (mode_t)r;
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	struct vfs_request q = {.mode = (uint32_t)mode, .arg = (int32_t)dev};
	return libc_ret(vfs_path_req(VFS_MKNOD, path, &q, 0));
}

static int statvfs_out(const struct vfs_reply *rep, struct statvfs *out)
{
	struct statvfs s;
	memset(&s, 0, sizeof(s));
	s.f_bsize = s.f_frsize = 1024;
	s.f_bfree = s.f_bavail = rep->st.size; /* as proto/vfs.h says */
	s.f_ffree = s.f_favail = rep->st.atime;
	s.f_blocks = rep->st.mtime;
	s.f_files = rep->st.ctime;
	s.f_namemax = FS_NAME_MAX;
	s.f_fsid = rep->dev;
	s.f_flag = rep->st.mode & VM_RDONLY ? ST_RDONLY : 0;
	return libc_out(out, &s, sizeof(s));
}

int statvfs(const char *path, struct statvfs *s)
{
	struct vfs_reply rep;
	int r = vfs_path(VFS_STATVFS, path, 0, 0, &rep);
	if (r < 0)
		return libc_ret(r);
	return libc_ret(statvfs_out(&rep, s));
}

int fstatvfs(int fd, struct statvfs *s)
{
	struct vfs_reply rep;
	struct vfs_request q = {.fd = fd};
	int r = vfs_call(VFS_FSTATVFS, &q, 0, 0, 0, &rep);
	if (r < 0)
		return libc_ret(r);
	return libc_ret(statvfs_out(&rep, s));
}

void sync(void)
{
	struct vfs_request q = {0};
	vfs_call(VFS_SYNC, &q, 0, 0, 0, 0);
}

int fsync(int fd)
{
	struct stat st;
	if (fstat(fd, &st) < 0)
		return -1;
	sync();
	return 0;
}

/* Samsara's file system has no symbolic links (yet): nothing is one. */
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
