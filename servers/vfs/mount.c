// SPDX-License-Identifier: BSD-2-Clause
/*
 * Mounted volumes: mount(2), umount(2) and the list that `mount` and
 * `df` print.
 *
 * VFS names every file by a vnode number: the volume's index in this
 * table in the top bits and the file server's inode number below it
 * (VNO in vfs.h).  Entry 0 is the root volume.  Mounting volume m on a
 * directory d "covers" d: a path walk that arrives at d goes on at m's
 * root, and ".." from m's root leaves through d (path.c).  A volume can
 * be unmounted only when nothing uses it: no open file, working
 * directory or mounted volume on it.
 *
 * mount asks the file server to take the block device (fs_mount); the
 * server reads and checks the superblock, and refuses (EINVAL) what is
 * not a MINIX v3 volume.  The root is mounted the same way, at start,
 * on the device root.c chooses.
 */
#include <stdio.h>
#include <string.h>

#include "fsclient.h"
#include "vfs.h"

#ifndef ENOTBLK
#define ENOTBLK 15 /* newlib's number, kept among its Linux extensions */
#endif

struct vmount {
	bool used;
	endpoint_t fs;	  /* its file server */
	uint32_t fsdev;	  /* the server's number for it */
	uint32_t covered; /* the directory it is mounted on */
	uint32_t dev;	  /* its device number */
	uint32_t flags;	  /* VM_RDONLY */
	char special[VFS_MNT_NAME], dir[VFS_MNT_DIR];
};

static struct vmount mounts[VFS_MOUNTS];

/* Ask file server fs to take block device dev (flags: VM_RDONLY): the
 * server's number for the volume, or why not. */
static int take_device(endpoint_t fs, uint32_t dev, uint32_t flags)
{
	endpoint_t drv = dev_driver(dev);
	if (fs == NONE || drv == NONE)
		return -ENXIO;
	return fs_mount(fs, drv, DEV_MINOR(dev), dev,
			flags & VM_RDONLY ? FS_MNT_RDONLY : 0);
}

/* Ask file server fs to mount device dev as the root (root.c chose it). */
int mount_root(endpoint_t fs, uint32_t dev)
{
	int r = take_device(fs, dev, 0);
	if (r > 0) { /* not the server's first volume: not a root */
		fs_unmount(fs, (uint32_t)r);
		return -EBUSY;
	}
	if (r < 0)
		return r;
	mounts[0] = (struct vmount){
		.used = true, .fs = fs, .dev = dev, .special = "", .dir = "/"};
	return 0;
}

int mount_fs(uint32_t vno, endpoint_t *fs, uint32_t *fsdev)
{
	struct vmount *m = &mounts[VNO_MNT(vno)];
	if (!m->used)
		return -EIO;
	*fs = m->fs;
	*fsdev = m->fsdev;
	return 0;
}

uint32_t mount_dev(uint32_t vno)
{
	return mounts[VNO_MNT(vno)].dev;
}

uint32_t mount_flags(uint32_t vno)
{
	return mounts[VNO_MNT(vno)].flags;
}

uint32_t mount_down(uint32_t vno)
{
	for (int i = 1; i < VFS_MOUNTS; i++)
		if (mounts[i].used && mounts[i].covered == vno)
			return VNO(i, ROOT_INO);
	return vno;
}

uint32_t mount_up(uint32_t vno)
{
	uint32_t m = VNO_MNT(vno);
	if (m == 0 || VNO_INO(vno) != ROOT_INO)
		return vno;
	return mounts[m].covered;
}

bool mount_is_root(uint32_t vno)
{
	return VNO_INO(vno) == ROOT_INO && mounts[VNO_MNT(vno)].used;
}

int mount_sync(void)
{
	int r = 0;
	for (int i = 0; i < VFS_MOUNTS; i++) {
		int e = mounts[i].used ? fsio_sync(VNO(i, ROOT_INO)) : 0;
		if (e < 0)
			r = e;
	}
	return r;
}

/* An absolute name for a file, given its directory and its last
 * component, for the mount list (cut short if it is very long). */
static void name_of(uint32_t dir, const char *last, char *out, size_t size)
{
	char buf[VFS_PATH_MAX];
	if (path_of(dir, buf, sizeof(buf)) < 0)
		strcpy(buf, "?");
	snprintf(out, size, "%s%s%s", buf, strcmp(buf, "/") && *last ? "/" : "",
		 last);
}

/* The block device a mount names: its device number and name. */
static int special_of(struct vproc *p, const char *path, uint32_t *dev,
		      char *name)
{
	char last[FS_NAME_MAX + 1];
	uint32_t ino, dir;
	struct fs_stat st;
	int r = path_lookup(p, path, &ino, &st);
	if (r < 0)
		return r;
	if (S_TYPE(st.mode) != T_BLK)
		return -ENOTBLK;
	if ((r = path_parent(p, path, &dir, last)) < 0)
		return r;
	name_of(dir, last, name, VFS_MNT_NAME);
	*dev = st.rdev;
	return 0;
}

