// SPDX-License-Identifier: BSD-2-Clause
/*
 * VFS as a client of file servers (proto/fs.h, through the client
 * library fsclient.h).  VFS names a file by its vnode number; each
 * fsio_ call finds the server and the volume number of the volume the
 * vnode is on (mount.c) and asks for the bare inode number, and an
 * inode number that comes back is turned into a vnode number again.  A
 * link or rename between two volumes is refused here (EXDEV).  File
 * data goes straight between FS and the program: the library passes
 * the program's grant on to FS as an indirect grant, so the bytes never
 * pass through VFS.
 */
#include "fsclient.h"
#include "vfs.h"

/* Where vnode v is: its server, its volume there, its inode there. */
struct where {
	endpoint_t fs;
	uint32_t dev;
	uint32_t ino;
};

static int where(uint32_t v, struct where *w)
{
	w->ino = VNO_INO(v);
	return mount_fs(v, &w->fs, &w->dev);
}

int fsio_lookup(uint32_t dir, const char *name, uint32_t *ino,
		struct fs_stat *st)
{
	struct where w;
	int r = where(dir, &w);
	if (r == 0)
		r = fs_lookup(w.fs, w.dev, w.ino, name, ino, st);
	if (r == 0)
		*ino = VNO(VNO_MNT(dir), *ino);
	return r;
}

int fsio_stat(uint32_t ino, struct fs_stat *st)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r : fs_stat(w.fs, w.dev, w.ino, st);
}

int fsio_create(uint32_t dir, const char *name, uint16_t mode, uint16_t uid,
		uint16_t gid, uint32_t rdev, uint32_t *ino, struct fs_stat *st)
{
	struct where w;
	int r = where(dir, &w);
	if (r == 0)
		r = fs_create(w.fs, w.dev, w.ino, name, mode, uid, gid, rdev,
			      ino, st);
	if (r == 0)
		*ino = VNO(VNO_MNT(dir), *ino);
	return r;
}

int fsio_unlink(uint32_t dir, const char *name)
{
	struct where w;
	int r = where(dir, &w);
	return r < 0 ? r : fs_unlink(w.fs, w.dev, w.ino, name);
}

int fsio_rmdir(uint32_t dir, const char *name)
{
	struct where w;
	int r = where(dir, &w);
	return r < 0 ? r : fs_rmdir(w.fs, w.dev, w.ino, name);
}

int fsio_link(uint32_t dir, const char *name, uint32_t target)
{
	struct where w;
	int r = where(dir, &w);
	if (r == 0 && VNO_MNT(target) != VNO_MNT(dir))
		r = -EXDEV;
	return r < 0 ? r : fs_link(w.fs, w.dev, w.ino, name, VNO_INO(target));
}

int fsio_rename(uint32_t old_dir, const char *old_name, uint32_t new_dir,
		const char *new_name)
{
	struct where w;
	int r = where(old_dir, &w);
	if (r == 0 && VNO_MNT(new_dir) != VNO_MNT(old_dir))
		r = -EXDEV;
	return r < 0 ? r
		     : fs_rename(w.fs, w.dev, w.ino, old_name, VNO_INO(new_dir),
				 new_name);
}

int fsio_chmod(uint32_t ino, uint16_t mode)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r : fs_chmod(w.fs, w.dev, w.ino, mode, 0);
}

int fsio_chown(uint32_t ino, uint16_t uid, uint16_t gid)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r : fs_chown(w.fs, w.dev, w.ino, uid, gid, 0);
}

int fsio_utime(uint32_t ino, uint32_t atime, uint32_t mtime)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r : fs_utime(w.fs, w.dev, w.ino, atime, mtime, 0);
}

int fsio_trunc(uint32_t ino, uint64_t size)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r : fs_trunc(w.fs, w.dev, w.ino, size);
}

int fsio_open(uint32_t ino)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r : fs_open(w.fs, w.dev, w.ino, 0);
}

int fsio_close(uint32_t ino)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r : fs_close(w.fs, w.dev, w.ino);
}

int fsio_statvfs(uint32_t ino, struct fs_statvfs_reply *out)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r : fs_statvfs(w.fs, w.dev, out);
}

int fsio_sync(uint32_t ino)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r : fs_sync(w.fs, w.dev);
}

int fsio_read(uint32_t ino, int64_t pos, endpoint_t client, grant_id_t grant,
	      uint32_t len)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r
		     : fs_read(w.fs, w.dev, w.ino, (uint64_t)pos,
			       fs_buf_there(client, grant, len));
}

int fsio_write(uint32_t ino, int64_t pos, endpoint_t client, grant_id_t grant,
	       uint32_t len)
{
	struct where w;
	int r = where(ino, &w);
	return r < 0 ? r
		     : fs_write(w.fs, w.dev, w.ino, (uint64_t)pos,
				fs_buf_there(client, grant, len));
}

int fsio_getdents(uint32_t dir, int64_t *pos, endpoint_t client,
		  grant_id_t grant, uint32_t len)
{
	struct where w;
	uint64_t at = (uint64_t)*pos;
	int r = where(dir, &w);
	if (r == 0)
		r = fs_getdents(w.fs, w.dev, w.ino, &at,
				fs_buf_there(client, grant, len));
	if (r >= 0)
		*pos = (int64_t)at;
	return r;
}

int fsio_getdents_local(uint32_t dir, uint32_t *pos, struct fs_dirent *out,
			uint32_t n)
{
	struct where w;
	uint64_t at = *pos;
	int r = where(dir, &w);
	if (r == 0)
		r = fs_getdents(w.fs, w.dev, w.ino, &at,
				fs_buf_here(out, n * (uint32_t)sizeof(*out)));
	if (r < 0)
		return r;
	*pos = (uint32_t)at;
	return r / (int)sizeof(*out);
}
