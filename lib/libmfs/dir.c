// SPDX-License-Identifier: BSD-2-Clause
/*
 * Directories: looking names up, adding and removing entries, making
 * and removing files and directories, link counts.  A removed entry is
 * just zeroed; a new entry takes the first free slot or goes at the end.
 * A directory's link count is 2 plus its subdirectories.
 */
#include "internal.h"

#define PER_BLOCK (MFS_BLOCK / MFS_DIRENT_SIZE)

int mfs_check_name(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || strchr(name, '/'))
		return -EINVAL;
	return n > MFS_NAME_MAX ? -ENAMETOOLONG : 0;
}

int mfs_is_dir(struct mfs *fs, uint32_t ino, struct mfs_inode *in)
{
	int r = mfs_iget(fs, ino, in);
	if (r < 0)
		return r;
	return (in->mode & MFS_IFMT) == MFS_IFDIR ? 0 : -ENOTDIR;
}

/* Find `name` in dir: its inode and the entry's byte offset. */
int mfs_find(struct mfs *fs, uint32_t dir, const char *name, uint32_t *ino,
	     uint32_t *where)
{
	struct mfs_inode in;
	struct mfs_dirent e[PER_BLOCK];
	int r = mfs_is_dir(fs, dir, &in);
	if (r < 0)
		return r;
	for (uint32_t off = 0; off < in.size; off += MFS_BLOCK) {
		r = mfs_read(fs, dir, off, e, MFS_BLOCK);
		if (r < 0)
			return r;
		for (int i = 0; i < r / MFS_DIRENT_SIZE; i++) {
			if (e[i].ino &&
			    strncmp(e[i].name, name, MFS_NAME_MAX) == 0) {
				*ino = e[i].ino;
				*where = off + (uint32_t)i * MFS_DIRENT_SIZE;
				return 0;
			}
		}
	}
	return -ENOENT;
}

int mfs_lookup(struct mfs *fs, uint32_t dir, const char *name, uint32_t *ino)
{
	uint32_t where;
	int r = mfs_check_name(name);
	return r < 0 ? r : mfs_find(fs, dir, name, ino, &where);
}

/* Put (ino, name) in the first free slot of dir, or at its end. */
int mfs_add_entry(struct mfs *fs, uint32_t dir, const char *name, uint32_t ino)
{
	struct mfs_inode in;
	struct mfs_dirent e;
	int r = mfs_iget(fs, dir, &in);
	if (r < 0)
		return r;
	uint32_t off = 0;
	for (; off < in.size; off += MFS_DIRENT_SIZE) {
		r = mfs_read(fs, dir, off, &e, sizeof(e));
		if (r < 0)
			return r;
		if (e.ino == 0)
			break;
	}
	memset(&e, 0, sizeof(e));
	e.ino = ino;
	memcpy(e.name, name, strlen(name)); /* checked: <= MFS_NAME_MAX */
	r = mfs_write(fs, dir, off, &e, sizeof(e));
	return r < 0 ? r : r == sizeof(e) ? 0 : -ENOSPC;
}

int mfs_adjust_links(struct mfs *fs, uint32_t ino, int by)
{
	struct mfs_inode in;
	int r = mfs_iget(fs, ino, &in);
	if (r < 0)
		return r;
	if (by > 0 && in.nlinks >= 0xffff)
		return -EMLINK;
	in.nlinks = (uint16_t)(in.nlinks + by);
	in.ctime = mfs_now(fs);
	return mfs_iput(fs, ino, &in);
}

int mfs_create(struct mfs *fs, uint32_t dir, const char *name, uint16_t mode,
	       uint16_t uid, uint16_t gid, uint32_t *ino)
{
	struct mfs_inode d;
	uint32_t old;
	int r = mfs_check_name(name);
	if (r == 0)
		r = mfs_is_dir(fs, dir, &d);
	if (r < 0)
		return r;
	if (mfs_lookup(fs, dir, name, &old) == 0)
		return -EEXIST;
	int isdir = (mode & MFS_IFMT) == MFS_IFDIR;
	if (isdir && d.nlinks >= 0xffff)
		return -EMLINK;
	r = mfs_alloc_inode(fs, ino);
	if (r < 0)
		return r;
	uint32_t t = mfs_now(fs);
	struct mfs_inode in = {.mode = mode,
			       .nlinks = (uint16_t)(isdir ? 2 : 1),
			       .uid = uid,
			       .gid = gid,
			       .atime = t,
			       .mtime = t,
			       .ctime = t};
	r = mfs_iput(fs, *ino, &in);
	if (r == 0 && isdir) {
		struct mfs_dirent e[2] = {{*ino, "."}, {dir, ".."}};
		r = mfs_write(fs, *ino, 0, e, sizeof(e));
		r = r == sizeof(e) ? 0 : r < 0 ? r : -ENOSPC;
	}
	if (r == 0)
		r = mfs_add_entry(fs, dir, name, *ino);
	if (r == 0 && isdir)
		r = mfs_adjust_links(fs, dir, 1);
	if (r < 0) { /* undo: nothing points at the new inode */
		mfs_truncate(fs, *ino, 0);
		mfs_free_inode(fs, *ino);
	}
	return r;
}

