// SPDX-License-Identifier: BSD-2-Clause
/*
 * FS: the MINIX v3 file server.
 *
 * Volumes come and go with FS_MOUNT and FS_UNMOUNT from VFS (mount.c);
 * the first one VFS mounts, at its start, is the root (VFS's root.c
 * chooses the device).  A request names its volume by `dev`, the index
 * FS_MOUNT returned (the root is 0), and gets exactly one reply, sent
 * only if the client is waiting for it.  The on-disk logic is
 * lib/libmfs; blocks pass through the write-back cache in cache.c.  A
 * volume that cannot be mounted is reported with the reason; until a
 * root is mounted every request on volume 0 fails with EIO.
 *
 * FS serves VFS and nobody else (lib/libsys/peer.c; a test that plays
 * VFS is named on the command line, `clients=t_fs`): anybody else's
 * request is answered with EPERM, counted and logged.
 */
#include <stdio.h>
#include <string.h>

#include "devnum.h"
#include "fs.h"

static int handle(endpoint_t who, int type, const struct fs_request *q,
		  struct fs_reply *rep)
{
	char what[24];
	if (type == FS_MOUNT) {
		snprintf(what, sizeof(what), "device %u,%u", DEV_MAJOR(q->pos),
			 DEV_MINOR(q->pos));
		if (q->ino2 == (uint32_t)NONE || q->mode & ~FS_MNT_RDONLY)
			return -EINVAL;
		return fsmount_add((endpoint_t)q->ino2, q->ino, q->mode, what);
	}
	if (type == FS_UNMOUNT)
		return q->dev == 0 ? -EBUSY : fsmount_remove(q->dev);
	if (type == FS_SYNC && q->dev == FS_ALL)
		return fsmount_sync(0);
	struct fsmount *m = fsmount_get(q->dev);
	if (!m)
		return q->dev == 0 ? -EIO : -ENXIO;
	return fs_handle(m, who, q, type, rep);
}

int main(int argc, char **argv)
{
	static struct peer_set clients;
	peer_args(argc, argv);
	peer_init(&clients, "file-server requests", "vfs");
	for (;;) {
		message_t m;
		int status;
		if (ipc_receive(ANY, &m, &status) != 0 || IPC_IS_NOTIFY(status))
			continue;
		struct fs_request q = *FS_REQ(&m);
		struct fs_reply rep;
		memset(&rep, 0, sizeof(rep));
		rep.status = peer_check(&clients, m.m_source, m.m_type);
		if (rep.status == 0)
			rep.status = handle(m.m_source, m.m_type, &q, &rep);
		endpoint_t client = m.m_source;
		m.m_type = FS_REPLY;
		*FS_REP(&m) = rep;
		ipc_sendnb(client, &m);
	}
}
