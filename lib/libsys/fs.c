// SPDX-License-Identifier: BSD-2-Clause
/*
 * The file-server client calls (see include/fsclient.h).  Each one fills
 * its request's struct from proto/fs.h and goes through call(), which
 * puts exactly that struct in a message (the rest is zero), waits for
 * the answer and copies it out.  A name is granted read-only, without
 * its NUL; a buffer is granted for the one request (or, for a buffer of
 * another process, passed on as an indirect grant); every grant is
 * revoked when the answer is in.  Checking is left to FS, so the rules
 * live in one place: a name too long or empty goes to FS as it is.
 */
#include <string.h>

#include "fsclient.h"
#include "libsys.h"

/* One request: q (len bytes) of `type` to fs; the answer into *rep. */
static int call(endpoint_t fs, int type, const void *q, uint32_t len,
		union fs_rep *rep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	memcpy(m.m_u.b, q, len);
	int r = ipc_sendrec(fs, &m);
	if (r < 0)
		return r == -EDEADSRCDST || r == -EDEADEPT ? -EIO : r;
	if (m.m_type != FS_REPLY)
		return -EIO;
	if (rep)
		*rep = *FS_REP(&m);
	return FS_REP(&m)->status;
}

/* The grant on the bytes of b for fs. */
static grant_id_t buf_grant(endpoint_t fs, struct fs_buf b, uint32_t access)
{
	if (b.owner == NONE)
		return grant_create(fs, b.addr, b.len, access);
	return grant_create_indirect(fs, b.owner, b.grant, 0, b.len, access);
}

static void stat_out(const struct fs_stat_reply *rep, int r, struct fs_stat *st)
{
	if (r >= 0 && st)
		*st = rep->st;
}

static void entry_out(const struct fs_entry_reply *rep, int r, uint32_t *ino,
		      struct fs_stat *st)
{
	if (r >= 0 && ino)
		*ino = rep->ino;
	if (r >= 0 && st)
		*st = rep->st;
}

/* FS_LOOKUP, FS_UNLINK, FS_RMDIR: name in dir. */
static int entry_call(endpoint_t fs, int type, uint32_t dev, uint32_t dir,
		      const char *name, union fs_rep *rep)
{
	struct fs_entry q = {
		.dev = dev, .dir = dir, .name_len = (uint32_t)strlen(name)};
	q.name = grant_create(fs, name, q.name_len, GF_READ);
	if (q.name < 0)
		return q.name;
	int r = call(fs, type, &q, sizeof(q), rep);
	grant_revoke(q.name);
	return r;
}

int fs_mount(endpoint_t fs, endpoint_t driver, uint32_t minor, uint32_t rdev,
	     uint32_t flags)
{
	struct fs_mount q = {
		.driver = driver, .minor = minor, .rdev = rdev, .flags = flags};
	return call(fs, FS_MOUNT, &q, sizeof(q), 0);
}

int fs_unmount(endpoint_t fs, uint32_t dev)
{
	struct fs_volume q = {.dev = dev};
	return call(fs, FS_UNMOUNT, &q, sizeof(q), 0);
}

int fs_sync(endpoint_t fs, uint32_t dev)
{
	struct fs_volume q = {.dev = dev};
	return call(fs, FS_SYNC, &q, sizeof(q), 0);
}

int fs_statvfs(endpoint_t fs, uint32_t dev, struct fs_statvfs_reply *out)
{
	struct fs_volume q = {.dev = dev};
	union fs_rep rep;
	int r = call(fs, FS_STATVFS, &q, sizeof(q), &rep);
	if (r >= 0)
		*out = rep.statvfs;
	return r;
}

int fs_lookup(endpoint_t fs, uint32_t dev, uint32_t dir, const char *name,
	      uint32_t *ino, struct fs_stat *st)
{
	union fs_rep rep;
	int r = entry_call(fs, FS_LOOKUP, dev, dir, name, &rep);
	entry_out(&rep.lookup, r, ino, st);
	return r;
}

int fs_create(endpoint_t fs, uint32_t dev, uint32_t dir, const char *name,
	      uint16_t mode, uint16_t uid, uint16_t gid, uint32_t rdev,
	      uint32_t *ino, struct fs_stat *st)
{
	struct fs_create q = {.dev = dev,
			      .dir = dir,
			      .name_len = (uint32_t)strlen(name),
			      .rdev = rdev,
			      .mode = mode,
			      .uid = uid,
			      .gid = gid};
	union fs_rep rep;
	q.name = grant_create(fs, name, q.name_len, GF_READ);
	if (q.name < 0)
		return q.name;
	int r = call(fs, FS_CREATE, &q, sizeof(q), &rep);
	grant_revoke(q.name);
	entry_out(&rep.create, r, ino, st);
	return r;
}

int fs_unlink(endpoint_t fs, uint32_t dev, uint32_t dir, const char *name)
{
	return entry_call(fs, FS_UNLINK, dev, dir, name, 0);
}

int fs_rmdir(endpoint_t fs, uint32_t dev, uint32_t dir, const char *name)
{
	return entry_call(fs, FS_RMDIR, dev, dir, name, 0);
}

