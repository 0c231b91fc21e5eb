/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The file-server protocol: what VFS asks a file system, by inode
 * number.  Names and data travel through grants the client makes; every
 * request gets one reply (FS_REPLY) with a status (>= 0 or a negative
 * errno) and, where it says, an inode number, a position or a size.
 *
 *   FS_LOOKUP   ino = directory, grant/len = name   -> ino, stat
 *   FS_STAT     ino                                 -> stat
 *   FS_READ     ino, pos, grant, len                -> bytes read
 *   FS_WRITE    ino, pos, grant, len                -> bytes written
 *   FS_TRUNC    ino, pos = new size                 -> 0
 *   FS_CREATE   ino = directory, name, mode, uid, gid -> ino (mode may
 *               say directory: then "." and ".." are made too; for a
 *               device file ino2 is its device number)
 *   FS_UNLINK   ino = directory, name               -> 0
 *   FS_RMDIR    ino = directory, name               -> 0
 *   FS_LINK     ino = directory, name, ino2 = target -> 0
 *   FS_GETDENTS ino = directory, pos, grant, len    -> bytes of
 *               struct fs_dirent filled, pos = where to go on
 *   FS_STATVFS                                      -> stat.size =
 *               free blocks, stat.ino... (see struct fs_stat use)
 *   FS_SYNC     (dev = FS_ALL: every volume)        -> 0, all on the medium
 *   FS_RENAME   ino = old directory, ino2 = new directory, grant/len =
 *               "old\0new\0"                         -> 0
 *   FS_CHMOD    ino, mode (permission bits)         -> stat
 *   FS_CHOWN    ino, uid, gid                       -> stat
 *   FS_UTIME    ino, pos = atime | mtime << 32      -> stat
 *   FS_OPEN     ino: VFS opened it       -> stat
 *   FS_CLOSE    ino: its last open file closed; an inode without links
 *               is freed now (until then it lives on unnamed)
 *   FS_MOUNT    ino2 = block driver, ino = its minor, pos = the device
 *               number (for messages), mode = FS_MNT_* -> the new dev;
 *               EINVAL for a volume that is not MINIX v3 (the console
 *               says why), ENXIO/EIO if the device cannot be read
 *   FS_UNMOUNT  dev: written back, then forgotten  -> 0
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"

#define FS_BASE 0xa00
#define FS_LOOKUP (FS_BASE + 1)
#define FS_STAT (FS_BASE + 2)
#define FS_READ (FS_BASE + 3)
#define FS_WRITE (FS_BASE + 4)
#define FS_TRUNC (FS_BASE + 5)
#define FS_CREATE (FS_BASE + 6)
#define FS_UNLINK (FS_BASE + 7)
#define FS_RMDIR (FS_BASE + 8)
#define FS_LINK (FS_BASE + 9)
#define FS_GETDENTS (FS_BASE + 10)
#define FS_STATVFS (FS_BASE + 11)
#define FS_SYNC (FS_BASE + 12)
#define FS_RENAME (FS_BASE + 13)
#define FS_CHMOD (FS_BASE + 14)
#define FS_CHOWN (FS_BASE + 15)
#define FS_UTIME (FS_BASE + 16)
#define FS_MOUNT (FS_BASE + 17)
#define FS_UNMOUNT (FS_BASE + 18)
#define FS_OPEN (FS_BASE + 19)
#define FS_CLOSE (FS_BASE + 20)
#define FS_REPLY (FS_BASE + 0x80)

#define FS_ALL 0xffffffffu /* FS_SYNC: every volume */
#define FS_MNT_RDONLY 1	   /* FS_MOUNT: refuse every change */

#define FS_NAME_MAX 60

struct fs_request {
	uint32_t dev; /* the volume */
	uint32_t ino;
	uint32_t ino2;
	uint64_t pos;
	grant_id_t grant;
	uint32_t len;
	uint16_t mode;
	uint16_t uid;
	uint16_t gid;
};

struct fs_stat {
	uint16_t mode;
	uint16_t nlinks;
	uint16_t uid;
	uint16_t gid;
	uint32_t size;
	uint32_t atime, mtime, ctime;
	uint32_t rdev; /* device files: the device number */
};

struct fs_reply {
	int32_t status;
	uint32_t ino;
	uint64_t pos;
	struct fs_stat st;
};

/* FS_STATVFS answers in the stat fields. */
#define FS_STATVFS_FREE_BLOCKS(r) ((r)->st.size)
#define FS_STATVFS_FREE_INODES(r) ((r)->st.atime)
#define FS_STATVFS_BLOCKS(r) ((r)->st.mtime)
#define FS_STATVFS_INODES(r) ((r)->st.ctime)

struct fs_dirent {
	uint32_t ino;
	char name[FS_NAME_MAX + 1]; /* NUL-terminated */
	uint8_t pad[3];
};

_Static_assert(sizeof(struct fs_request) <= MSG_PAYLOAD, "fits");
_Static_assert(sizeof(struct fs_reply) <= MSG_PAYLOAD, "fits");

#define FS_REQ(m) ((struct fs_request *)(void *)(m)->m_u.b)
#define FS_REP(m) ((struct fs_reply *)(void *)(m)->m_u.b)
