// SPDX-License-Identifier: BSD-2-Clause
/*
 * The FS server's mounted volumes.  One FS process serves every MINIX
 * v3 volume: the root it mounts itself at start, and each one VFS asks
 * for with FS_MOUNT (mount(2)).  A volume is checked before it is taken
 * (libmfs's mfs_mount reads the superblock and the root inode), and a
 * bad one is refused with a console line saying what is wrong.  On
 * FS_UNMOUNT its dirty blocks are written back before it is forgotten;
 * FS_SYNC writes them back and then empties the devices' own caches
 * (BDEV_FLUSH), so that what sync(1) wrote survives a power cut.  The
 * handlers of the requests about whole volumes are here too.
 */
#include <stdio.h>
#include <string.h>

#include "devnum.h"
#include "fs.h"

#define NR_MOUNTS 8

static struct fsmount mounts[NR_MOUNTS];

static uint32_t now(void)
{
	struct kc_times t;
	return sys_times(&t) == 0 ? t.boot_time + (uint32_t)(t.ticks / t.hz)
				  : 0;
}

struct fsmount *fsmount_get(uint32_t dev)
{
	return dev < NR_MOUNTS && mounts[dev].used ? &mounts[dev] : 0;
}

int fsmount_of(uint32_t dev, bool change, struct fsmount **m)
{
	*m = fsmount_get(dev);
	if (!*m)
		return dev == 0 ? -EIO : -ENXIO;
	return change && (*m)->flags & FS_MNT_RDONLY ? -EROFS : 0;
}

int fsmount_add(endpoint_t drv, uint32_t minor, uint32_t flags,
		const char *what)
{
	struct fsmount *m = 0;
	for (int i = 0; i < NR_MOUNTS && !m; i++)
		if (!mounts[i].used)
			m = &mounts[i];
	if (!m)
		return -ENOSPC;
	memset(m, 0, sizeof(*m));
	if (proc_name(drv, m->label, sizeof(m->label)) < 0)
		m->label[0] = 0; /* recover.c finds no label "" in DS */
	m->flags = flags;
	snprintf(m->what, sizeof(m->what), "%s", what);
	uint32_t nblocks;
	struct mfs_dev dev;
	const char *why = "cannot open the device";
	int r = bdev_attach(m, drv, minor, &nblocks);
	if (r == 0) {
		cache_init(m, nblocks, &dev);
		if ((r = mfs_mount(&m->fs, &dev, &why)) < 0) {
			cache_forget(m);
			bdev_detach(m);
		}
	}
	if (r < 0) {
		printf("fs: cannot mount %s: %s\n", what, why);
		fflush(stdout);
		return r == -EIO || r == -ENXIO ? r : -EINVAL;
	}
	m->fs.now = now;
	m->fs.in_use = fsopen_in_use;
	m->used = true;
	printf("fs: mounted %s: %u blocks, %u inodes%s\n", what,
	       (unsigned)m->fs.sb.zones, (unsigned)m->fs.sb.ninodes,
	       flags & FS_MNT_RDONLY ? ", read-only" : "");
	fflush(stdout);
	return (int)(m - mounts);
}

int fsmount_sync(struct fsmount *m)
{
	int r = cache_sync(m);
	for (int i = 0; i < NR_MOUNTS; i++) {
		struct fsmount *v = &mounts[i];
		if (!v->used || (m && v != m) || v->flags & FS_MNT_RDONLY)
			continue;
		int e = bdev_flush(v);
		if (e < 0 && r == 0)
			r = e;
	}
	return r;
}

int fsmount_remove(uint32_t dev)
{
	struct fsmount *m = fsmount_get(dev);
	if (!m)
		return -EINVAL;
	int r = cache_sync(m);
	if (r < 0)
		return r; /* still mounted: nothing is lost */
	cache_forget(m);
	bdev_detach(m);
	m->used = false;
	printf("fs: unmounted %s\n", m->what);
	fflush(stdout);
	return 0;
}

int do_mount(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	const struct fs_mount *q = &u->mount;
	char what[24];
	(void)who, (void)rep;
	snprintf(what, sizeof(what), "device %u,%u",
		 (unsigned)DEV_MAJOR(q->rdev), (unsigned)DEV_MINOR(q->rdev));
	if (q->driver == NONE || q->flags & ~FS_MNT_RDONLY)
		return -EINVAL;
	return fsmount_add(q->driver, q->minor, q->flags, what);
}

int do_unmount(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	(void)who, (void)rep;
	return u->unmount.dev == 0 ? -EBUSY : fsmount_remove(u->unmount.dev);
}

int do_sync(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	struct fsmount *m = 0;
	(void)who, (void)rep;
	int r = u->sync.dev == FS_ALL ? 0 : fsmount_of(u->sync.dev, false, &m);
	return r < 0 ? r : fsmount_sync(m);
}

int do_statvfs(endpoint_t who, const union fs_req *u, union fs_rep *rep)
{
	struct fs_statvfs_reply *out = &rep->statvfs;
	struct fsmount *m;
	(void)who;
	int r = fsmount_of(u->statvfs.dev, false, &m);
	if (r == 0)
		r = mfs_count_free(&m->fs, &out->free_blocks,
				   &out->free_inodes);
	if (r < 0)
		return r;
	out->blocks = m->fs.sb.zones;
	out->inodes = m->fs.sb.ninodes;
	return 0;
}
