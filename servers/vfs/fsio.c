// SPDX-License-Identifier: BSD-2-Clause
/*
 * VFS as a client of the file server (proto/fs.h).  Names go through a
 * grant on VFS's own buffer; file data goes straight between FS and the
 * program: VFS passes the program's grant on to FS as an indirect grant,
 * so the bytes never pass through VFS.
 */
#include <string.h>

#include "vfs.h"

static endpoint_t fs_ep = NONE;

void fs_set(endpoint_t fs)
{
	fs_ep = fs;
}

int fs_call(int type, struct fs_request *q, struct fs_reply *rep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*FS_REQ(&m) = *q;
	int r = ipc_sendrec(fs_ep, &m);
	if (r < 0)
		return r == -EDEADSRCDST || r == -EDEADEPT ? -EIO : r;
	if (m.m_type != FS_REPLY)
		return -EIO;
	if (rep)
		*rep = *FS_REP(&m);
	return FS_REP(&m)->status;
}

int fs_named_req(int type, struct fs_request *q, const char *name,
		 struct fs_reply *rep)
{
	uint32_t len = (uint32_t)strlen(name);
	grant_id_t g = grant_create(fs_ep, name, len, GF_READ);
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
	grant_id_t g =
		grant_create_indirect(fs_ep, client, grant, 0, len, access);
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
	grant_id_t g = grant_create(fs_ep, buf, na + nb, GF_READ);
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
	grant_id_t g = grant_create(fs_ep, out, len, GF_WRITE);
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
