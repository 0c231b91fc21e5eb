// SPDX-License-Identifier: BSD-2-Clause
/*
 * The MEMORY driver, block side: RAM disks the boot loader loaded as
 * data modules, which the kernel lets this driver map.  Minor 0,
 * /dev/ram0, is the module "root.img" (the boot root file system);
 * minors 1 to 3 are modules "ram1.img" to "ram3.img", if the boot
 * configuration has them.  Reads and writes are copies between the RAM
 * disk and the client's grant.
 *
 * Each disk's physical address goes to the kernel log: tests save a RAM
 * disk from QEMU's memory to check what the file server wrote.
 */
#include <stdio.h>
#include <string.h>

#include "libsys.h"
#include "memory.h"
#include "proto/bdev.h"

#define RAMDISK_VADDR 0x40000000u
#define NR_RAMDISKS 4

static struct ramdisk {
	uint8_t *base;
	uint32_t size;
} disks[NR_RAMDISKS];

static struct ramdisk *disk_of(uint32_t minor)
{
	return minor < NR_RAMDISKS && disks[minor].base ? &disks[minor] : 0;
}

static int do_open(uint32_t minor)
{
	return disk_of(minor) ? 0 : -ENXIO;
}

static int do_close(uint32_t minor)
{
	return disk_of(minor) ? 0 : -ENXIO;
}

static int do_transfer(uint32_t minor, bool write, uint64_t pos, endpoint_t who,
		       grant_id_t grant, uint32_t len)
{
	struct ramdisk *d = disk_of(minor);
	if (!d)
		return -ENXIO;
	if (pos >= d->size)
		return len ? -EIO : 0;
	if (len > d->size - pos)
		len = d->size - (uint32_t)pos;
	uint8_t *at = d->base + pos;
	int r = write ? sys_safecopyfrom(who, grant, 0, at, len)
		      : sys_safecopyto(who, grant, 0, at, len);
	return r < 0 ? r : (int)len;
}

static int do_size(uint32_t minor, uint64_t *bytes)
{
	struct ramdisk *d = disk_of(minor);
	if (!d)
		return -ENXIO;
	*bytes = d->size;
	return 0;
}

/* The minor a data module serves, or -1 if it is not a RAM disk. */
static int minor_of(const char *name)
{
	if (!strcmp(name, "root.img"))
		return 0;
	if (!strncmp(name, "ram", 3) && name[3] >= '1' &&
	    name[3] < '0' + NR_RAMDISKS && !strcmp(name + 4, ".img"))
		return name[3] - '0';
	return -1;
}

/* Find the RAM disks among the boot data modules and map them. */
void memory_map_ramdisk(void)
{
	struct kinfo_module mods[BOOT_DATA_MAX];
	uint32_t n = 0, vaddr = RAMDISK_VADDR;
	char line[96];
	if (sys_getinfo(GI_MODULES, mods, sizeof(mods), &n) < 0)
		return;
	for (uint32_t i = 0; i < n / sizeof(mods[0]); i++) {
		int minor = minor_of(mods[i].name);
		if (minor < 0 || disks[minor].base)
			continue;
		uint32_t skew = mods[i].base & 0xfff;
		uint32_t span = (mods[i].len + skew + 0xfff) & ~0xfffu;
		if (sys_mapphys((void *)vaddr, mods[i].base - skew, span) < 0) {
			snprintf(line, sizeof(line),
				 "memory: cannot map RAM disk %.32s\n",
				 mods[i].name);
			kputs(line);
			continue;
		}
		disks[minor].base = (uint8_t *)vaddr + skew;
		disks[minor].size = mods[i].len & ~(uint32_t)(BDEV_SECTOR - 1);
		vaddr += span;
		snprintf(line, sizeof(line),
			 "memory: ram%d is %.32s: %u bytes at physical 0x%x\n",
			 minor, mods[i].name, (unsigned)disks[minor].size,
			 (unsigned)mods[i].base);
		kputs(line);
	}
	if (!disks[0].base)
		kputs("memory: no RAM disk module (root.img)\n");
}

const struct blockdriver_ops memory_blk_ops = {
	.open = do_open,
	.close = do_close,
	.transfer = do_transfer,
	.size = do_size,
};
