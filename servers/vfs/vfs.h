/* SPDX-License-Identifier: BSD-2-Clause */
/* The VFS server's parts (main.c has the overview). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "devnum.h"
#include "libsys.h"
#include "proto/cdev.h"
#include "proto/vfs.h"

#define NR_FILPS 512
#define ROOT_INO 1

/* A vnode number names a file anywhere in the tree: the index of its
 * volume in the mount table (mount.c) above VNO_SHIFT, its inode number
 * on that volume below.  The root directory is VNO(0, ROOT_INO). */
#define VFS_MOUNTS 8
#define VNO_SHIFT 28
#define VNO(mnt, ino) ((uint32_t)(mnt) << VNO_SHIFT | (ino))
#define VNO_MNT(v) ((v) >> VNO_SHIFT)
#define VNO_INO(v) ((v) & ((1u << VNO_SHIFT) - 1))

#define S_TYPE(m) ((m)&0170000)
#define T_DIR 0040000
#define T_REG 0100000
#define T_CHR 0020000
#define T_BLK 0060000
#define T_STICKY 01000 /* a directory's: see perm.c */

enum filp_kind { FK_INODE, FK_CDEV, FK_BDEV, FK_PIPE, FK_SOCK };

struct pipe;

struct filp { /* an open file: shared by descriptors that dup it */
	int refs;
	enum filp_kind kind;
	uint32_t ino;	/* vnode number */
	uint32_t flags; /* VO_* access and status flags */
	uint16_t mode;	/* type and permissions when opened */
	int64_t pos;
	uint32_t dev;	   /* FK_CDEV, FK_BDEV: major << 8 | minor; FK_SOCK:
			    * INET's socket number */
	endpoint_t drv;	   /* FK_CDEV: the driver instance it was opened on;
			    * FK_SOCK: the INET that made it */
	uint64_t size;	   /* FK_BDEV: the device's size in bytes */
	struct pipe *pipe; /* FK_PIPE */
};

enum wait_kind { W_NONE, W_PIPE, W_CDEV, W_SELECT };

struct vproc { /* what VFS knows of one process */
	endpoint_t ep;
	int pid, pgrp;
	uint16_t uid, gid, umask;
	uint32_t cwd; /* vnode number */
	struct filp *fd[VFS_OPEN_MAX];
	uint64_t cloexec;
	/* A call that waits (answered later): */
	enum wait_kind wait;
	int wtype;		   /* the request type */
	struct vfs_io wio;	   /* W_PIPE, W_CDEV: the read or write */
	struct vfs_select wselect; /* W_SELECT: the request */
	struct filp *wfilp;	   /* W_PIPE, W_CDEV */
	uint32_t wdone;		   /* W_PIPE: bytes moved so far */
	endpoint_t wdriver;	   /* W_CDEV */
	grant_id_t wgrant;	   /* W_CDEV: the driver's indirect grant */
	grant_id_t wgrant2;	   /* W_CDEV: a second one (recvfrom) */
	uint32_t wflags;	   /* W_CDEV: accept's VFS_SOCK_* */
	int64_t wdeadline;	   /* W_SELECT: tick, or -1 */
	struct vfs_fdsets wsel;	   /* W_SELECT: the sets asked about */
};

/* A request's handler: checks the request, acts, and returns the
 * status of the reply (which main.c sends with the rest of rep), or
 * REPLY_LATER when the call waits (wait.c answers it). */
#define VFS_HANDLER(name)                                                      \
	int name(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)

/* main.c */
void vfs_answer(endpoint_t to, int status); /* a reply of status alone */
struct vproc *vproc_by_ep(endpoint_t ep);   /* 0 if unknown */
/* The state for ep: made fresh if its slot last served another. */
struct vproc *vproc_of(endpoint_t ep);
struct vproc *vproc_next(int *slot); /* iterate known processes */

/* proc.c: notices from PM (p is PM's own vproc). */
bool proc_is_pm(endpoint_t ep);
void proc_reset(struct vproc *p, endpoint_t ep);
VFS_HANDLER(do_pm_fork);
VFS_HANDLER(do_pm_exit);
VFS_HANDLER(do_pm_exec);
VFS_HANDLER(do_pm_unpause);
VFS_HANDLER(do_pm_setid);
VFS_HANDLER(do_pm_pgrp);

