// SPDX-License-Identifier: BSD-2-Clause
/*
 * Choosing the root file system.  The kernel's command line, which GRUB
 * passes from grub.cfg, may name the root device in MINIX's words:
 *
 *	root=ram0	the RAM disk (the default, with no root= at all)
 *	root=c0d0p1	controller 0, disk 0, partition 1 (ATA)
 *	root=c1d0	controller 1, disk 0, the whole disk
 *
 * VFS asks the file server to mount that device as volume 0 before it
 * serves anyone.  If it cannot -- no such disk, a bad partition table,
 * no MINIX v3 file system on it -- VFS says why on the console and
 * boots from the RAM disk instead, so a machine without its disk still
 * comes up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devnum.h"
#include "vfs.h"

#define ROOT_RAM DEV_MAKE(MAJOR_MEMORY, 0)

/* The device number of a name: ram0-3 or cCdD[pP], else 0. */
static uint32_t dev_by_name(const char *s)
{
	if (strncmp(s, "ram", 3) == 0 && s[3] >= '0' && s[3] <= '3' && !s[4])
		return DEV_MAKE(MAJOR_MEMORY, s[3] - '0');
	if (s[0] != 'c' || (s[1] != '0' && s[1] != '1') || s[2] != 'd' ||
	    (s[3] != '0' && s[3] != '1'))
		return 0;
	uint32_t drive = 2 * (uint32_t)(s[1] - '0') + (uint32_t)(s[3] - '0');
	uint32_t part = 0;
	if (s[4] == 'p' && s[5] >= '1' && s[5] <= '4' && !s[6])
		part = (uint32_t)(s[5] - '0');
	else if (s[4])
		return 0;
	return DEV_MAKE(MAJOR_ATA, drive * ATA_MINORS_PER_DRIVE + part);
}

/* The value of root= on the kernel's command line, or "ram0". */
static void root_word(char *name, size_t size)
{
	char cmd[KCMDLINE_MAX];
	uint32_t n;
	strcpy(name, "ram0");
	if (sys_getinfo(GI_CMDLINE, cmd, sizeof(cmd) - 1, &n) < 0)
		return;
	cmd[n] = 0;
	for (char *w = strtok(cmd, " "); w; w = strtok(0, " "))
		if (strncmp(w, "root=", 5) == 0)
			snprintf(name, size, "%s", w + 5);
}

/* Why a root could not be mounted, in the user's words. */
static const char *why(int r)
{
	if (r == -ENXIO)
		return "no such disk or partition";
	if (r == -EINVAL)
		return "no MINIX v3 file system on it";
	if (r == -ENODEV)
		return "not a device name (ram0, c0d0, c0d0p1...)";
	return strerror(-r);
}

void root_mount(endpoint_t fs)
{
	char name[32];
	root_word(name, sizeof(name));
	uint32_t dev = dev_by_name(name);
	int r = dev ? mount_root(fs, dev) : -ENODEV;
	if (r < 0 && dev != ROOT_RAM) {
		printf("vfs: cannot mount root=%s: %s; the root is the RAM "
		       "disk\n",
		       name, why(r));
		r = mount_root(fs, ROOT_RAM);
	}
	if (r < 0)
		printf("vfs: cannot mount the RAM disk as root: %s\n", why(r));
	fflush(stdout);
}
