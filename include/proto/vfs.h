/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The VFS protocol: what a program asks the virtual file system.  Paths
 * and data travel through grants the program makes to VFS; every
 * request gets one reply (VFS_REPLY): status >= 0 or a negative errno.
 *
 *   VFS_OPEN      grant/len = path, flags (VO_*), mode  -> fd
 *   VFS_CLOSE     fd
 *   VFS_READ      fd, grant, len                        -> bytes
 *   VFS_WRITE     fd, grant, len                        -> bytes
 *   VFS_LSEEK     fd, pos, whence (0 set, 1 cur, 2 end) -> pos
 *   VFS_FSTAT     fd                                    -> ino, st
 *   VFS_STAT      path                                  -> ino, st
 *   VFS_MKDIR     path, mode
 *   VFS_UNLINK    path
 *   VFS_RMDIR     path
 *   VFS_GETDENTS  fd, grant, len -> bytes of struct fs_dirent
 *   VFS_FTRUNCATE fd, pos = new size
 *   VFS_SYNC
 *
 * Descriptors are per process (per endpoint, until the process manager
 * tells VFS about forks and exits).
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"
#include "proto/fs.h"

#define VFS_BASE 0x100
#define VFS_OPEN (VFS_BASE + 1)
#define VFS_CLOSE (VFS_BASE + 2)
#define VFS_READ (VFS_BASE + 3)
#define VFS_WRITE (VFS_BASE + 4)
#define VFS_LSEEK (VFS_BASE + 5)
#define VFS_FSTAT (VFS_BASE + 6)
#define VFS_STAT (VFS_BASE + 7)
#define VFS_MKDIR (VFS_BASE + 8)
#define VFS_UNLINK (VFS_BASE + 9)
#define VFS_RMDIR (VFS_BASE + 10)
#define VFS_GETDENTS (VFS_BASE + 11)
#define VFS_FTRUNCATE (VFS_BASE + 12)
#define VFS_SYNC (VFS_BASE + 13)
#define VFS_REPLY (VFS_BASE + 0x80)

/* Open flags: the values newlib uses (lib/libc checks that). */
#define VO_ACCMODE 3
#define VO_RDONLY 0
#define VO_WRONLY 1
#define VO_RDWR 2
#define VO_APPEND 0x0008
#define VO_CREAT 0x0200
#define VO_TRUNC 0x0400
#define VO_EXCL 0x0800

#define VFS_PATH_MAX 1024
#define VFS_FIRST_FD 3 /* 0-2 are the console's, in the C library */

struct vfs_request {
	int32_t fd;
	uint32_t flags;
	uint32_t mode;
	grant_id_t grant;
	uint32_t len;
	int64_t pos;
	int32_t whence;
};

struct vfs_reply {
	int32_t status;
	uint32_t ino;
	int64_t pos;
	struct fs_stat st;
};

_Static_assert(sizeof(struct vfs_request) <= MSG_PAYLOAD, "fits");
_Static_assert(sizeof(struct vfs_reply) <= MSG_PAYLOAD, "fits");

#define VFS_REQ(m) ((struct vfs_request *)(void *)(m)->m_u.b)
#define VFS_REP(m) ((struct vfs_reply *)(void *)(m)->m_u.b)
