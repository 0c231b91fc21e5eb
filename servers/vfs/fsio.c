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

int fs_named(int type, uint32_t dir, const char *name, uint16_t mode,
	     struct fs_reply *rep)
{
	uint32_t len = (uint32_t)strlen(name);
	grant_id_t g = grant_create(fs_ep, name, len, GF_READ);
	if (g < 0)
		return g;
	struct fs_request q = {
		.ino = dir, .grant = g, .len = len, .mode = mode};
	int r = fs_call(type, &q, rep);
	grant_revoke(g);
	return r;
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