/* fd.c: descriptors and open files. */
struct filp *fd_get(struct vproc *p, int32_t fd);
int fd_install(struct vproc *p, struct filp *f, int lowest);
struct filp *filp_new(enum filp_kind kind, uint32_t flags);
void filp_put(struct filp *f);
int fd_close(struct vproc *p, int32_t fd);
VFS_HANDLER(do_close);
VFS_HANDLER(do_dup);
VFS_HANDLER(do_fcntl);
bool filp_on_volume(uint32_t mnt); /* an open file there? */

/* mount.c: the mounted volumes. */
int mount_root(endpoint_t fs, uint32_t dev); /* volume 0 */
void root_mount(endpoint_t fs);		     /* root.c: root= or the RAM disk */
int mount_fs(uint32_t vno, endpoint_t *fs, uint32_t *fsdev);
uint32_t mount_dev(uint32_t vno);   /* the volume's device number */
uint32_t mount_flags(uint32_t vno); /* its VM_* flags */
uint32_t mount_down(uint32_t vno);  /* a mount point: the root on it */
uint32_t mount_up(uint32_t vno);    /* a volume's root: its mount point */
bool mount_is_root(uint32_t vno);   /* the root of a volume? */
int mount_sync(void);		    /* write back every volume */
VFS_HANDLER(do_mount);
VFS_HANDLER(do_umount);
VFS_HANDLER(do_getmnt);

/* fsio.c: requests to file servers (fsclient.h), by vnode number: to
 * the server of the volume it is on, with that volume's number and the
 * bare inode number; an inode number answered comes back as a vnode
 * number.  Link and rename stay on one volume (EXDEV). */
int fsio_lookup(uint32_t dir, const char *name, uint32_t *ino,
		struct fs_stat *st);
int fsio_stat(uint32_t ino, struct fs_stat *st);
int fsio_create(uint32_t dir, const char *name, uint16_t mode, uint16_t uid,
		uint16_t gid, uint32_t rdev, uint32_t *ino, struct fs_stat *st);
int fsio_unlink(uint32_t dir, const char *name);
int fsio_rmdir(uint32_t dir, const char *name);
int fsio_link(uint32_t dir, const char *name, uint32_t target);
int fsio_rename(uint32_t old_dir, const char *old_name, uint32_t new_dir,
		const char *new_name);
int fsio_chmod(uint32_t ino, uint16_t mode);
int fsio_chown(uint32_t ino, uint16_t uid, uint16_t gid);
int fsio_utime(uint32_t ino, uint32_t atime, uint32_t mtime);
int fsio_trunc(uint32_t ino, uint64_t size);
int fsio_open(uint32_t ino);
int fsio_close(uint32_t ino);
int fsio_statvfs(uint32_t ino, struct fs_statvfs_reply *out);
int fsio_sync(uint32_t ino); /* the volume ino is on */
/* Data between the file server and a client's grant (passed on). */
int fsio_read(uint32_t ino, int64_t pos, endpoint_t client, grant_id_t grant,
	      uint32_t len);
int fsio_write(uint32_t ino, int64_t pos, endpoint_t client, grant_id_t grant,
	       uint32_t len);
int fsio_getdents(uint32_t dir, int64_t *pos, endpoint_t client,
		  grant_id_t grant, uint32_t len);
/* Directory entries into VFS's own buffer: how many. */
int fsio_getdents_local(uint32_t dir, uint32_t *pos, struct fs_dirent *out,
			uint32_t n);

/* path.c */
/* The path in who's grant of len bytes (no NUL). */
int path_get(endpoint_t who, grant_id_t grant, uint32_t len, char *path);
/* Two paths in one grant, "a\0b\0" (link, rename, mount). */
int path_two(struct vproc *p, grant_id_t grant, uint32_t len, char *a, char *b);
int path_lookup(struct vproc *p, const char *path, uint32_t *ino,
		struct fs_stat *st);
int path_parent(struct vproc *p, const char *path, uint32_t *dir, char *last);
int path_of(uint32_t dir, char *buf, uint32_t size); /* getcwd */

/* perm.c */
int perm_check(const struct vproc *p, const struct fs_stat *st, int want);
/* May p remove or rename `file`, an entry of `dir` (the sticky bit)? */
int perm_sticky(const struct vproc *p, const struct fs_stat *dir,
		const struct fs_stat *file);

