// SPDX-License-Identifier: BSD-2-Clause
/*
 * FS: the MINIX v3 file server.
 *
 * Usage: fs [DRIVER [MINOR]]   (default: memory 0, the RAM disk)
 *
 * It opens the block device, mounts the file system on it (a bad one is
 * reported with the reason, and every request then fails with EIO), and
 * serves proto/fs.h requests: each gets exactly one reply, sent only if
 * the client is waiting for it.  The on-disk logic is lib/libmfs; blocks
 * pass through the write-back cache in cache.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fs.h"

static uint32_t now(void)
{
	struct kc_times t;
	return sys_times(&t) == 0 ? (uint32_t)(t.ticks / t.hz) : 0;
}

int main(int argc, char **argv)
{
	const char *driver = argc > 1 ? argv[1] : "memory";
	uint32_t minor = argc > 2 ? (uint32_t)strtoul(argv[2], 0, 0) : 0;
	struct mfs fs;
	struct mfs_dev dev;
	uint32_t nblocks = 0;
	const char *why = "cannot open the device";
	int mounted = 0;
	if (bdev_attach(driver, minor, &nblocks) == 0) {
		cache_init(nblocks, &dev);
		mounted = mfs_mount(&fs, &dev, &why) == 0;
	}
	if (mounted) {
		fs.now = now;
		printf("fs: mounted %s minor %u: %u blocks, %u inodes\n",
		       driver, (unsigned)minor, (unsigned)fs.sb.zones,
		       (unsigned)fs.sb.ninodes);
	} else {
		printf("fs: cannot mount %s minor %u: %s\n", driver,
		       (unsigned)minor, why);
	}
	fflush(stdout);
	for (;;) {
		message_t m;
		int status;
		if (ipc_receive(ANY, &m, &status) != 0 || IPC_IS_NOTIFY(status))
			continue;
		struct fs_request q = *FS_REQ(&m);
		struct fs_reply rep;
		memset(&rep, 0, sizeof(rep));
		rep.status =
			mounted ? fs_handle(&fs, m.m_source, &q, m.m_type, &rep)
				: -EIO;
		endpoint_t client = m.m_source;
		m.m_type = FS_REPLY;
		*FS_REP(&m) = rep;
		ipc_sendnb(client, &m);
	}
}
