/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The file-server protocol: what VFS asks a file system, by inode
 * number.  Every request but FS_MOUNT names its volume by `dev`, the
 * number FS_MOUNT answered (the root is 0).  Names and data travel
 * through grants the client makes; every request gets one reply
 * (FS_REPLY) whose `status` is >= 0 or a negative errno.  Clients use
 * include/fsclient.h, which fills these structs.
 *
 *   request      payload (union fs_req)  answer (union fs_rep)
 *   FS_LOOKUP    lookup:   fs_entry      lookup: fs_entry_reply, the
 *                          dir, name     entry's ino and stat
 *   FS_STAT      stat:     fs_inode      stat: fs_stat_reply
 *   FS_READ      read:     fs_io         status = bytes read
 *   FS_WRITE     write:    fs_io         status = bytes written
 *   FS_TRUNC     trunc:    fs_trunc      status 0
 *   FS_CREATE    create:   fs_create     create: fs_entry_reply; a mode
 *                          dir, name,    that says directory makes "."
 *                          mode, ids,    and ".." too; a device file
 *                          rdev          gets rdev as its number
 *   FS_UNLINK    unlink:   fs_entry      status 0
 *   FS_RMDIR     rmdir:    fs_entry      status 0
 *   FS_LINK      link:     fs_link       status 0 (name -> target)
 *   FS_GETDENTS  getdents: fs_getdents   getdents: fs_getdents_reply,
 *                          struct fs_dirent filled (status = bytes),
 *                          pos = where to go on
 *   FS_STATVFS   statvfs:  fs_volume     statvfs: fs_statvfs_reply
 *   FS_SYNC      sync:     fs_volume     status 0: written and on the
 *                          (dev = FS_ALL: every volume) medium
 *   FS_RENAME    rename:   fs_rename     status 0; names = "old\0new\0"
 *   FS_CHMOD     chmod:    fs_chmod      chmod: fs_stat_reply
 *   FS_CHOWN     chown:    fs_chown      chown: fs_stat_reply
 *   FS_UTIME     utime:    fs_utime      utime: fs_stat_reply
 *   FS_MOUNT     mount:    fs_mount      status = the new dev; EINVAL
 *                          for a volume that is not MINIX v3 (the
 *                          console says why), ENXIO/EIO if the device
 *                          cannot be read
 *   FS_UNMOUNT   unmount:  fs_volume     status 0: written back, then
 *                                        forgotten
 *   FS_OPEN      open:     fs_inode      open: fs_stat_reply (VFS
 *                                        opened it)
 *   FS_CLOSE     close:    fs_inode      status 0: its last open file
 *                          closed; an inode without links is freed now
 *                          (until then it lives on unnamed)
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

/* ---- requests ---------------------------------------------------- */

/* FS_STAT, FS_OPEN, FS_CLOSE: one inode. */
struct fs_inode {
	uint32_t dev; /* the volume */
	uint32_t ino;
};
MSG_FITS(struct fs_inode);

/* FS_LOOKUP, FS_UNLINK, FS_RMDIR: the entry `name` in directory dir;
 * name_len bytes (1..FS_NAME_MAX, no NUL) through the readable grant. */
struct fs_entry {
	uint32_t dev;
	uint32_t dir;
	grant_id_t name;
	uint32_t name_len;
};
MSG_FITS(struct fs_entry);

/* FS_READ, FS_WRITE: len bytes at pos of inode ino, through `grant`
 * (writable for a read, readable for a write). */
struct fs_io {
	uint32_t dev;
	uint32_t ino;
	uint64_t pos;
	grant_id_t grant;
	uint32_t len;
};
MSG_FITS(struct fs_io);

/* FS_TRUNC: inode ino (not a directory) cut or grown to size bytes. */
struct fs_trunc {
	uint32_t dev;
	uint32_t ino;
	uint64_t size;
};
MSG_FITS(struct fs_trunc);

/* FS_CREATE: a new inode of `mode` owned by uid/gid, named `name` in
 * dir; rdev is the device number of a device file (else unused). */
struct fs_create {
	uint32_t dev;
	uint32_t dir;
	grant_id_t name;
	uint32_t name_len;
	uint32_t rdev;
	uint16_t mode;
	uint16_t uid;
	uint16_t gid;
};
MSG_FITS(struct fs_create);

/* FS_LINK: a new entry `name` in dir for the existing inode target. */
struct fs_link {
	uint32_t dev;
	uint32_t dir;
	grant_id_t name;
	uint32_t name_len;
	uint32_t target;
};
MSG_FITS(struct fs_link);

/* FS_GETDENTS: the entries of directory dir from position pos, as many
 * whole struct fs_dirent as len bytes hold, into the writable grant. */