int mfs_link(struct mfs *fs, uint32_t dir, const char *name, uint32_t ino)
{
	struct mfs_inode in;
	uint32_t old;
	int r = mfs_check_name(name);
	if (r == 0)
		r = mfs_iget(fs, ino, &in);
	if (r < 0)
		return r;
	if ((in.mode & MFS_IFMT) == MFS_IFDIR)
		return -EPERM;
	if (mfs_lookup(fs, dir, name, &old) == 0)
		return -EEXIST;
	r = mfs_adjust_links(fs, ino, 1);
	if (r == 0 && (r = mfs_add_entry(fs, dir, name, ino)) < 0)
		mfs_adjust_links(fs, ino, -1);
	return r;
}

/* Free an inode and its blocks. */
static int free_inode(struct mfs *fs, uint32_t ino)
{
	struct mfs_inode in;
	int r = mfs_truncate(fs, ino, 0);
	if (r < 0)
		return r;
	memset(&in, 0, sizeof(in));
	r = mfs_iput(fs, ino, &in);
	mfs_free_inode(fs, ino);
	return r;
}

/* Drop links to ino; free it when none is left, unless it is open:
 * then it lives on without a name until mfs_release (POSIX unlink). */
int mfs_drop(struct mfs *fs, uint32_t ino, int links)
{
	struct mfs_inode in;
	int r = mfs_iget(fs, ino, &in);
	if (r < 0)
		return r;
	int open = fs->in_use && fs->in_use(fs, ino);
	if (in.nlinks > links || open) {
		in.nlinks =
			(uint16_t)(in.nlinks > links ? in.nlinks - links : 0);
		in.ctime = mfs_now(fs);
		return mfs_iput(fs, ino, &in);
	}
	return free_inode(fs, ino);
}

int mfs_release(struct mfs *fs, uint32_t ino)
{
	struct mfs_inode in;
	int r = mfs_iget(fs, ino, &in);
	if (r < 0 || in.nlinks > 0 || in.mode == 0)
		return r;
	return free_inode(fs, ino);
}

int mfs_remove_entry(struct mfs *fs, uint32_t dir, uint32_t where)
{
	struct mfs_dirent e;
	memset(&e, 0, sizeof(e));
	int r = mfs_write(fs, dir, where, &e, sizeof(e));
	return r < 0 ? r : 0;
}

int mfs_unlink(struct mfs *fs, uint32_t dir, const char *name)
{
	struct mfs_inode in;
	uint32_t ino, where;
	int r = mfs_check_name(name);
	if (r == 0)
		r = mfs_find(fs, dir, name, &ino, &where);
	if (r == 0)
		r = mfs_iget(fs, ino, &in);
	if (r < 0)
		return r;
	if ((in.mode & MFS_IFMT) == MFS_IFDIR)
		return -EISDIR;
	r = mfs_remove_entry(fs, dir, where);
	return r < 0 ? r : mfs_drop(fs, ino, 1);
}

int mfs_rmdir(struct mfs *fs, uint32_t dir, const char *name)
{
	struct mfs_inode in;
	struct mfs_dirent e;
	uint32_t ino, where;
	int r = mfs_check_name(name);
	if (r < 0)
		return r;
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return -EINVAL;
	r = mfs_find(fs, dir, name, &ino, &where);
	if (r == 0)
		r = mfs_is_dir(fs, ino, &in);
	if (r < 0)
		return r;
	for (uint32_t pos = 0; (r = mfs_readdir(fs, ino, &pos, &e)) > 0;)
		if (strcmp(e.name, ".") && strcmp(e.name, ".."))
			return -ENOTEMPTY;
	if (r < 0)
		return r;
	r = mfs_remove_entry(fs, dir, where);
	if (r == 0)
		r = mfs_adjust_links(fs, dir, -1); /* its ".." */
	return r < 0 ? r : mfs_drop(fs, ino, 2);
}

int mfs_readdir(struct mfs *fs, uint32_t dir, uint32_t *pos,
		struct mfs_dirent *out)
{
	struct mfs_inode in;
	int r = mfs_is_dir(fs, dir, &in);
	if (r < 0)
		return r;
	for (; *pos + MFS_DIRENT_SIZE <= in.size; *pos += MFS_DIRENT_SIZE) {
		r = mfs_read(fs, dir, *pos, out, sizeof(*out));
		if (r < 0)
			return r;
		if (out->ino) {
			*pos += MFS_DIRENT_SIZE;
			return 1;
		}
	}
	return 0;
}

int mfs_namei(struct mfs *fs, const char *path, uint32_t *ino)
{
	char part[MFS_NAME_MAX + 1];
	*ino = MFS_ROOT;
	while (*path) {
		while (*path == '/')
			path++;
		size_t n = strcspn(path, "/");
		if (n == 0)
			break;
		if (n > MFS_NAME_MAX)
			return -ENAMETOOLONG;
		memcpy(part, path, n);
		part[n] = 0;
		int r = mfs_lookup(fs, *ino, part, ino);
		if (r < 0)
			return r;
		path += n;
	}
	return 0;
}
