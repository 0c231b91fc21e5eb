// SPDX-License-Identifier: BSD-2-Clause
/*
 * The MBR's partition table: sector 0 ends in 0x55 0xaa and holds four
 * 16-byte entries from byte 446, each with a type byte (at 4; 0 is an
 * unused entry), the first sector (LBA, at 8) and the size in sectors
 * (at 12).  Each used primary entry becomes a minor of the drive.  A
 * table that is there but wrong -- an entry past the end of the disk,
 * or two that overlap -- is reported and none of it is used: better no
 * partition than one that overwrites another's data.
 */
#include <stdio.h>
#include <string.h>

#include "ata.h"
#include "libsys.h"

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static const char *check(const struct drive *d)
{
	for (int i = 0; i < NR_PARTS; i++) {
		uint64_t a = d->part[i].first, n = d->part[i].count;
		if (!n)
			continue;
		if (a == 0 || a + n > d->sectors)
			return "a partition runs past the end of the disk";
		for (int j = 0; j < i; j++) {
			uint64_t b = d->part[j].first, m = d->part[j].count;
			if (m && a < b + m && b < a + n)
				return "two partitions overlap";
		}
	}
	return 0;
}

void ata_read_partitions(struct drive *d, int index)
{
	static uint8_t mbr[ATA_SECTOR];
	memset(d->part, 0, sizeof(d->part));
	if (ata_pio(d, false, 0, 1, SELF, 0, (uint32_t)(uintptr_t)mbr) < 0) {
		printf("ata: disk %d: cannot read its partition table\n",
		       index);
		return;
	}
	if (mbr[510] != 0x55 || mbr[511] != 0xaa)
		return; /* no table: the whole disk only */
	for (int i = 0; i < NR_PARTS; i++) {
		const uint8_t *e = mbr + 446 + 16 * i;
		if (e[4] == 0)
			continue;
		d->part[i].first = le32(e + 8);
		d->part[i].count = le32(e + 12);
	}
	const char *why = check(d);
	if (why) {
		printf("ata: disk %d: bad partition table: %s\n", index, why);
		memset(d->part, 0, sizeof(d->part));
	}
}
