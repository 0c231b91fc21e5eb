/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The VFS protocol: what a program asks the virtual file system.  Paths
 * and data travel through grants the program makes to VFS; every
 * request gets one reply (VFS_REPLY) whose first field is the status:
 * >= 0 or a negative errno.  A request that must wait (a read from an
 * empty pipe or a terminal, a write to a full pipe, select) is answered
 * when it can finish, or with EINTR when PM says a signal came for the
 * process.  Each request's payload is its member of union vfs_req; the
 * replies that say more than the status are members of union vfs_rep.
 * A path is grant/len: len bytes without a NUL.
 *
 *   VFS_OPEN      open: path, flags (VO_*), mode              -> fd
 *   VFS_CLOSE     close: fd
 *   VFS_READ      read: fd, grant/len = the buffer            -> bytes
 *   VFS_WRITE     write: fd, grant/len = the data             -> bytes
 *   VFS_LSEEK     lseek: fd, pos, whence (0 set, 1 cur, 2 end)
 *                 -> lseek reply: the new pos
 *   VFS_FSTAT     fstat: fd                  -> stat reply: ino, dev, st
 *   VFS_STAT      stat: path                 -> stat reply
 *   VFS_MKDIR     mkdir: path, mode
 *   VFS_UNLINK    unlink: path
 *   VFS_RMDIR     rmdir: path
 *   VFS_GETDENTS  getdents: fd, grant/len    -> bytes of struct fs_dirent
 *   VFS_FTRUNCATE ftruncate: fd, size
 *   VFS_TRUNCATE  truncate: path, size
 *   VFS_SYNC      (nothing)
 *   VFS_DUP       dup: fd, target; exact = 0: the lowest free fd >=
 *                 target (F_DUPFD), 1: exactly target (dup2) -> new fd
 *   VFS_FCNTL     fcntl: fd, cmd (VF_*), arg               -> its result
 *   VFS_PIPE      (nothing)          -> pipe reply: rfd, wfd (status 0)
 *   VFS_CHDIR     chdir: path;  VFS_FCHDIR fchdir: fd
 *   VFS_GETCWD    getcwd: grant/len = the buffer -> length with the NUL
 *   VFS_CHMOD     chmod: path, mode;  VFS_FCHMOD fchmod: fd, mode
 *   VFS_CHOWN     chown: path, uid, gid (-1: keep)
 *   VFS_UMASK     umask: mask                         -> the old mask
 *   VFS_ACCESS    access: path, want = R_OK 4 | W_OK 2 | X_OK 1
 *                 (0: exists)
 *   VFS_LINK      link: grant = "old\0new\0", len = both with NULs
 *   VFS_RENAME    rename: as VFS_LINK
 *   VFS_UTIME     utime: path, atime, mtime (atime < 0: both now)
 *   VFS_MKNOD     mknod: path, mode (with the file type), rdev
 *   VFS_IOCTL     ioctl: fd, request, grant/len = its argument
 *   VFS_SELECT    select: grant = struct vfs_fdsets (in and out),
 *                 timeout in ms (< 0: none) -> ready descriptors
 *   VFS_STATVFS   statvfs: path  -> statvfs reply: blocks, free_blocks,
 *                 inodes, free_inodes, flags (VM_*), dev
 *   VFS_FSTATVFS  fstatvfs: fd   -> statvfs reply
 *   VFS_MOUNT     mount: grant = "special\0dir\0" (as VFS_LINK),
 *                 flags = VM_*: the volume on block device `special`
 *                 appears at `dir` (root only)
 *   VFS_UMOUNT    umount: path = the mount point or the device (root)
 *   VFS_GETMNT    getmnt: grant/len = room for struct vfs_mntinfo
 *                 entries -> how many volumes are mounted (root first)
 *
 * A stat reply gives the file's volume's device number in `dev` too.
 *
 * Sockets are descriptors too (INET serves them, proto/sock.h): read,
 * write, close, dup, fcntl, ioctl, select and fstat work on them, and
 *   VFS_SOCKET    socket: domain, type (with VFS_SOCK_NONBLOCK and
 *                 VFS_SOCK_CLOEXEC), protocol        -> fd
 *   VFS_BIND      sockaddr: fd, addr_len, addr (a sockaddr_in, inline)
 *   VFS_CONNECT   sockaddr: as VFS_BIND; waits unless non-blocking
 *                 (EINPROGRESS)
 *   VFS_LISTEN    listen: fd, backlog
 *   VFS_ACCEPT    accept: fd, grant/len = where the peer's address goes
 *                 (len 0: nowhere), flags (VFS_SOCK_*)   -> the new fd
 *   VFS_SENDTO    sendto: fd, grant/len = the data, msg_flags, addr
 *                 (addr_len 0: the connected peer)       -> bytes
 *   VFS_RECVFROM  recvfrom: fd, grant/len = the buffer, msg_flags,
 *                 addr_grant/addr_len = where the sender's address goes
 *                 (addr_len 0: nowhere)                 -> bytes
 *   VFS_SHUTDOWN  shutdown: fd, how
 *   VFS_SETSOCKOPT setsockopt: fd, level, name, len, value (inline)
 *   VFS_GETSOCKOPT getsockopt: fd, level, name, len = room
 *                 -> sockopt reply: len, value
 *   VFS_GETSOCKNAME, VFS_GETPEERNAME  fd -> sockname reply: addr_len,
 *                 addr
 * Addresses and option values are at most VFS_SOCK_ADDR_MAX and
 * VFS_SOCK_OPT_MAX bytes; the numbers of domains, types, options and
 * flags are abi/socket.h's.  ENOTSOCK for a descriptor that is not a
 * socket; EAFNOSUPPORT when no INET runs.
 *
 * Notices and requests from PM only (anyone else gets EPERM), sent by
 * lib/libsys/vfs_pm.c (include/vfsclient.h):
 *   VFS_PM_FORK    pm_fork: parent, child, pid (the child's): the child
 *                  gets copies of the parent's descriptors, directory,
 *                  mask, ids and process group
 *   VFS_PM_EXIT    pm_exit: ep: every descriptor closed, a wait dropped
 *   VFS_PM_EXEC    pm_exec: ep: close-on-exec descriptors closed
 *   VFS_PM_UNPAUSE pm_unpause: ep: a waiting call ends now with EINTR
 *   VFS_PM_SETID   pm_setid: ep, euid, egid (its effective ids)
 *   VFS_PM_PGRP    pm_pgrp: ep, pgrp (its new process group)
 *   VFS_PM_EXECOPEN pm_execopen: ep = the process that execs, grant/len
 *                  = the path (in PM's memory): the path is resolved as
 *                  ep would resolve it (its working directory, search
 *                  permission for its effective ids), the file must be
 *                  regular and executable by ep's effective ids (EACCES
 *                  otherwise), and is opened read-only into a new
 *                  descriptor of PM's (3 or above: PM's 0-2 are its
 *                  kernel log) -> fd, with a stat reply (st has the
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
#define VFS_SOCKET (VFS_BASE + 37)
#define VFS_BIND (VFS_BASE + 38)
#define VFS_CONNECT (VFS_BASE + 39)
#define VFS_LISTEN (VFS_BASE + 40)
#define VFS_ACCEPT (VFS_BASE + 41)
#define VFS_SENDTO (VFS_BASE + 42)
#define VFS_RECVFROM (VFS_BASE + 43)
#define VFS_SHUTDOWN (VFS_BASE + 44)
#define VFS_SETSOCKOPT (VFS_BASE + 45)
#define VFS_GETSOCKOPT (VFS_BASE + 46)
#define VFS_GETSOCKNAME (VFS_BASE + 47)
#define VFS_GETPEERNAME (VFS_BASE + 48)
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
struct vfs_fdsets {
	uint32_t nfds;
	uint32_t rd[VFS_OPEN_MAX / 32], wr[VFS_OPEN_MAX / 32],
		ex[VFS_OPEN_MAX / 32];
};

/* socket()'s type flags and accept's: abi/socket.h's SOCK_CLOEXEC and
 * SOCK_NONBLOCK (lib/libc checks that). */
#define VFS_SOCK_CLOEXEC 0x10000000
#define VFS_SOCK_NONBLOCK 0x20000000
#define VFS_SOCK_ADDR_MAX 16
#define VFS_SOCK_OPT_MAX 16

/* A path alone: VFS_STAT, VFS_UNLINK, VFS_RMDIR, VFS_CHDIR,
 * VFS_STATVFS, VFS_UMOUNT; two paths "a\0b\0": VFS_LINK, VFS_RENAME. */
struct vfs_path {
	grant_id_t grant;
	uint32_t len;
};
MSG_FITS(struct vfs_path);

/* A buffer VFS fills: VFS_GETCWD, VFS_GETMNT. */
struct vfs_buf {
	grant_id_t grant;
	uint32_t len;
};
MSG_FITS(struct vfs_buf);

/* A descriptor alone: VFS_CLOSE, VFS_FSTAT, VFS_FCHDIR, VFS_FSTATVFS. */
struct vfs_fd {
	int32_t fd;
};
MSG_FITS(struct vfs_fd);

/* Bytes between a descriptor and a buffer: VFS_READ, VFS_WRITE,
 * VFS_GETDENTS. */
struct vfs_io {
	int32_t fd;
	grant_id_t grant;
	uint32_t len;
};
MSG_FITS(struct vfs_io);

struct vfs_open {
	grant_id_t grant; /* the path */
	uint32_t len;
	uint32_t flags; /* VO_* */
	uint32_t mode;	/* permissions of a file it creates */
};
MSG_FITS(struct vfs_open);

struct vfs_lseek {
	int32_t fd;
	int32_t whence;
	int64_t pos;
};
MSG_FITS(struct vfs_lseek);

/* VFS_MKDIR, VFS_CHMOD: a path and permission bits. */
struct vfs_path_mode {
	grant_id_t grant;
	uint32_t len;
	uint32_t mode;
};
MSG_FITS(struct vfs_path_mode);

struct vfs_ftruncate {
	int32_t fd;
	int64_t size;
};
MSG_FITS(struct vfs_ftruncate);

struct vfs_truncate {
	grant_id_t grant; /* the path */
	uint32_t len;
	int64_t size;
};
MSG_FITS(struct vfs_truncate);

struct vfs_dup {
	int32_t fd;
	int32_t target;
	uint32_t exact; /* 1: dup2 */
};
MSG_FITS(struct vfs_dup);

struct vfs_fcntl {
	int32_t fd;
	uint32_t cmd; /* VF_* */
	uint32_t arg;
};
MSG_FITS(struct vfs_fcntl);

struct vfs_fchmod {
	int32_t fd;
	uint32_t mode;
};
MSG_FITS(struct vfs_fchmod);

struct vfs_chown {
	grant_id_t grant; /* the path */
	uint32_t len;
	int32_t uid, gid; /* -1: keep */
};
MSG_FITS(struct vfs_chown);

struct vfs_umask {
	uint32_t mask;
};
MSG_FITS(struct vfs_umask);

struct vfs_access {
	grant_id_t grant; /* the path */
	uint32_t len;
	uint32_t want; /* R_OK 4 | W_OK 2 | X_OK 1 */
};
MSG_FITS(struct vfs_access);

struct vfs_utime {
	grant_id_t grant; /* the path */
	uint32_t len;
	int64_t atime; /* < 0: both now */
	int64_t mtime;
};
MSG_FITS(struct vfs_utime);

struct vfs_mknod {
	grant_id_t grant; /* the path */
	uint32_t len;
	uint32_t mode; /* the file type and permissions */
	uint32_t rdev; /* the device number */
};
MSG_FITS(struct vfs_mknod);

struct vfs_ioctl {
	int32_t fd;
	uint32_t request;
	grant_id_t grant; /* its argument */
	uint32_t len;
};
MSG_FITS(struct vfs_ioctl);

struct vfs_select {
	grant_id_t grant; /* struct vfs_fdsets */
	uint32_t len;
	int64_t timeout; /* ms; < 0: none */
};
MSG_FITS(struct vfs_select);

struct vfs_mount {
	grant_id_t grant; /* "special\0dir\0" */
	uint32_t len;
	uint32_t flags; /* VM_* */
};
MSG_FITS(struct vfs_mount);

struct vfs_socket {
	int32_t domain, type, protocol;
};
MSG_FITS(struct vfs_socket);

/* VFS_BIND, VFS_CONNECT */
struct vfs_sockaddr {
	int32_t fd;
	uint32_t addr_len;
	uint8_t addr[VFS_SOCK_ADDR_MAX];
};
MSG_FITS(struct vfs_sockaddr);

struct vfs_listen {
	int32_t fd;
	int32_t backlog;
};
MSG_FITS(struct vfs_listen);

struct vfs_accept {
	int32_t fd;
	grant_id_t grant; /* the peer's address */
	uint32_t len;
	uint32_t flags; /* VFS_SOCK_NONBLOCK, VFS_SOCK_CLOEXEC */
};
MSG_FITS(struct vfs_accept);

struct vfs_sendto {
	int32_t fd;
	grant_id_t grant; /* the data */
	uint32_t len;
	uint32_t msg_flags;
	uint32_t addr_len;
	uint8_t addr[VFS_SOCK_ADDR_MAX];
};
MSG_FITS(struct vfs_sendto);

struct vfs_recvfrom {
	int32_t fd;
	grant_id_t grant; /* the buffer */
	uint32_t len;
	uint32_t msg_flags;
	grant_id_t addr_grant; /* the sender's address */
	uint32_t addr_len;
};
MSG_FITS(struct vfs_recvfrom);

struct vfs_shutdown {
	int32_t fd;
	int32_t how;
};
MSG_FITS(struct vfs_shutdown);

struct vfs_setsockopt {
	int32_t fd;
	int32_t level, name;
	uint32_t len;
	uint8_t value[VFS_SOCK_OPT_MAX];
};
MSG_FITS(struct vfs_setsockopt);

struct vfs_getsockopt {
	int32_t fd;
	int32_t level, name;
	uint32_t len; /* room for the value */
};
MSG_FITS(struct vfs_getsockopt);

struct vfs_pm_fork {
	endpoint_t parent, child;
	int32_t pid; /* the child's */
};
MSG_FITS(struct vfs_pm_fork);

/* A process alone: VFS_PM_EXIT, VFS_PM_EXEC, VFS_PM_UNPAUSE. */
struct vfs_pm_proc {
	endpoint_t ep;
};
MSG_FITS(struct vfs_pm_proc);

struct vfs_pm_setid {
	endpoint_t ep;
	uint32_t euid, egid;
};
MSG_FITS(struct vfs_pm_setid);

struct vfs_pm_pgrp {
	endpoint_t ep;
	int32_t pgrp;
};
MSG_FITS(struct vfs_pm_pgrp);

struct vfs_pm_execopen {
	endpoint_t ep;
	grant_id_t grant; /* the path, in PM's memory */
	uint32_t len;
};
MSG_FITS(struct vfs_pm_execopen);

/* VFS_SYNC and VFS_PIPE carry nothing. */
union vfs_req {
	struct vfs_open open;
	struct vfs_fd close;
	struct vfs_io read;
	struct vfs_io write;
	struct vfs_lseek lseek;
	struct vfs_fd fstat;
	struct vfs_path stat;
	struct vfs_path_mode mkdir;
	struct vfs_path unlink;
	struct vfs_path rmdir;
	struct vfs_io getdents;
	struct vfs_ftruncate ftruncate;
	struct vfs_dup dup;
	struct vfs_fcntl fcntl;
	struct vfs_path chdir;
	struct vfs_fd fchdir;
	struct vfs_buf getcwd;
	struct vfs_path_mode chmod;
	struct vfs_fchmod fchmod;
	struct vfs_chown chown;
	struct vfs_umask umask;
	struct vfs_access access;
	struct vfs_path link;
	struct vfs_path rename;
	struct vfs_utime utime;
	struct vfs_mknod mknod;
	struct vfs_ioctl ioctl;
	struct vfs_select select;
	struct vfs_path statvfs;
	struct vfs_truncate truncate;
	struct vfs_mount mount;
	struct vfs_path umount;
	struct vfs_buf getmnt;
	struct vfs_fd fstatvfs;
	struct vfs_socket socket;
	struct vfs_sockaddr bind;
	struct vfs_sockaddr connect;
	struct vfs_listen listen;
	struct vfs_accept accept;
	struct vfs_sendto sendto;
	struct vfs_recvfrom recvfrom;
	struct vfs_shutdown shutdown;
	struct vfs_setsockopt setsockopt;
	struct vfs_getsockopt getsockopt;
	struct vfs_fd getsockname;
	struct vfs_fd getpeername;
	struct vfs_pm_fork pm_fork;
	struct vfs_pm_proc pm_exit;
	struct vfs_pm_proc pm_exec;
	struct vfs_pm_proc pm_unpause;
	struct vfs_pm_setid pm_setid;
	struct vfs_pm_pgrp pm_pgrp;
	struct vfs_pm_execopen pm_execopen;
};
MSG_FITS(union vfs_req);

/* The replies; each begins with the status. */

/* VFS_STAT, VFS_FSTAT, VFS_PM_EXECOPEN: a file. */
struct vfs_stat_reply {
	int32_t status;
	uint32_t ino;
	uint32_t dev; /* its volume's device number */
	struct fs_stat st;
};
MSG_FITS(struct vfs_stat_reply);

struct vfs_lseek_reply {
	int32_t status;
	int64_t pos;
};
MSG_FITS(struct vfs_lseek_reply);

struct vfs_pipe_reply {
	int32_t status;
	int32_t rfd, wfd; /* the read end, the write end */
};
MSG_FITS(struct vfs_pipe_reply);

/* VFS_STATVFS, VFS_FSTATVFS: the volume. */
struct vfs_statvfs_reply {
	int32_t status;
	uint32_t blocks, free_blocks;
	uint32_t inodes, free_inodes;
	uint32_t flags; /* VM_* */
	uint32_t dev;	/* its device number */
};
MSG_FITS(struct vfs_statvfs_reply);

/* VFS_GETSOCKOPT */
struct vfs_sockopt_reply {
	int32_t status;
	uint32_t len;
	uint8_t value[VFS_SOCK_OPT_MAX];
};
MSG_FITS(struct vfs_sockopt_reply);

/* VFS_GETSOCKNAME, VFS_GETPEERNAME */
struct vfs_sockname_reply {
	int32_t status;
	uint32_t addr_len;
	uint8_t addr[VFS_SOCK_ADDR_MAX];
};
MSG_FITS(struct vfs_sockname_reply);

union vfs_rep {
	int32_t status; /* every reply */
	struct vfs_stat_reply stat;
	struct vfs_stat_reply fstat;
	struct vfs_lseek_reply lseek;
	struct vfs_pipe_reply pipe;
	struct vfs_statvfs_reply statvfs;
	struct vfs_statvfs_reply fstatvfs;
	struct vfs_stat_reply pm_execopen;
	struct vfs_sockopt_reply getsockopt;
	struct vfs_sockname_reply getsockname;
	struct vfs_sockname_reply getpeername;
};
MSG_FITS(union vfs_rep);

#define VFS_REQ(m) ((union vfs_req *)(void *)(m)->m_u.b)
#define VFS_REP(m) ((union vfs_rep *)(void *)(m)->m_u.b)
