// SPDX-License-Identifier: BSD-2-Clause
/*
 * The FS server's request handlers (proto/fs.h), on top of libmfs.
 * Names and data come and go through the client's grants, in chunks
 * through one bounce buffer; every argument is checked before use.
 */
#include <stdbool.h>
#include <string.h>

#include "fs.h"

#define CHUNK 4096

static uint8_t bounce[CHUNK];

static bool is_device(uint16_t mode)
{
	uint16_t type = mode & MFS_IFMT;
	return type == MFS_IFCHR || type == MFS_IFBLK;
}

static int get_name(endpoint_t who, const struct fs_request *q,
		    char name[FS_NAME_MAX + 1])
{
	if (q->len == 0)
		return -EINVAL;
	if (q->len > FS_NAME_MAX)
		return -ENAMETOOLONG;
	int r = sys_safecopyfrom(who, q->grant, 0, name, q->len);
	if (r < 0)
		return r;
	name[q->len] = 0;
	return strlen(name) == q->len ? 0 : -EINVAL;
}

static int do_stat(struct mfs *fs, uint32_t ino, struct fs_stat *st)
{
	bool open = fsopen_in_use(fs, ino);
	struct mfs_inode in;
	if (ino < 1 || ino > fs->sb.ninodes)
		return -EINVAL;
	int r = mfs_iget(fs, ino, &in);
	if (r < 0)
		return r;
	if (in.nlinks == 0 && (!open || in.mode == 0))
		return -ENOENT; /* a free inode */
	*st = (struct fs_stat){in.mode,	 in.nlinks, in.uid,
			       in.gid,	 in.size,   in.atime,
			       in.mtime, in.ctime,  in.zone[0]};
	if (!is_device(in.mode))
		st->rdev = 0;
	return 0;
}

/* Change an inode's owner, mode bits or times (q says which). */
static int do_attr(struct mfs *fs, int type, const struct fs_request *q,
		   struct fs_reply *rep)
{
	struct mfs_inode in;
	if (q->ino < 1 || q->ino > fs->sb.ninodes)
		return -EINVAL;
	int r = mfs_iget(fs, q->ino, &in);
	if (r < 0)
		return r;
	if (in.nlinks == 0)
		return -ENOENT;
	if (type == FS_CHMOD) {
		in.mode = (uint16_t)((in.mode & MFS_IFMT) | (q->mode & 07777));
	} else if (type == FS_CHOWN) {
		in.uid = q->uid;
		in.gid = q->gid;
	} else {
		in.atime = (uint32_t)q->pos;
		in.mtime = (uint32_t)(q->pos >> 32);
	}
	in.ctime = fs->now ? fs->now() : in.ctime;
	if ((r = mfs_iput(fs, q->ino, &in)) < 0)
		return r;
	return do_stat(fs, q->ino, &rep->st);
}

/* FS_RENAME: two names, "old\0new\0", in one grant. */
static int do_rename(struct mfs *fs, endpoint_t who, const struct fs_request *q)
{
	char names[2 * (FS_NAME_MAX + 1)];
	if (q->len < 4 || q->len > sizeof(names))
		return q->len > sizeof(names) ? -ENAMETOOLONG : -EINVAL;
	int r = sys_safecopyfrom(who, q->grant, 0, names, q->len);
	if (r < 0)
		return r;
	size_t n1 = strnlen(names, q->len);
	if (n1 == 0 || n1 + 1 >= q->len || names[q->len - 1] != 0 ||
	    strlen(names + n1 + 1) + n1 + 2 != q->len)
		return -EINVAL;
	return mfs_rename(fs, q->ino, names, q->ino2, names + n1 + 1);
}

/* After FS_CREATE of a device file: its number goes in zone[0]. */
static int set_rdev(struct mfs *fs, uint32_t ino, uint32_t rdev)
{
	struct mfs_inode in;
	int r = mfs_iget(fs, ino, &in);
	if (r < 0 || !is_device(in.mode))
		return r;
	in.zone[0] = rdev;
	return mfs_iput(fs, ino, &in);
}

static int do_io(struct mfs *fs, endpoint_t who, const struct fs_request *q,
		 int write)
{
	struct fs_stat st;
	int r = do_stat(fs, q->ino, &st);
	if (r < 0)
		return r;
	if ((st.mode & MFS_IFMT) == MFS_IFDIR && write)
		return -EISDIR;
	if (q->pos > 0x7fffffff || q->len > 0x7fffffff)
		return write ? -EFBIG : 0;
	uint32_t done = 0;
	while (done < q->len) {
		uint32_t n = q->len - done < CHUNK ? q->len - done : CHUNK;
		uint32_t pos = (uint32_t)q->pos + done;
		if (write) {
			r = sys_safecopyfrom(who, q->grant, done, bounce, n);
			if (r == 0)
				r = mfs_write(fs, q->ino, pos, bounce, n);
		} else {
			r = mfs_read(fs, q->ino, pos, bounce, n);
			if (r > 0) {
				int c = sys_safecopyto(who, q->grant, done,
						       bounce, (uint32_t)r);
				if (c < 0)
					r = c;
			}
		}
		if (r <= 0)
			break;
		done += (uint32_t)r;
		if ((uint32_t)r < n)
			break;
	}
	return done ? (int)done : r;
}