int do_mount(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_mount *q = &req->mount;
	char special[VFS_PATH_MAX], dir[VFS_PATH_MAX];
	uint32_t dev = 0, on = 0, slot = 0;
	struct fs_stat st;
	struct vmount m = {.used = true, .flags = q->flags};
	if (p->uid != 0)
		return -EPERM;
	if (q->flags & ~(uint32_t)VM_RDONLY)
		return -EINVAL;
	int r = path_two(p, q->grant, q->len, special, dir);
	if (r == 0)
		r = special_of(p, special, &dev, m.special);
	if (r == 0)
		r = path_lookup(p, dir, &on, &st);
	if (r == 0 && S_TYPE(st.mode) != T_DIR)
		r = -ENOTDIR;
	if (r < 0)
		return r;
	for (uint32_t i = VFS_MOUNTS; i-- > 0;) {
		if (mounts[i].used &&
		    (mounts[i].dev == dev || VNO(i, ROOT_INO) == on))
			return -EBUSY; /* mounted already, or on already */
		if (!mounts[i].used)
			slot = i;
	}
	if (slot == 0)
		return -ENOSPC; /* no free entry */
	m.dev = dev;
	m.covered = on;
	m.fs = mounts[0].fs;
	if ((r = take_device(m.fs, dev, q->flags)) < 0)
		return r;
	m.fsdev = (uint32_t)r;
	name_of(on, "", m.dir, sizeof(m.dir));
	mounts[slot] = m;
	return 0;
}

/* Is anything still using volume i? */
static bool busy(uint32_t i)
{
	int slot = 0;
	struct vproc *p;
	while ((p = vproc_next(&slot)) != 0)
		if (VNO_MNT(p->cwd) == i)
			return true;
	for (uint32_t j = 1; j < VFS_MOUNTS; j++)
		if (mounts[j].used && VNO_MNT(mounts[j].covered) == i)
			return true;
	return filp_on_volume(i);
}

/* umount names the mount point or the device. */
int do_umount(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_path *q = &req->umount;
	char path[VFS_PATH_MAX];
	uint32_t ino, i;
	struct fs_stat st;
	if (p->uid != 0)
		return -EPERM;
	int r = path_get(p->ep, q->grant, q->len, path);
	if (r == 0)
		r = path_lookup(p, path, &ino, &st);
	if (r < 0)
		return r;
	for (i = 1; i < VFS_MOUNTS; i++)
		if (mounts[i].used &&
		    (S_TYPE(st.mode) == T_BLK ? st.rdev == mounts[i].dev
					      : ino == VNO(i, ROOT_INO)))
			break;
	if (i == VFS_MOUNTS)
		return VNO(0, ROOT_INO) == ino ? -EBUSY : -EINVAL;
	if (busy(i))
		return -EBUSY;
	if ((r = fs_unmount(mounts[i].fs, mounts[i].fsdev)) < 0)
		return r;
	mounts[i].used = false;
	return 0;
}

/* The root volume's device file: looked for in /dev once asked. */
static void root_name(void)
{
	struct fs_dirent e[8];
	struct fs_stat st;
	uint32_t dev, ino, pos = 0;
	int n;
	if (fsio_lookup(ROOT_INO, "dev", &dev, 0) < 0)
		return;
	while ((n = fsio_getdents_local(dev, &pos, e, 8)) > 0)
		for (int i = 0; i < n; i++)
			if (fsio_lookup(dev, e[i].name, &ino, &st) == 0 &&
			    S_TYPE(st.mode) == T_BLK &&
			    st.rdev == mounts[0].dev) {
				snprintf(mounts[0].special, VFS_MNT_NAME,
					 "/dev/%s", e[i].name);
				return;
			}
}

int do_getmnt(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_buf *q = &req->getmnt;
	struct vfs_mntinfo info[VFS_MOUNTS];
	uint32_t n = 0;
	if (!mounts[0].special[0])
		root_name();
	for (int i = 0; i < VFS_MOUNTS; i++) {
		if (!mounts[i].used)
			continue;
		memset(&info[n], 0, sizeof(info[n]));
		strcpy(info[n].special,
		       mounts[i].special[0] ? mounts[i].special : "rootdev");
		strcpy(info[n].dir, mounts[i].dir);
		info[n].dev = mounts[i].dev;
		info[n].flags = mounts[i].flags;
		n++;
	}
	uint32_t room = q->len / (uint32_t)sizeof(info[0]);
	uint32_t len = (n < room ? n : room) * (uint32_t)sizeof(info[0]);
	int r = len ? sys_safecopyto(p->ep, q->grant, 0, info, len) : 0;
	return r < 0 ? -EFAULT : (int)n;
}
