// SPDX-License-Identifier: BSD-2-Clause
/*
 * The FS server's handlers for requests about inodes and names
 * (proto/fs.h), on top of libmfs; main.c's call table names them.
 * Each finds its volume first (fsmount_of: mounted, and writable for a
 * change), then checks the rest of its request, then acts.  Names and
 * data come and go through the client's grants, in chunks through one
 * bounce buffer.
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

/* A name of len bytes (no NUL) through grant g. */
static int get_name(endpoint_t who, grant_id_t g, uint32_t len,
		    char name[FS_NAME_MAX + 1])
{
	if (len == 0)
		return -EINVAL;
	if (len > FS_NAME_MAX)
		return -ENAMETOOLONG;
	int r = sys_safecopyfrom(who, g, 0, name, len);
	if (r < 0)
		return r;
	name[len] = 0;
	return strlen(name) == len ? 0 : -EINVAL;
}

/* The volume of a request about an entry, and the entry's name. */
static int entry_args(endpoint_t who, uint32_t dev, bool change, grant_id_t g,
		      uint32_t len, struct fsmount **m,
		      char name[FS_NAME_MAX + 1])
{
	int r = fsmount_of(dev, change, m);
	return r < 0 ? r : get_name(who, g, len, name);
}

static int stat_of(struct mfs *fs, uint32_t ino, struct fs_stat *st)
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

/* The answer to FS_LOOKUP and FS_CREATE: the entry's inode. */
static int entry_reply(struct mfs *fs, uint32_t ino, struct fs_entry_reply *rep)
{
	rep->ino = ino;
	return stat_of(fs, ino, &rep->st);
}

/* FS_CHMOD, FS_CHOWN, FS_UTIME: inode ino of a writable volume, to
 * change (inode_get), then written back with its ctime (inode_put). */
static int inode_get(uint32_t dev, uint32_t ino, struct fsmount **m,
		     struct mfs_inode *in)
{
	int r = fsmount_of(dev, true, m);
	if (r < 0)
		return r;
	if (ino < 1 || ino > (*m)->fs.sb.ninodes)
		return -EINVAL;
	if ((r = mfs_iget(&(*m)->fs, ino, in)) < 0)
		return r;
	return in->nlinks == 0 ? -ENOENT : 0;
}

static int inode_put(struct fsmount *m, uint32_t ino, struct mfs_inode *in,
		     struct fs_stat *st)
{
	struct mfs *fs = &m->fs;
	in->ctime = fs->now ? fs->now() : in->ctime;
	int r = mfs_iput(fs, ino, in);
	return r < 0 ? r : stat_of(fs, ino, st);
}

int do_lookup(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_entry *q = &u->lookup;
	char name[FS_NAME_MAX + 1];
	struct fsmount *m;
	uint32_t ino;
	int r = entry_args(who, q->dev, false, q->name, q->name_len, &m, name);
	if (r == 0)
		r = mfs_lookup(&m->fs, q->dir, name, &ino);
	return r < 0 ? r : entry_reply(&m->fs, ino, &rep->lookup);
}

int do_stat(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_inode *q = &u->stat;
	struct fsmount *m;
	(void)who;
	int r = fsmount_of(q->dev, false, &m);
	return r < 0 ? r : stat_of(&m->fs, q->ino, &rep->stat.st);
}

