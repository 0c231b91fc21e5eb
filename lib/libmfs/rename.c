// SPDX-License-Identifier: BSD-2-Clause
/*
 * rename(2) on a MINIX file system.
 *
 * The entry moves; the inode stays.  What is at the new name goes
 * first: a file is unlinked, an empty directory removed (a directory
 * may only replace a directory, a file only a file).  A directory that
 * moves to another parent gets its ".." rewritten and the two parents'
 * link counts follow.  A directory may not move under itself: the new
 * parent's chain of ".." is walked up to the root to check.
 */
#include "internal.h"

/* Is `dir` the directory `ino` or somewhere below it? */
static int is_below(struct mfs *fs, uint32_t dir, uint32_t ino)
{
	for (int depth = 0; depth < 4096; depth++) {
		uint32_t up;
		if (dir == ino)
			return 1;
		if (dir == MFS_ROOT)
			return 0;
		int r = mfs_lookup(fs, dir, "..", &up);
		if (r < 0)
			return r;
		dir = up;
	}
	return -ELOOP;
}

/* Clear the way at ndir/nname for an inode of the given kind. */
static int clear_target(struct mfs *fs, uint32_t ndir, const char *nname,
			uint32_t target, int moving_dir)
{
	struct mfs_inode t;
	int r = mfs_iget(fs, target, &t);
	if (r < 0)
		return r;
	int target_dir = (t.mode & MFS_IFMT) == MFS_IFDIR;
	if (moving_dir && !target_dir)
		return -ENOTDIR;
	if (!moving_dir && target_dir)
		return -EISDIR;
	return target_dir ? mfs_rmdir(fs, ndir, nname)
			  : mfs_unlink(fs, ndir, nname);
}

static int set_parent(struct mfs *fs, uint32_t ino, uint32_t parent)
{
	struct mfs_dirent e = {.ino = parent, .name = ".."};
	int r = mfs_write(fs, ino, MFS_DIRENT_SIZE, &e, sizeof(e));
	return r < 0 ? r : 0;
}

int mfs_rename(struct mfs *fs, uint32_t odir, const char *oname, uint32_t ndir,
	       const char *nname)
{
	struct mfs_inode in, nd;
	uint32_t ino, where, target;
	int r = mfs_check_name(oname);
	if (r == 0)
		r = mfs_check_name(nname);
	if (r == 0)
		r = mfs_is_dir(fs, ndir, &nd);
	if (r == 0)
		r = mfs_find(fs, odir, oname, &ino, &where);
	if (r == 0)
		r = mfs_iget(fs, ino, &in);
	if (r < 0)
		return r;
	if (!strcmp(oname, ".") || !strcmp(oname, "..") ||
	    !strcmp(nname, ".") || !strcmp(nname, ".."))
		return -EINVAL;
	int isdir = (in.mode & MFS_IFMT) == MFS_IFDIR;
	if (isdir && (r = is_below(fs, ndir, ino)) != 0)
		return r < 0 ? r : -EINVAL;
	if (mfs_lookup(fs, ndir, nname, &target) == 0) {
		if (target == ino)
			return 0; /* two names of one file: nothing to do */
		if ((r = clear_target(fs, ndir, nname, target, isdir)) < 0)
			return r;
	}
	if ((r = mfs_add_entry(fs, ndir, nname, ino)) < 0)
		return r;
	/* Removing a target may have moved nothing: `where` still holds. */
	if ((r = mfs_remove_entry(fs, odir, where)) < 0)
		return r;
	if (!isdir || odir == ndir)
		return 0;
	r = set_parent(fs, ino, ndir);
	if (r == 0)
		r = mfs_adjust_links(fs, odir, -1);
	return r == 0 ? mfs_adjust_links(fs, ndir, 1) : r;
}
