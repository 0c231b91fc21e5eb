// SPDX-License-Identifier: BSD-2-Clause
/*
 * Permission checks: the owner's, group's or others' rwx bits, chosen by
 * the process's effective ids (a vproc's uid and gid are the effective
 * ones: PM sends them with VFS_PM_SETID).  Root may read and write
 * anything, and execute a file with at least one x bit (a directory is
 * always searchable by root).
 *
 * The sticky bit (01000) of a directory restricts who may remove or
 * rename its entries, on top of write and search permission on it: only
 * the entry's owner, the directory's owner or root (so in /tmp, mode
 * 1777, everybody may make files but remove only their own).  Denied,
 * that is EPERM, as on Linux and the BSDs.
 */
#include "vfs.h"

int perm_check(const struct vproc *p, const struct fs_stat *st, int want)
{
	int bits;
	if (p->uid == 0) {
		if (!(want & 1) || S_TYPE(st->mode) == T_DIR ||
		    (st->mode & 0111))
			return 0;
		return -EACCES;
	}
	if (p->uid == st->uid)
		bits = st->mode >> 6;
	else if (p->gid == st->gid)
		bits = st->mode >> 3;
	else
		bits = st->mode;
	return (bits & want & 7) == (want & 7) ? 0 : -EACCES;
}

int perm_sticky(const struct vproc *p, const struct fs_stat *dir,
		const struct fs_stat *file)
{
	if (!(dir->mode & T_STICKY) || p->uid == 0 || p->uid == dir->uid ||
	    p->uid == file->uid)
		return 0;
	return -EPERM;
}