int fs_link(endpoint_t fs, uint32_t dev, uint32_t dir, const char *name,
	    uint32_t target)
{
	struct fs_link q = {.dev = dev,
			    .dir = dir,
			    .name_len = (uint32_t)strlen(name),
			    .target = target};
	q.name = grant_create(fs, name, q.name_len, GF_READ);
	if (q.name < 0)
		return q.name;
	int r = call(fs, FS_LINK, &q, sizeof(q), 0);
	grant_revoke(q.name);
	return r;
}

/* Both names in one grant: "old\0new\0". */
int fs_rename(endpoint_t fs, uint32_t dev, uint32_t old_dir,
	      const char *old_name, uint32_t new_dir, const char *new_name)
{
	char buf[2 * (FS_NAME_MAX + 1)];
	size_t na = strlen(old_name) + 1, nb = strlen(new_name) + 1;
	if (na + nb > sizeof(buf))
		return -ENAMETOOLONG;
	memcpy(buf, old_name, na);
	memcpy(buf + na, new_name, nb);
	struct fs_rename q = {.dev = dev,
			      .old_dir = old_dir,
			      .new_dir = new_dir,
			      .names_len = (uint32_t)(na + nb)};
	q.names = grant_create(fs, buf, q.names_len, GF_READ);
	if (q.names < 0)
		return q.names;
	int r = call(fs, FS_RENAME, &q, sizeof(q), 0);
	grant_revoke(q.names);
	return r;
}

int fs_stat(endpoint_t fs, uint32_t dev, uint32_t ino, struct fs_stat *st)
{
	struct fs_inode q = {.dev = dev, .ino = ino};
	union fs_rep rep;
	int r = call(fs, FS_STAT, &q, sizeof(q), &rep);
	stat_out(&rep.stat, r, st);
	return r;
}

int fs_chmod(endpoint_t fs, uint32_t dev, uint32_t ino, uint16_t mode,
	     struct fs_stat *st)
{
	struct fs_chmod q = {.dev = dev, .ino = ino, .mode = mode};
	union fs_rep rep;
	int r = call(fs, FS_CHMOD, &q, sizeof(q), &rep);
	stat_out(&rep.chmod, r, st);
	return r;
}

int fs_chown(endpoint_t fs, uint32_t dev, uint32_t ino, uint16_t uid,
	     uint16_t gid, struct fs_stat *st)
{
	struct fs_chown q = {.dev = dev, .ino = ino, .uid = uid, .gid = gid};
	union fs_rep rep;
	int r = call(fs, FS_CHOWN, &q, sizeof(q), &rep);
	stat_out(&rep.chown, r, st);
	return r;
}

int fs_utime(endpoint_t fs, uint32_t dev, uint32_t ino, uint32_t atime,
	     uint32_t mtime, struct fs_stat *st)
{
	struct fs_utime q = {
		.dev = dev, .ino = ino, .atime = atime, .mtime = mtime};
	union fs_rep rep;
	int r = call(fs, FS_UTIME, &q, sizeof(q), &rep);
	stat_out(&rep.utime, r, st);
	return r;
}

int fs_trunc(endpoint_t fs, uint32_t dev, uint32_t ino, uint64_t size)
{
	struct fs_trunc q = {.dev = dev, .ino = ino, .size = size};
	return call(fs, FS_TRUNC, &q, sizeof(q), 0);
}

int fs_open(endpoint_t fs, uint32_t dev, uint32_t ino, struct fs_stat *st)
{
	struct fs_inode q = {.dev = dev, .ino = ino};
	union fs_rep rep;
	int r = call(fs, FS_OPEN, &q, sizeof(q), &rep);
	stat_out(&rep.open, r, st);
	return r;
}

int fs_close(endpoint_t fs, uint32_t dev, uint32_t ino)
{
	struct fs_inode q = {.dev = dev, .ino = ino};
	return call(fs, FS_CLOSE, &q, sizeof(q), 0);
}

/* FS_READ, FS_WRITE: FS writes into the buffer of a read. */
static int io(endpoint_t fs, int type, uint32_t dev, uint32_t ino, uint64_t pos,
	      struct fs_buf b)
{
	struct fs_io q = {.dev = dev, .ino = ino, .pos = pos, .len = b.len};
	q.grant = buf_grant(fs, b, type == FS_READ ? GF_WRITE : GF_READ);
	if (q.grant < 0)
		return q.grant;
	int r = call(fs, type, &q, sizeof(q), 0);
	grant_revoke(q.grant);
	return r;
}

int fs_read(endpoint_t fs, uint32_t dev, uint32_t ino, uint64_t pos,
	    struct fs_buf b)
{
	return io(fs, FS_READ, dev, ino, pos, b);
}

int fs_write(endpoint_t fs, uint32_t dev, uint32_t ino, uint64_t pos,
	     struct fs_buf b)
{
	return io(fs, FS_WRITE, dev, ino, pos, b);
}

int fs_getdents(endpoint_t fs, uint32_t dev, uint32_t dir, uint64_t *pos,
		struct fs_buf b)
{
	struct fs_getdents q = {
		.dev = dev, .dir = dir, .pos = *pos, .len = b.len};
	union fs_rep rep;
	q.grant = buf_grant(fs, b, GF_WRITE);
	if (q.grant < 0)
		return q.grant;
	int r = call(fs, FS_GETDENTS, &q, sizeof(q), &rep);
	grant_revoke(q.grant);
	if (r >= 0)
		*pos = rep.getdents.pos;
	return r;
}
