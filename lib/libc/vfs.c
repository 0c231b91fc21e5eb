// SPDX-License-Identifier: BSD-2-Clause
/*
 * Talking to VFS (proto/vfs.h) for the C library: find it (by name,
 * once), grant it the buffer of a call, send the request and turn the
 * reply into a result.  The calls fill their own member of union
 * vfs_req and name its grant and len fields (VFS_BUF) for the buffer.  A path is first copied in with the kernel's
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

int vfs_call(int type, const union vfs_req *q, union vfs_rep *rep)
{
	endpoint_t ep = libc_vfs();
	if (ep == NONE)
		return -ENOSYS;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*VFS_REQ(&m) = *q;
	if (ipc_sendrec(ep, &m) < 0)
		return -EIO;
	if (rep)
		*rep = *VFS_REP(&m);
	return VFS_REP(&m)->status;
}

int vfs_buf_call(int type, union vfs_req *q, grant_id_t *grant, uint32_t *glen,
		 const void *buf, uint32_t len, uint32_t access,
		 union vfs_rep *rep)
{
	endpoint_t ep = libc_vfs();
	if (ep == NONE)
		return -ENOSYS;
	grant_id_t g = GRANT_INVALID;
	if (buf || len) {
		g = libc_grant(ep, buf, len, access);
		if (g < 0)
			return g;
		*grant = g;
		*glen = len;
	}
	int r = vfs_call(type, q, rep);
	if (g != GRANT_INVALID)
		grant_revoke(g);
	return r;
}

int vfs_path_call(int type, const char *path, union vfs_req *q,
		  grant_id_t *grant, uint32_t *glen, union vfs_rep *rep)
{
	char mine[VFS_PATH_MAX];
	int n = libc_path_in(mine, path);
	if (n < 0)
		return n;
	return vfs_buf_call(type, q, grant, glen, mine, (uint32_t)n, GF_READ,
			    rep);
}

int vfs_stat_out(const struct vfs_stat_reply *rep, struct stat *out)
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
