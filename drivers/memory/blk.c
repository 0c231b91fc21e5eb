// SPDX-License-Identifier: BSD-2-Clause
/*
 * The MEMORY driver, block side: minor 0 is /dev/ram0, the RAM disk the
 * boot loader loaded as a data module ("root.img"), which the kernel
 * lets this driver map.  Reads and writes are copies between the RAM
 * disk and the client's grant.
 */
#include <string.h>

#include "libsys.h"
#include "memory.h"
#include "proto/bdev.h"

#define RAMDISK_VADDR 0x40000000u

static uint8_t *ramdisk;
static uint32_t ramdisk_size;

static int check_minor(uint32_t minor)
{
	return minor == 0 && ramdisk ? 0 : -ENXIO;
}

static int do_open(uint32_t minor)
{
	return check_minor(minor);
}

static int do_close(uint32_t minor)
{
	return check_minor(minor);
}

static int do_transfer(uint32_t minor, bool write, uint64_t pos, endpoint_t who,
		       grant_id_t grant, uint32_t len)
{
	int r = check_minor(minor);
	if (r < 0)
		return r;
	if (pos >= ramdisk_size)
		return len ? -EIO : 0;
	if (len > ramdisk_size - pos)
		len = ramdisk_size - (uint32_t)pos;
	uint8_t *at = ramdisk + pos;
	r = write ? sys_safecopyfrom(who, grant, 0, at, len)
		  : sys_safecopyto(who, grant, 0, at, len);
	return r < 0 ? r : (int)len;
}

static int do_size(uint32_t minor, uint64_t *bytes)
{
	int r = check_minor(minor);
	if (r == 0)
		*bytes = ramdisk_size;
	return r;
}

/* Find the RAM disk among the boot data modules and map it. */
void memory_map_ramdisk(void)
{
	struct kinfo_module mods[BOOT_DATA_MAX];
	uint32_t n = 0;
	if (sys_getinfo(GI_MODULES, mods, sizeof(mods), &n) < 0)
		return;
	for (uint32_t i = 0; i < n / sizeof(mods[0]); i++) {
		if (strcmp(mods[i].name, "root.img") != 0)
			continue;
		uint32_t skew = mods[i].base & 0xfff;
		if (sys_mapphys((void *)RAMDISK_VADDR, mods[i].base - skew,
				mods[i].len + skew) < 0) {
			kputs("memory: cannot map the RAM disk\n");
			return;
		}
		ramdisk = (uint8_t *)RAMDISK_VADDR + skew;
		ramdisk_size = mods[i].len & ~(uint32_t)(BDEV_SECTOR - 1);
		return;
	}
	kputs("memory: no RAM disk module (root.img)\n");
}

const struct blockdriver_ops memory_blk_ops = {
	.open = do_open,
	.close = do_close,
	.transfer = do_transfer,
	.size = do_size,
};