static int do_getdents(struct mfs *fs, endpoint_t who,
		       const struct fs_request *q, struct fs_reply *rep)
{
	struct fs_dirent *out = (struct fs_dirent *)bounce;
	uint32_t pos = (uint32_t)q->pos, n = 0;
	uint32_t room = q->len < CHUNK ? q->len : CHUNK;
	struct mfs_dirent e;
	int r = 0;
	if (q->pos > 0x7fffffff)
		return -EINVAL;
	while ((n + 1) * sizeof(*out) <= room) {
		uint32_t at = pos;
		r = mfs_readdir(fs, q->ino, &pos, &e);
		if (r <= 0) {
			pos = at;
			break;
		}
		memset(&out[n], 0, sizeof(out[n]));
		out[n].ino = e.ino;
		memcpy(out[n].name, e.name, MFS_NAME_MAX);
		n++;
	}
	if (r < 0)
		return r;
	if (n && (r = sys_safecopyto(who, q->grant, 0, bounce,
				     n * sizeof(*out))) < 0)
		return r;
	rep->pos = pos;
	return (int)(n * sizeof(*out));
}

/* The requests that change a volume (refused on a read-only one). */
static bool changes(int type)
{
	switch (type) {
	case FS_WRITE:
	case FS_TRUNC:
	case FS_CREATE:
	case FS_UNLINK:
	case FS_RMDIR:
	case FS_LINK:
	case FS_RENAME:
	case FS_CHMOD:
	case FS_CHOWN:
	case FS_UTIME:
		return true;
	default:
		return false;
	}
}

int fs_handle(struct fsmount *m, endpoint_t who, const struct fs_request *q,
	      int type, struct fs_reply *rep)
{
	char name[FS_NAME_MAX + 1];
	uint32_t ino, blocks, inodes;
	struct mfs *fs = &m->fs;
	int r;
	if (changes(type) && m->flags & FS_MNT_RDONLY)
		return -EROFS;
	switch (type) {
	case FS_STAT:
		return do_stat(fs, q->ino, &rep->st);
	case FS_READ:
	case FS_WRITE:
		return do_io(fs, who, q, type == FS_WRITE);
	case FS_TRUNC:
		if ((r = do_stat(fs, q->ino, &rep->st)) < 0)
			return r;
		if ((rep->st.mode & MFS_IFMT) == MFS_IFDIR)
			return -EISDIR;
		return q->pos > 0x7fffffff
			       ? -EFBIG
			       : mfs_truncate(fs, q->ino, (uint32_t)q->pos);
	case FS_GETDENTS:
		return do_getdents(fs, who, q, rep);
	case FS_STATVFS:
		if ((r = mfs_count_free(fs, &blocks, &inodes)) < 0)
			return r;
		FS_STATVFS_FREE_BLOCKS(rep) = blocks;
		FS_STATVFS_FREE_INODES(rep) = inodes;
		FS_STATVFS_BLOCKS(rep) = fs->sb.zones;
		FS_STATVFS_INODES(rep) = fs->sb.ninodes;
		return 0;
	case FS_SYNC:
		return fsmount_sync(m);
	case FS_OPEN:
		if ((r = do_stat(fs, q->ino, &rep->st)) < 0)
			return r;
		return fsopen_get(m, q->ino);
	case FS_CLOSE:
		return fsopen_put(m, q->ino);
	case FS_CHMOD:
	case FS_CHOWN:
	case FS_UTIME:
		return do_attr(fs, type, q, rep);
	case FS_RENAME:
		return do_rename(fs, who, q);
	}
	/* The rest name an entry in directory q->ino. */
	if ((r = get_name(who, q, name)) < 0)
		return r;
	switch (type) {
	case FS_LOOKUP:
		r = mfs_lookup(fs, q->ino, name, &ino);
		break;
	case FS_CREATE:
		r = mfs_create(fs, q->ino, name, q->mode, q->uid, q->gid, &ino);
		if (r == 0)
			r = set_rdev(fs, ino, q->ino2);
		break;
	case FS_UNLINK:
		return mfs_unlink(fs, q->ino, name);
	case FS_RMDIR:
		return mfs_rmdir(fs, q->ino, name);
	case FS_LINK:
		return mfs_link(fs, q->ino, name, q->ino2);
	default:
		return -ENOSYS;
	}
	if (r < 0)
		return r;
	rep->ino = ino;
	return do_stat(fs, ino, &rep->st);
}
