// SPDX-License-Identifier: BSD-2-Clause
/*
 * VFS as a client of file servers (proto/fs.h).  A request goes to the
 * server of the volume its vnode number names (mount.c), with the
 * volume's number and the bare inode number; a link or rename between
 * two volumes is refused here (EXDEV).  Names go through a grant on
 * VFS's own buffer; file data goes straight between FS and the program:
 * VFS passes the program's grant on to FS as an indirect grant, so the
 * bytes never pass through VFS.
 */
#include <string.h>

#include "vfs.h"

int fs_send(endpoint_t fs, int type, struct fs_request *q, struct fs_reply *rep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*FS_REQ(&m) = *q;
	int r = ipc_sendrec(fs, &m);
	if (r < 0)
		return r == -EDEADSRCDST || r == -EDEADEPT ? -EIO : r;
	if (m.m_type != FS_REPLY)
		return -EIO;
	if (rep)
		*rep = *FS_REP(&m);
	return FS_REP(&m)->status;
}

int fs_call(int type, struct fs_request *q, struct fs_reply *rep)
{
	endpoint_t fs;
	struct fs_request sent = *q;
	uint32_t mnt = VNO_MNT(q->ino);
	int r = mount_fs(q->ino, &fs, &sent.dev);
	if (r < 0)
		return r;
	sent.ino = VNO_INO(q->ino);
	if (type == FS_LINK || type == FS_RENAME) {
		if (VNO_MNT(q->ino2) != mnt)
			return -EXDEV;
		sent.ino2 = VNO_INO(q->ino2);
	}
	struct fs_reply got;
	r = fs_send(fs, type, &sent, &got);
	if (rep) {
		*rep = got;
		if (type == FS_LOOKUP || type == FS_CREATE)
			rep->ino = VNO(mnt, got.ino);
	}
	return r;
}

/* The server that holds vnode v, for grants. */
static endpoint_t fs_of(uint32_t v)
{
	endpoint_t fs = NONE;
	uint32_t dev;
	mount_fs(v, &fs, &dev);
	return fs;
}

int fs_named_req(int type, struct fs_request *q, const char *name,
		 struct fs_reply *rep)
{
	uint32_t len = (uint32_t)strlen(name);
	grant_id_t g = grant_create(fs_of(q->ino), name, len, GF_READ);
	if (g < 0)
		return g;
	q->grant = g;
	q->len = len;
	int r = fs_call(type, q, rep);
	grant_revoke(g);
	return r;
}

int fs_named(int type, uint32_t dir, const char *name, uint16_t mode,
	     struct fs_reply *rep)
{
	struct fs_request q = {.ino = dir, .mode = mode};
	return fs_named_req(type, &q, name, rep);
}

int fs_data(int type, uint32_t ino, int64_t pos, endpoint_t client,
	    grant_id_t grant, uint32_t len, struct fs_reply *rep)
{
	uint32_t access =
		type == FS_READ || type == FS_GETDENTS ? GF_WRITE : GF_READ;
	grant_id_t g = grant_create_indirect(fs_of(ino), client, grant, 0, len,
					     access);
	if (g < 0)
		return g;
	struct fs_request q = {
		.ino = ino, .pos = (uint64_t)pos, .grant = g, .len = len};
	int r = fs_call(type, &q, rep);
	grant_revoke(g);
	return r;
}

/* Two names in one grant ("a\0b\0"): FS_RENAME. */
int fs_names(int type, uint32_t dir, uint32_t dir2, const char *a,
	     const char *b)
{
	char buf[2 * (FS_NAME_MAX + 1)];
	uint32_t na = (uint32_t)strlen(a) + 1, nb = (uint32_t)strlen(b) + 1;
	memcpy(buf, a, na);
	memcpy(buf + na, b, nb);
	grant_id_t g = grant_create(fs_of(dir), buf, na + nb, GF_READ);
	if (g < 0)
		return g;
	struct fs_request q = {
		.ino = dir, .ino2 = dir2, .grant = g, .len = na + nb};
	int r = fs_call(type, &q, 0);
	grant_revoke(g);
	return r;
}

int fs_getdents_local(uint32_t dir, uint32_t *pos, struct fs_dirent *out,
		      uint32_t n)
{
	uint32_t len = n * (uint32_t)sizeof(*out);
	grant_id_t g = grant_create(fs_of(dir), out, len, GF_WRITE);
	if (g < 0)
		return g;
	struct fs_request q = {.ino = dir, .pos = *pos, .grant = g, .len = len};
	struct fs_reply rep;
	int r = fs_call(FS_GETDENTS, &q, &rep);
	grant_revoke(g);
	if (r < 0)
		return r;
	*pos = (uint32_t)rep.pos;
	return r / (int)sizeof(*out);
}