struct fs_getdents {
	uint32_t dev;
	uint32_t dir;
	uint64_t pos;
	grant_id_t grant;
	uint32_t len;
};
MSG_FITS(struct fs_getdents);

/* FS_STATVFS, FS_SYNC, FS_UNMOUNT: a whole volume. */
struct fs_volume {
	uint32_t dev; /* FS_SYNC also takes FS_ALL */
};
MSG_FITS(struct fs_volume);

/* FS_RENAME: entry "old" of old_dir becomes "new" of new_dir; both
 * names in one readable grant, "old\0new\0", names_len bytes. */
struct fs_rename {
	uint32_t dev;
	uint32_t old_dir;
	uint32_t new_dir;
	grant_id_t names;
	uint32_t names_len;
};
MSG_FITS(struct fs_rename);

/* FS_CHMOD: the permission bits (07777) of inode ino. */
struct fs_chmod {
	uint32_t dev;
	uint32_t ino;
	uint16_t mode;
};
MSG_FITS(struct fs_chmod);

/* FS_CHOWN: the owner and group of inode ino. */
struct fs_chown {
	uint32_t dev;
	uint32_t ino;
	uint16_t uid;
	uint16_t gid;
};
MSG_FITS(struct fs_chown);

/* FS_UTIME: the access and modification times of inode ino (seconds
 * since 1970). */
struct fs_utime {
	uint32_t dev;
	uint32_t ino;
	uint32_t atime;
	uint32_t mtime;
};
MSG_FITS(struct fs_utime);

/* FS_MOUNT: the volume on `minor` of block driver `driver`; rdev is its
 * device number (for console messages), flags FS_MNT_*. */
struct fs_mount {
	endpoint_t driver;
	uint32_t minor;
	uint32_t rdev;
	uint32_t flags;
};
MSG_FITS(struct fs_mount);

union fs_req {
	struct fs_entry lookup;
	struct fs_inode stat;
	struct fs_io read;
	struct fs_io write;
	struct fs_trunc trunc;
	struct fs_create create;
	struct fs_entry unlink;
	struct fs_entry rmdir;
	struct fs_link link;
	struct fs_getdents getdents;
	struct fs_volume statvfs;
	struct fs_volume sync;
	struct fs_rename rename;
	struct fs_chmod chmod;
	struct fs_chown chown;
	struct fs_utime utime;
	struct fs_mount mount;
	struct fs_volume unmount;
	struct fs_inode open;
	struct fs_inode close;
};
MSG_FITS(union fs_req);

/* ---- replies ----------------------------------------------------- */

struct fs_stat {
	uint16_t mode;
	uint16_t nlinks;
	uint16_t uid;
	uint16_t gid;
	uint32_t size;
	uint32_t atime, mtime, ctime;
	uint32_t rdev; /* device files: the device number */
};

/* Every reply begins with its status; the requests that answer more
 * have a struct of their own. */

/* FS_STAT, FS_OPEN, FS_CHMOD, FS_CHOWN, FS_UTIME: the inode now. */
struct fs_stat_reply {
	int32_t status;
	struct fs_stat st;
};
MSG_FITS(struct fs_stat_reply);

/* FS_LOOKUP, FS_CREATE: the entry's inode. */
struct fs_entry_reply {
	int32_t status;
	uint32_t ino;
	struct fs_stat st;
};
MSG_FITS(struct fs_entry_reply);

struct fs_getdents_reply {
	int32_t status; /* bytes of struct fs_dirent filled */
	uint32_t pad;
	uint64_t pos; /* the next FS_GETDENTS starts here */
};
MSG_FITS(struct fs_getdents_reply);

/* FS_STATVFS: the volume's size and what is free, in blocks and
 * inodes. */
struct fs_statvfs_reply {
	int32_t status;
	uint32_t blocks;
	uint32_t free_blocks;
	uint32_t inodes;
	uint32_t free_inodes;
};
MSG_FITS(struct fs_statvfs_reply);

union fs_rep {
	int32_t status; /* every reply's; the whole answer of the rest */
	struct fs_entry_reply lookup;
	struct fs_stat_reply stat;
	struct fs_entry_reply create;
	struct fs_getdents_reply getdents;
	struct fs_statvfs_reply statvfs;
	struct fs_stat_reply chmod;
	struct fs_stat_reply chown;
	struct fs_stat_reply utime;
	struct fs_stat_reply open;
};
MSG_FITS(union fs_rep);

/* What FS_GETDENTS fills. */
struct fs_dirent {
	uint32_t ino;
	char name[FS_NAME_MAX + 1]; /* NUL-terminated */
	uint8_t pad[3];
};

#define FS_REQ(m) ((union fs_req *)(void *)(m)->m_u.b)
#define FS_REP(m) ((union fs_rep *)(void *)(m)->m_u.b)
