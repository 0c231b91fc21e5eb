/* SPDX-License-Identifier: BSD-2-Clause */
/* The FS server's parts (see main.c for the whole). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "bdevclient.h"
#include "libsys.h"
#include "mfs.h"
#include "proto/fs.h"

/* One mounted file system: the MINIX v3 volume on one block device.
 * Its index in the table is the `dev` that requests carry. */
struct fsmount {
	bool used;
	uint32_t flags; /* FS_MNT_* */
	struct mfs fs;	/* the volume (libmfs) */
	char label[16]; /* the driver's label, to find its next instance */
	char what[24];	/* "device 1,0": for console messages */
	/* Its block driver and the device on it (bdev.c). */
	struct bdev_client bdev;
};

/* mount.c: the table of mounted volumes. */
struct fsmount *fsmount_get(uint32_t dev); /* 0 if not mounted */
/* The volume of a request that changes it or not: EIO while there is
 * no root (dev 0), ENXIO for another that is not mounted, EROFS for a
 * change to a read-only one. */
int fsmount_of(uint32_t dev, bool change, struct fsmount **m);
/* Mount what driver drv holds as minor; >= 0 is the new `dev`. */
int fsmount_add(endpoint_t drv, uint32_t minor, uint32_t flags,
		const char *what);
int fsmount_remove(uint32_t dev); /* write back, then forget */
/* Write back every dirty block of m (of every volume if m is 0), and
 * have the drivers put it on the medium: FS_SYNC. */
int fsmount_sync(struct fsmount *m);

/* bdev.c: the block device under a volume. */
int bdev_attach(struct fsmount *m, endpoint_t drv, uint32_t minor,
		uint32_t *nblocks);
void bdev_detach(struct fsmount *m);
int bdev_io(struct fsmount *m, int write, uint32_t block, void *buf);
int bdev_flush(struct fsmount *m); /* the device's own cache too */

/* recover.c: the driver labelled `label` other than `old`, from DS;
 * if `wait`, until DS says it is there (or a time limit); else NONE. */
endpoint_t recover_wait(const char *label, endpoint_t old, bool wait);

/* cache.c: a write-back cache of blocks, shared by every volume. */
void cache_init(struct fsmount *m, uint32_t nblocks, struct mfs_dev *dev);
int cache_sync(struct fsmount *m); /* 0: every volume */
void cache_forget(struct fsmount *m);

/* open.c: inodes open in VFS (an unlinked one lives until closed). */
int fsopen_in_use(struct mfs *fs, uint32_t ino);
int fsopen_get(struct fsmount *m, uint32_t ino);
int fsopen_put(struct fsmount *m, uint32_t ino);

/* The handlers of main.c's call table, one per request: each reads its
 * own member of *q, checks the whole request, then acts; it returns the
 * reply's status and fills the rest of its member of *rep.
 * mount.c: whole volumes. */
int do_mount(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_unmount(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_sync(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_statvfs(endpoint_t who, const union fs_req *q, union fs_rep *rep);
/* ops.c: inodes and names. */
int do_lookup(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_stat(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_read(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_write(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_trunc(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_create(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_unlink(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_rmdir(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_link(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_getdents(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_rename(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_chmod(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_chown(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_utime(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_open(endpoint_t who, const union fs_req *q, union fs_rep *rep);
int do_close(endpoint_t who, const union fs_req *q, union fs_rep *rep);
