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
 * The call table below names the handler of each request (mount.c for
 * whole volumes, ops.c for inodes and names); a type it does not hold
 * is answered ENOSYS.  The reply goes out with ipc_reply.
 *
 * FS serves VFS and nobody else (lib/libsys/peer.c; a test that plays
 * VFS is named on the command line, `clients=t_fs`): anybody else's
 * request is answered with EPERM, counted and logged.
 */
#include <string.h>

#include "fs.h"

static int (*const calls[])(endpoint_t who, const union fs_req *q,
			    union fs_rep *rep) = {
	[FS_LOOKUP - FS_BASE] = do_lookup,
	[FS_STAT - FS_BASE] = do_stat,
	[FS_READ - FS_BASE] = do_read,
	[FS_WRITE - FS_BASE] = do_write,
	[FS_TRUNC - FS_BASE] = do_trunc,
	[FS_CREATE - FS_BASE] = do_create,
	[FS_UNLINK - FS_BASE] = do_unlink,
	[FS_RMDIR - FS_BASE] = do_rmdir,
	[FS_LINK - FS_BASE] = do_link,
	[FS_GETDENTS - FS_BASE] = do_getdents,
	[FS_STATVFS - FS_BASE] = do_statvfs,
	[FS_SYNC - FS_BASE] = do_sync,
	[FS_RENAME - FS_BASE] = do_rename,
	[FS_CHMOD - FS_BASE] = do_chmod,
	[FS_CHOWN - FS_BASE] = do_chown,
	[FS_UTIME - FS_BASE] = do_utime,
	[FS_MOUNT - FS_BASE] = do_mount,
	[FS_UNMOUNT - FS_BASE] = do_unmount,
	[FS_OPEN - FS_BASE] = do_open,
	[FS_CLOSE - FS_BASE] = do_close,
};

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
		union fs_req q = *FS_REQ(&m);
		union fs_rep rep;
		memset(&rep, 0, sizeof(rep));
		int r = peer_check(&clients, m.m_source, m.m_type);
		if (r == 0) {
			int (*call)(endpoint_t, const union fs_req *,
				    union fs_rep *) =
				CALL_IN(calls, FS_BASE, m.m_type);
			r = call ? call(m.m_source, &q, &rep) : -ENOSYS;
		}
		rep.status = r;
		ipc_reply(m.m_source, FS_REPLY, &rep, sizeof(rep));
	}
}
