// SPDX-License-Identifier: BSD-2-Clause
/*
 * Which inodes are open.  VFS sends FS_OPEN when it makes an open file
 * of an inode and FS_CLOSE when the last descriptor for it goes.  POSIX
 * says a file that is unlinked while open lives on, without a name,
 * until it is closed: libmfs asks fsopen_in_use before it frees an
 * inode whose last link went, and FS_CLOSE frees such an inode
 * (mfs_release) once nobody has it open.
 */
#include "fs.h"

#define NR_OPEN 512 /* as many as VFS has open files */

static struct {
	struct fsmount *m;
	uint32_t ino;
	uint32_t count;
} open_inodes[NR_OPEN];

static int find(struct fsmount *m, uint32_t ino)
{
	for (int i = 0; i < NR_OPEN; i++)
		if (open_inodes[i].count && open_inodes[i].m == m &&
		    open_inodes[i].ino == ino)
			return i;
	return -1;
}

int fsopen_in_use(struct mfs *fs, uint32_t ino)
{
	return find(fs->dev.ctx, ino) >= 0;
}

int fsopen_get(struct fsmount *m, uint32_t ino)
{
	int i = find(m, ino);
	for (int j = 0; i < 0 && j < NR_OPEN; j++)
		if (!open_inodes[j].count)
			i = j;
	if (i < 0)
		return -ENFILE;
	open_inodes[i].m = m;
	open_inodes[i].ino = ino;
	open_inodes[i].count++;
	return 0;
}

int fsopen_put(struct fsmount *m, uint32_t ino)
{
	int i = find(m, ino);
	if (i < 0)
		return -EINVAL;
	if (--open_inodes[i].count > 0)
		return 0;
	return mfs_release(&m->fs, ino);
}
