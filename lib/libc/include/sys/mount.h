/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Mounting volumes: mount(2) puts the MINIX v3 file system on a block
 * device at a directory, umount(2) takes it away again (by mount point
 * or device), and getmounts() lists what is mounted, the root first.
 * Only root may mount and unmount.
 */
#pragma once

#define MNT_RDONLY 1 /* no changes to the volume */

#define MNT_NAME_MAX 64
#define MNT_DIR_MAX 128

struct mntinfo {
	char special[MNT_NAME_MAX]; /* its device file, e.g. /dev/ram1 */
	char dir[MNT_DIR_MAX];	    /* where it is mounted */
	unsigned dev;		    /* its device number */
	unsigned flags;		    /* MNT_RDONLY */
};

int mount(const char *special, const char *dir, int flags);
int umount(const char *target);
/* Fill at most n entries; returns how many volumes are mounted. */
int getmounts(struct mntinfo *buf, int n);
