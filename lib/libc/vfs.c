// SPDX-License-Identifier: BSD-2-Clause
/*
 * Talking to VFS (proto/vfs.h) for the C library: find it (by name,
 * once), grant it the buffer of a call, send the request and turn the
 * reply into a result.  A path is first copied in with the kernel's
 * check (user.c), so that a bad one is EFAULT.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "libc.h"

_Static_assert(VO_CREAT == O_CREAT && VO_TRUNC == O_TRUNC &&
		       VO_EXCL == O_EXCL && VO_APPEND == O_APPEND &&
		       VO_RDWR == O_RDWR && VO_WRONLY == O_WRONLY &&
		       VO_NONBLOCK == O_NONBLOCK && VO_NOCTTY == O_NOCTTY &&
		       VO_CLOEXEC == O_CLOEXEC && VO_DIRECTORY == O_DIRECTORY,
	       "VFS open flags are newlib's");
_Static_assert(VF_DUPFD == F_DUPFD && VF_GETFD == F_GETFD &&
		       VF_SETFD == F_SETFD && VF_GETFL == F_GETFL &&
		       VF_SETFL == F_SETFL && VF_CLOEXEC == FD_CLOEXEC,
	       "fcntl commands are newlib's");

int vfs_call(int type, struct vfs_request *q, const void *buf, uint32_t len,
	     uint32_t access, struct vfs_reply *rep)
{
	endpoint_t ep = libc_vfs();
	if (ep == NONE)
		return -ENOSYS;
	grant_id_t g = GRANT_INVALID;
	if (buf || len) {
		g = libc_grant(ep, buf, len, access);
		if (g < 0)
			return g;
		q->grant = g;
		q->len = len;
	}
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*VFS_REQ(&m) = *q;
	int r = ipc_sendrec(ep, &m);
	if (g != GRANT_INVALID)
		grant_revoke(g);
	if (r < 0)
		return -EIO;
	if (rep)
		*rep = *VFS_REP(&m);
	return VFS_REP(&m)->status;
}

int vfs_path_req(int type, const char *path, struct vfs_request *q,
		 struct vfs_reply *rep)
{
	char mine[VFS_PATH_MAX];
	int n = libc_path_in(mine, path);
	if (n < 0)
		return n;
	return vfs_call(type, q, mine, (uint32_t)n, GF_READ, rep);
}

int vfs_path(int type, const char *path, uint32_t flags, uint32_t mode,
	     struct vfs_reply *rep)
{
	struct vfs_request q = {.flags = flags, .mode = mode};
	return vfs_path_req(type, path, &q, rep);
}

int vfs_stat_out(const struct vfs_reply *rep, struct stat *out)
{
	struct stat st;
	memset(&st, 0, sizeof(st));
	st.st_dev = (dev_t)rep->dev;
	st.st_ino = (ino_t)rep->ino;
	st.st_mode = rep->st.mode;
	st.st_nlink = rep->st.nlinks;
	st.st_uid = rep->st.uid;
	st.st_gid = rep->st.gid;
	st.st_rdev = (dev_t)rep->st.rdev;
	st.st_size = (off_t)rep->st.size;
	st.st_atime = (time_t)rep->st.atime;
	st.st_mtime = (time_t)rep->st.mtime;
	st.st_ctime = (time_t)rep->st.ctime;
	st.st_blksize = 1024;
	st.st_blocks = (blkcnt_t)((rep->st.size + 511) / 512);
	return libc_out(out, &st, sizeof(st));
}
