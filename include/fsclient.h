/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The file-server client calls (lib/libsys/fs.c), so that nobody fills
 * FS messages by hand.  The protocol, its rules and its errors are in
 * proto/fs.h; VFS is the one real client (servers/vfs/fsio.c), and
 * tests/guest/t_fs.c plays VFS.
 *
 * Each call takes the file server's endpoint and the volume `dev` that
 * fs_mount answered (the root is 0), makes the grants its request needs
 * (a name, two names, a buffer), sends, waits, and revokes them.  It
 * returns >= 0 (0, or a count, or a volume) or a negative errno; -EIO
 * if the server died or answered with something else than FS_REPLY.
 * Out-pointers (st, ino) may be null when the answer is not wanted.
 *
 * The bytes of a read, write or getdents are described by a struct
 * fs_buf: in this process (fs_buf_here), or in another process that
 * granted them to this one (fs_buf_there: VFS serving a program).  In
 * the second case FS gets an indirect grant on the owner's buffer, so
 * the bytes never pass through this process:
 *
 *     n = fs_read(fs, dev, ino, pos, fs_buf_there(prog, grant, len));
 *     n = fs_read(fs, dev, ino, pos, fs_buf_here(buf, sizeof(buf)));
 */
#pragma once

#include <stdint.h>

#include "abi/endpoint.h"
#include "abi/grant.h"
#include "abi/message.h"
#include "proto/fs.h"

struct fs_buf {
	endpoint_t owner; /* NONE: addr is in this process */
	grant_id_t grant; /* owner's grant on its buffer */
	void *addr;
	uint32_t len;
};

static inline struct fs_buf fs_buf_here(void *addr, uint32_t len)
{
	return (struct fs_buf){NONE, GRANT_INVALID, addr, len};
}

static inline struct fs_buf fs_buf_there(endpoint_t owner, grant_id_t grant,
					 uint32_t len)
{
	return (struct fs_buf){owner, grant, 0, len};
}

/* Volumes.  fs_mount answers the new volume's dev; rdev is the device
 * number (for FS's console lines), flags FS_MNT_*. */
int fs_mount(endpoint_t fs, endpoint_t driver, uint32_t minor, uint32_t rdev,
	     uint32_t flags);
int fs_unmount(endpoint_t fs, uint32_t dev);
int fs_sync(endpoint_t fs, uint32_t dev); /* dev FS_ALL: every volume */
int fs_statvfs(endpoint_t fs, uint32_t dev, struct fs_statvfs_reply *out);

/* Names in a directory. */
int fs_lookup(endpoint_t fs, uint32_t dev, uint32_t dir, const char *name,
	      uint32_t *ino, struct fs_stat *st);
int fs_create(endpoint_t fs, uint32_t dev, uint32_t dir, const char *name,
	      uint16_t mode, uint16_t uid, uint16_t gid, uint32_t rdev,
	      uint32_t *ino, struct fs_stat *st);
int fs_unlink(endpoint_t fs, uint32_t dev, uint32_t dir, const char *name);
int fs_rmdir(endpoint_t fs, uint32_t dev, uint32_t dir, const char *name);
int fs_link(endpoint_t fs, uint32_t dev, uint32_t dir, const char *name,
	    uint32_t target);
int fs_rename(endpoint_t fs, uint32_t dev, uint32_t old_dir,
	      const char *old_name, uint32_t new_dir, const char *new_name);

/* Inodes. */
int fs_stat(endpoint_t fs, uint32_t dev, uint32_t ino, struct fs_stat *st);
int fs_chmod(endpoint_t fs, uint32_t dev, uint32_t ino, uint16_t mode,
	     struct fs_stat *st);
int fs_chown(endpoint_t fs, uint32_t dev, uint32_t ino, uint16_t uid,
	     uint16_t gid, struct fs_stat *st);
int fs_utime(endpoint_t fs, uint32_t dev, uint32_t ino, uint32_t atime,
	     uint32_t mtime, struct fs_stat *st);
int fs_trunc(endpoint_t fs, uint32_t dev, uint32_t ino, uint64_t size);
int fs_open(endpoint_t fs, uint32_t dev, uint32_t ino, struct fs_stat *st);
int fs_close(endpoint_t fs, uint32_t dev, uint32_t ino);

/* Data: bytes read or written; getdents fills whole struct fs_dirent
 * (returns bytes) and moves *pos on. */
int fs_read(endpoint_t fs, uint32_t dev, uint32_t ino, uint64_t pos,
	    struct fs_buf b);
int fs_write(endpoint_t fs, uint32_t dev, uint32_t ino, uint64_t pos,
	     struct fs_buf b);
int fs_getdents(endpoint_t fs, uint32_t dev, uint32_t dir, uint64_t *pos,
		struct fs_buf b);
