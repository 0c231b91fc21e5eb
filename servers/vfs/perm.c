// SPDX-License-Identifier: BSD-2-Clause
/*
 * Permission checks: the owner's, group's or others' rwx bits, chosen by
 * the process's effective ids.  Root may read and write anything, and
 * execute a file with at least one x bit (a directory is always
 * searchable by root).
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
