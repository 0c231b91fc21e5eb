// SPDX-License-Identifier: BSD-2-Clause
/*
 * mount, umount and getmounts (sys/mount.h): VFS_MOUNT, VFS_UMOUNT and
 * VFS_GETMNT requests (proto/vfs.h).  struct mntinfo is VFS's own
 * struct vfs_mntinfo under the name programs use.
 */
#include <errno.h>
#include <sys/mount.h>

#include "libc.h"

_Static_assert(sizeof(struct mntinfo) == sizeof(struct vfs_mntinfo),
	       "mntinfo is vfs_mntinfo");
_Static_assert(MNT_RDONLY == VM_RDONLY, "same flag");

int mount(const char *special, const char *dir, int flags)
{
	return libc_two_paths(VFS_MOUNT, special, dir, (uint32_t)flags);
}

int umount(const char *target)
{
	union vfs_req q = {.umount = {0}};
	return libc_ret(
		vfs_path_call(VFS_UMOUNT, target, &q, VFS_BUF(q.umount), 0));
}

int getmounts(struct mntinfo *buf, int n)
{
	union vfs_req q = {.getmnt = {0}};
	if (n < 0)
		return libc_ret(-EINVAL);
	uint32_t len = (uint32_t)n * (uint32_t)sizeof(*buf);
	return libc_ret(vfs_buf_call(VFS_GETMNT, &q, VFS_BUF(q.getmnt), buf,
				     len, GF_WRITE, 0));
}
