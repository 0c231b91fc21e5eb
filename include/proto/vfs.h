/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The VFS protocol: what a program asks the virtual file system.  Paths
 * and data travel through grants the program makes to VFS; every
 * request gets one reply (VFS_REPLY): status >= 0 or a negative errno.
 * A request that must wait (a read from an empty pipe or a terminal, a
 * write to a full pipe, select) is answered when it can finish, or with
 * EINTR when PM says a signal came for the process.
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
 *   VFS_TRUNCATE  path, pos = new size
 *   VFS_SYNC
 *   VFS_DUP       fd, mode = the lowest new fd (F_DUPFD), or
 *                 arg = 1: exactly fd `mode` (dup2)  -> new fd
 *   VFS_FCNTL     fd, flags = command (VF_*), mode = its argument
 *   VFS_PIPE      -> status 0, ino = read end, pos = write end
 *   VFS_CHDIR     path;  VFS_FCHDIR fd
 *   VFS_GETCWD    grant/len = the buffer  -> length with the NUL
 *   VFS_CHMOD     path, mode;  VFS_FCHMOD fd, mode
 *   VFS_CHOWN     path, mode = uid, arg = gid
 *   VFS_UMASK     mode  -> the old mask
 *   VFS_ACCESS    path, mode = R_OK 4 | W_OK 2 | X_OK 1 (0: exists)
 *   VFS_LINK      grant = "old\0new\0", len = both with their NULs
 *   VFS_RENAME    as VFS_LINK
 *   VFS_UTIME     path, pos = atime, arg = mtime (pos < 0: now)
 *   VFS_MKNOD     path, mode (with the file type), arg = device number
 *   VFS_IOCTL     fd, flags = request, grant/len = its argument
 *   VFS_SELECT    grant = struct vfs_select (in and out), pos = timeout
 *                 in ms (< 0: none) -> number of ready descriptors
 *   VFS_STATVFS   path -> st.size free blocks, st.atime free inodes,
 *                 st.mtime blocks, st.ctime inodes (FS_STATVFS's answer),
 *                 st.mode = its VM_* flags, dev = its device number
 *   VFS_FSTATVFS  fd: as VFS_STATVFS
 *   VFS_MOUNT     grant = "special\0dir\0" (as VFS_LINK), flags = VM_*:
 *                 the volume on block device `special` appears at
 *                 `dir` (root only)
 *   VFS_UMOUNT    path = the mount point or the device (root only)
 *   VFS_GETMNT    grant/len = room for struct vfs_mntinfo entries ->
 *                 how many volumes are mounted (the root first)
 *
 * Replies that describe a file (VFS_STAT, VFS_FSTAT) give its volume's
 * device number in `dev` too.
 *
 * Notices and requests from PM only (anyone else gets EPERM):
 *   VFS_PM_FORK    ep = parent, ep2 = child, mode = the child's pid:
 *                  the child gets copies of the parent's descriptors,
 *                  directory, mask, ids and process group
 *   VFS_PM_EXIT    ep: every descriptor closed, any wait cancelled
 *   VFS_PM_EXEC    ep: close-on-exec descriptors closed
 *   VFS_PM_UNPAUSE ep: a waiting call ends now with EINTR
 *   VFS_PM_SETID   ep, mode = effective uid, arg = effective gid
 *   VFS_PM_PGRP    ep, mode = its new process group
 *   VFS_PM_EXECOPEN ep = the process that execs, grant/len = the path
 *                  (in PM's memory): the path is resolved as ep would
 *                  resolve it (its working directory, search permission
 *                  for its effective ids), the file must be regular and
 *                  executable by ep's effective ids (EACCES otherwise),
 *                  and is opened read-only into a new descriptor of PM's
 *                  (3 or above: PM's 0-2 are its kernel log) -> fd, with ino, dev and st (its mode with the
 *                  set-user-ID and set-group-ID bits, owner, size)
 *
 * So exec asks the file system the caller's question, not PM's: PM
 * reads the program through that descriptor, whatever its read bits,
 * and closes it when the program is loaded or refused.
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
#define VFS_DUP (VFS_BASE + 14)
#define VFS_FCNTL (VFS_BASE + 15)
#define VFS_PIPE (VFS_BASE + 16)
#define VFS_CHDIR (VFS_BASE + 17)
#define VFS_FCHDIR (VFS_BASE + 18)
#define VFS_GETCWD (VFS_BASE + 19)
#define VFS_CHMOD (VFS_BASE + 20)
#define VFS_FCHMOD (VFS_BASE + 21)
#define VFS_CHOWN (VFS_BASE + 22)
#define VFS_UMASK (VFS_BASE + 23)
#define VFS_ACCESS (VFS_BASE + 24)
#define VFS_LINK (VFS_BASE + 25)
#define VFS_RENAME (VFS_BASE + 26)
#define VFS_UTIME (VFS_BASE + 27)
#define VFS_MKNOD (VFS_BASE + 28)
#define VFS_IOCTL (VFS_BASE + 29)
#define VFS_SELECT (VFS_BASE + 30)
#define VFS_STATVFS (VFS_BASE + 31)
#define VFS_TRUNCATE (VFS_BASE + 32)
#define VFS_MOUNT (VFS_BASE + 33)
#define VFS_UMOUNT (VFS_BASE + 34)
#define VFS_GETMNT (VFS_BASE + 35)
#define VFS_FSTATVFS (VFS_BASE + 36)
#define VFS_PM_FORK (VFS_BASE + 0x40)
#define VFS_PM_EXIT (VFS_BASE + 0x41)
#define VFS_PM_EXEC (VFS_BASE + 0x42)
#define VFS_PM_UNPAUSE (VFS_BASE + 0x43)
#define VFS_PM_SETID (VFS_BASE + 0x44)
#define VFS_PM_PGRP (VFS_BASE + 0x45)
#define VFS_PM_EXECOPEN (VFS_BASE + 0x46)
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
#define VO_NONBLOCK 0x4000
#define VO_NOCTTY 0x8000
#define VO_CLOEXEC 0x40000
#define VO_DIRECTORY 0x200000

/* VFS_FCNTL commands (newlib's F_* numbers). */
#define VF_DUPFD 0
#define VF_GETFD 1
#define VF_SETFD 2
#define VF_GETFL 3
#define VF_SETFL 4
#define VF_CLOEXEC 1 /* the FD_CLOEXEC bit */

#define VFS_PATH_MAX 1024
#define VFS_OPEN_MAX 64 /* descriptors per process */

struct vfs_request {
	int32_t fd;
	uint32_t flags;
	uint32_t mode;
	grant_id_t grant;
	uint32_t len;
	int64_t pos;
	int32_t whence;
	int32_t arg;
	endpoint_t ep, ep2; /* PM notices */
};

struct vfs_reply {
	int32_t status;
	uint32_t ino;
	int64_t pos;
	struct fs_stat st;
	uint32_t dev; /* the volume's device number */
};

#define VM_RDONLY 1 /* VFS_MOUNT: no changes to the volume */
#define VFS_MNT_NAME 64
#define VFS_MNT_DIR 128

/* One mounted volume, for VFS_GETMNT. */
struct vfs_mntinfo {
	char special[VFS_MNT_NAME]; /* its device file */
	char dir[VFS_MNT_DIR];	    /* where it is mounted */
	uint32_t dev;		    /* its device number */
	uint32_t flags;		    /* VM_* */
};

/* VFS_SELECT's grant: descriptor bit sets in, ready bits out. */
struct vfs_select {
	uint32_t nfds;
	uint32_t rd[VFS_OPEN_MAX / 32], wr[VFS_OPEN_MAX / 32],
		ex[VFS_OPEN_MAX / 32];
};

_Static_assert(sizeof(struct vfs_request) <= MSG_PAYLOAD, "fits");
_Static_assert(sizeof(struct vfs_reply) <= MSG_PAYLOAD, "fits");

#define VFS_REQ(m) ((struct vfs_request *)(void *)(m)->m_u.b)
#define VFS_REP(m) ((struct vfs_reply *)(void *)(m)->m_u.b)