/* open.c, file.c, names.c, attr.c: the request handlers. */
VFS_HANDLER(do_open);
VFS_HANDLER(do_mknod);
/* VFS_PM_EXECOPEN: the program file opened into PM's table. */
VFS_HANDLER(do_pm_execopen);
VFS_HANDLER(do_read);
VFS_HANDLER(do_write);
VFS_HANDLER(do_lseek);
VFS_HANDLER(do_getdents);
VFS_HANDLER(do_ioctl);
VFS_HANDLER(do_ftruncate);
VFS_HANDLER(do_truncate);
VFS_HANDLER(do_mkdir);
VFS_HANDLER(do_unlink);
VFS_HANDLER(do_rmdir);
VFS_HANDLER(do_link);
VFS_HANDLER(do_rename);
VFS_HANDLER(do_stat);
VFS_HANDLER(do_fstat);
VFS_HANDLER(do_chmod);
VFS_HANDLER(do_fchmod);
VFS_HANDLER(do_chown);
VFS_HANDLER(do_utime);
VFS_HANDLER(do_access);
VFS_HANDLER(do_chdir);
VFS_HANDLER(do_fchdir);
VFS_HANDLER(do_getcwd);
VFS_HANDLER(do_statvfs);
VFS_HANDLER(do_fstatvfs);

/* pipe.c */
VFS_HANDLER(do_pipe);
int pipe_rw(struct vproc *p, struct filp *f, int type, const struct vfs_io *q);
void pipe_close(struct pipe *pp, uint32_t flags);
int pipe_ready(struct pipe *pp, uint32_t flags, int ops);
void pipe_retry(struct vproc *p); /* a waiting pipe call: try again */

/* cdev.c */
/* driver.c: a device number's driver now, following DS; forget a dead
 * one and end the waits on it (EIO); a DS notification (true if from
 * DS); is ep a driver's current instance. */
endpoint_t dev_driver(uint32_t dev);
void driver_gone(endpoint_t ep);
bool driver_ds_news(endpoint_t from);
bool driver_known(endpoint_t ep);
/* A driver's answer r: CDEV_DEAD forgets the instance and is EIO. */
int cdev_answered(endpoint_t drv, int r);
int cdev_open(struct vproc *p, struct filp *f);
void cdev_close(struct filp *f);
int cdev_rw(struct vproc *p, struct filp *f, int type, const struct vfs_io *q);
int cdev_ioctl(struct vproc *p, struct filp *f, const struct vfs_ioctl *q);
int cdev_select(struct filp *f, int ops, bool notify);
void cdev_cancel(struct vproc *p); /* ends p's W_CDEV wait */
/* The status a W_CDEV wait ends with, its grants revoked. */
int cdev_wait_result(struct vproc *p, int status);
bool cdev_news(endpoint_t from); /* a driver's notification */

/* sock.c: sockets (proto/sock.h); reads, writes, select, ioctl and
 * close go through cdev.c. */
VFS_HANDLER(do_socket);
VFS_HANDLER(do_bind);
VFS_HANDLER(do_connect);
VFS_HANDLER(do_listen);
VFS_HANDLER(do_accept);
VFS_HANDLER(do_sendto);
VFS_HANDLER(do_recvfrom);
VFS_HANDLER(do_shutdown);
VFS_HANDLER(do_setsockopt);
VFS_HANDLER(do_getsockopt);
VFS_HANDLER(do_getsockname);
VFS_HANDLER(do_getpeername);
/* A kept socket call's status: an accepted socket's descriptor. */
int sock_finished(struct vproc *p, int status);

/* bdev.c: block devices read and written as files. */
int bdev_open(struct filp *f);
void bdev_close(struct filp *f);
int bdev_rw(struct vproc *p, struct filp *f, int type, const struct vfs_io *q);

/* select.c */
VFS_HANDLER(do_select);
void select_retry(struct vproc *p);
void select_timers(uint64_t now);

/* wait.c: calls that wait.  wait_begin parks p's call (a read or
 * write q is kept for the retry) -> REPLY_LATER. */
int wait_begin(struct vproc *p, enum wait_kind kind, int type,
	       const struct vfs_io *q);
void wait_end(struct vproc *p, int status);
void wait_interrupt(struct vproc *p); /* PM: a signal came */
void wait_changed(void);	      /* a pipe or select source changed */
void wait_run(void);		      /* retry waiting calls if so */