static int io(endpoint_t who, const struct fs_io *q, bool write)
{
	struct fsmount *m;
	struct fs_stat st;
	int r = fsmount_of(q->dev, write, &m);
	if (r == 0)
		r = stat_of(&m->fs, q->ino, &st);
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
				r = mfs_write(&m->fs, q->ino, pos, bounce, n);
		} else {
			r = mfs_read(&m->fs, q->ino, pos, bounce, n);
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

int do_read(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	(void)rep;
	return io(who, &u->read, false);
}

int do_write(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	(void)rep;
	return io(who, &u->write, true);
}

int do_trunc(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_trunc *q = &u->trunc;
	struct fsmount *m;
	struct fs_stat st;
	(void)who, (void)rep;
	int r = fsmount_of(q->dev, true, &m);
	if (r == 0)
		r = stat_of(&m->fs, q->ino, &st);
	if (r < 0)
		return r;
	if ((st.mode & MFS_IFMT) == MFS_IFDIR)
		return -EISDIR;
	return q->size > 0x7fffffff
		       ? -EFBIG
		       : mfs_truncate(&m->fs, q->ino, (uint32_t)q->size);
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

int do_create(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_create *q = &u->create;
	char name[FS_NAME_MAX + 1];
	struct fsmount *m;
	uint32_t ino;
	int r = entry_args(who, q->dev, true, q->name, q->name_len, &m, name);
	if (r == 0)
		r = mfs_create(&m->fs, q->dir, name, q->mode, q->uid, q->gid,
			       &ino);
	if (r == 0)
		r = set_rdev(&m->fs, ino, q->rdev);
	return r < 0 ? r : entry_reply(&m->fs, ino, &rep->create);
}

int do_unlink(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_entry *q = &u->unlink;
	char name[FS_NAME_MAX + 1];
	struct fsmount *m;
	(void)rep;
	int r = entry_args(who, q->dev, true, q->name, q->name_len, &m, name);
	return r < 0 ? r : mfs_unlink(&m->fs, q->dir, name);
}

int do_rmdir(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_entry *q = &u->rmdir;
	char name[FS_NAME_MAX + 1];
	struct fsmount *m;
	(void)rep;
	int r = entry_args(who, q->dev, true, q->name, q->name_len, &m, name);
	return r < 0 ? r : mfs_rmdir(&m->fs, q->dir, name);
}

int do_link(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_link *q = &u->link;
	char name[FS_NAME_MAX + 1];
	struct fsmount *m;
	(void)rep;
	int r = entry_args(who, q->dev, true, q->name, q->name_len, &m, name);
	return r < 0 ? r : mfs_link(&m->fs, q->dir, name, q->target);
}

int do_getdents(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_getdents *q = &u->getdents;
	struct fs_dirent *out = (struct fs_dirent *)bounce;
	uint32_t pos = (uint32_t)q->pos, n = 0;
	uint32_t room = q->len < CHUNK ? q->len : CHUNK;
	struct mfs_dirent e;
	struct fsmount *m;
	int r = fsmount_of(q->dev, false, &m);
	if (r < 0)
		return r;
	if (q->pos > 0x7fffffff)
		return -EINVAL;
	while ((n + 1) * sizeof(*out) <= room) {
		uint32_t at = pos;
		r = mfs_readdir(&m->fs, q->dir, &pos, &e);
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
	rep->getdents.pos = pos;
	return (int)(n * sizeof(*out));
}

/* FS_RENAME: two names, "old\0new\0", in one grant. */
int do_rename(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_rename *q = &u->rename;
	char names[2 * (FS_NAME_MAX + 1)];
	struct fsmount *m;
	(void)rep;
	int r = fsmount_of(q->dev, true, &m);
	if (r < 0)
		return r;
	if (q->names_len < 4 || q->names_len > sizeof(names))
		return q->names_len > sizeof(names) ? -ENAMETOOLONG : -EINVAL;
	if ((r = sys_safecopyfrom(who, q->names, 0, names, q->names_len)) < 0)
		return r;
	size_t n1 = strnlen(names, q->names_len);
	if (n1 == 0 || n1 + 1 >= q->names_len || names[q->names_len - 1] != 0 ||
	    strlen(names + n1 + 1) + n1 + 2 != q->names_len)
		return -EINVAL;
	return mfs_rename(&m->fs, q->old_dir, names, q->new_dir,
			  names + n1 + 1);
}

int do_chmod(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_chmod *q = &u->chmod;
	struct fsmount *m;
	struct mfs_inode in;
	(void)who;
	int r = inode_get(q->dev, q->ino, &m, &in);
	if (r < 0)
		return r;
	in.mode = (uint16_t)((in.mode & MFS_IFMT) | (q->mode & 07777));
	return inode_put(m, q->ino, &in, &rep->chmod.st);
}

int do_chown(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_chown *q = &u->chown;
	struct fsmount *m;
	struct mfs_inode in;
	(void)who;
	int r = inode_get(q->dev, q->ino, &m, &in);
	if (r < 0)
		return r;
	in.uid = q->uid;
	in.gid = q->gid;
	return inode_put(m, q->ino, &in, &rep->chown.st);
}

int do_utime(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_utime *q = &u->utime;
	struct fsmount *m;
	struct mfs_inode in;
	(void)who;
	int r = inode_get(q->dev, q->ino, &m, &in);
	if (r < 0)
		return r;
	in.atime = q->atime;
	in.mtime = q->mtime;
	return inode_put(m, q->ino, &in, &rep->utime.st);
}

int do_open(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_inode *q = &u->open;
	struct fsmount *m;
	(void)who;
	int r = fsmount_of(q->dev, false, &m);
	if (r == 0)
		r = stat_of(&m->fs, q->ino, &rep->open.st);
	return r < 0 ? r : fsopen_get(m, q->ino);
}

int do_close(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_inode *q = &u->close;
	struct fsmount *m;
	(void)who, (void)rep;
	int r = fsmount_of(q->dev, false, &m);
	return r < 0 ? r : fsopen_put(m, q->ino);
}
