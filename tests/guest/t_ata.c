// SPDX-License-Identifier: BSD-2-Clause
/*
 * The ATA driver against QEMU's IDE disks (tests/run.py, guest/ata,
 * attaches them): the primary master is a 48 MiB disk whose MBR has a
 * 32 MiB partition 1 and an 8 MiB partition 2; the primary slave a
 * sparse 200 GiB disk, whose far end only LBA48 reaches.  Minors: 0
 * the master, 1 and 2 its partitions, 5 the slave.
 *
 * Sizes come from IDENTIFY and the partition table; writes stick and
 * read back through the whole disk and the partition alike; a transfer
 * of many sectors spans several commands; past the end, across it,
 * unaligned and bad grants get errors; two clients at once are both
 * served, each request in turn (none refused while the driver waits
 * for the drive on another); and a block at 150 GiB of the slave holds
 * a pattern the harness then finds in the image file.
 *
 * `t_ata deny` runs against the driver's test build (guest/ata_denied,
 * tests/guest/ata_deny.c), which first tried ports and an IRQ outside
 * its policy: all the same must work, and the kernel must have counted
 * exactly those tries as the driver's denials.
 */
#include <string.h>

#include "../../drivers/ata/ata.h"
#include "proto/bdev.h"
#include "tlib.h"

#define MIB (1024ull * 1024)
#define GIB (1024 * MIB)
#define FAR (150 * GIB) /* sector 314572800: beyond LBA28 */

static endpoint_t drv;
static uint8_t buf[200 * 512], back[200 * 512];

static int call(int type, uint32_t minor, uint64_t pos, grant_id_t g,
		uint32_t len, uint64_t *size)
{
	return t_bdev(drv, type, minor, pos, g, len, size);
}

static uint64_t size_of(uint32_t minor)
{
	uint64_t size = 0;
	T_EQ(call(BDEV_OPEN, minor, 0, 0, 0, 0), 0);
	T_EQ(call(BDEV_SIZE, minor, 0, 0, 0, &size), 0);
	return size;
}

static void fill(uint8_t *p, uint32_t len, uint32_t seed)
{
	for (uint32_t i = 0; i < len; i++) {
		seed = seed * 1103515245u + 12345u;
		p[i] = (uint8_t)(seed >> 16);
	}
}

/* Read the first 4 KiB written at 4096 of partition 1, n times, into
 * `into`; how many reads failed or read something else. */
static int reread(uint8_t *into, int n)
{
	static uint8_t want[4096];
	fill(want, sizeof(want), 1);
	grant_id_t g = grant_create(drv, into, sizeof(want), GF_WRITE);
	int bad = g < 0 ? n : 0;
	for (int i = 0; i < n && g >= 0; i++) {
		memset(into, 0, sizeof(want));
		if (t_bdev(drv, BDEV_READ, 1, 4096, g, sizeof(want), 0) !=
			    (int)sizeof(want) ||
		    memcmp(into, want, sizeof(want)) != 0)
			bad++;
	}
	grant_revoke(g);
	return bad;
}

static int second_client(void *arg)
{
	(void)arg;
	return reread(back, 100) ? 1 : 0;
}

/* The test build's denials, as the kernel counted them. */
static void denials(void)
{
	static struct kinfo_proc k[NR_PROCS];
	uint32_t n;
	T_EQ(sys_getinfo(GI_PROCTAB, k, sizeof(k), &n), 0);
	for (uint32_t i = 0; i < n / sizeof(k[0]); i++) {
		if (k[i].ep != drv)
			continue;
		t_log("t_ata: the driver's denials: %u ports, %u IRQs\n",
		      (unsigned)k[i].denied[DENY_PORT],
		      (unsigned)k[i].denied[DENY_IRQ]);
		T_EQ(k[i].denied[DENY_PORT], ATA_DENY_PORTS);
		T_EQ(k[i].denied[DENY_IRQ], ATA_DENY_IRQS);
		T_EQ(k[i].denied[DENY_GRANT], 3); /* this test's bad grants */
		T_EQ(k[i].denied[DENY_KCALL] + k[i].denied[DENY_IPC] +
			     k[i].denied[DENY_MEM],
		     0);
		return;
	}
	T_ASSERT(!"the driver is in the process table");
}

int main(int argc, char **argv)
{
	bool deny = argc > 1 && strcmp(argv[1], "deny") == 0;
	t_case = deny ? "ata_denied" : "ata";
	drv = proc_find("ata");
	T_ASSERT(drv != NONE);
	T_EQ(size_of(0), 48 * MIB);
	T_EQ(size_of(1), 32 * MIB);
	T_EQ(size_of(2), 8 * MIB);
	T_EQ(call(BDEV_OPEN, 3, 0, 0, 0, 0), -ENXIO); /* no partition 3 */
	T_EQ(size_of(5), 200 * GIB);
	T_EQ(call(BDEV_OPEN, 10, 0, 0, 0, 0), -ENXIO); /* no secondary */
	T_EQ(call(BDEV_OPEN, 25, 0, 0, 0, 0), -ENXIO); /* no such minor */
	grant_id_t g = grant_create(drv, buf, sizeof(buf), GF_READ | GF_WRITE);
	grant_id_t gb =
		grant_create(drv, back, sizeof(back), GF_READ | GF_WRITE);
	T_ASSERT(g >= 0 && gb >= 0);

	/* 200 sectors: two PIO commands.  Written through partition 1,
	 * read back through it and through the whole disk (it starts at
	 * sector 2048). */
	fill(buf, sizeof(buf), 1);
	T_EQ(call(BDEV_WRITE, 1, 4096, g, sizeof(buf), 0), (int)sizeof(buf));
	T_EQ(call(BDEV_READ, 1, 4096, gb, sizeof(back), 0), (int)sizeof(back));
	T_ASSERT(memcmp(buf, back, sizeof(buf)) == 0);
	memset(back, 0, sizeof(back));
	T_EQ(call(BDEV_READ, 0, 2048 * 512 + 4096, gb, 512, 0), 512);
	T_ASSERT(memcmp(buf, back, 512) == 0);

	/* Partition 2 begins after partition 1: its sector 0 is not
	 * partition 1's last. */
	fill(buf, 512, 2);
	T_EQ(call(BDEV_WRITE, 1, 32 * MIB - 512, g, 512, 0), 512);
	fill(buf, 512, 3);
	T_EQ(call(BDEV_WRITE, 2, 0, g, 512, 0), 512);
	T_EQ(call(BDEV_READ, 1, 32 * MIB - 512, gb, 512, 0), 512);
	fill(buf, 512, 2);
	T_ASSERT(memcmp(buf, back, 512) == 0);

	/* LBA48: far beyond 128 GiB on the slave. */
	memset(buf, 0, 1024);
	for (int i = 0; i < 1024; i += 16)
		memcpy(buf + i, "SAMSARA-LBA48-OK", 16);
	T_EQ(call(BDEV_WRITE, 5, FAR, g, 1024, 0), 1024);
	memset(back, 0, 1024);
	T_EQ(call(BDEV_READ, 5, FAR, gb, 1024, 0), 1024);
	T_ASSERT(memcmp(buf, back, 1024) == 0);
	T_EQ(call(BDEV_READ, 5, 200 * GIB - 512, gb, 1024, 0), 512);

	/* The edges: past the end, across it, unaligned, bad grants. */
	T_EQ(call(BDEV_READ, 1, 32 * MIB, gb, 512, 0), -EIO);
	T_EQ(call(BDEV_READ, 2, 8 * MIB - 512, gb, 1024, 0), 512);
	T_EQ(call(BDEV_READ, 0, 48 * MIB, gb, 512, 0), -EIO);
	T_EQ(call(BDEV_READ, 1, 100, gb, 512, 0), -EINVAL);
	T_EQ(call(BDEV_READ, 1, 0, gb + 7, 512, 0), -EPERM);
	T_EQ(call(BDEV_READ, 1, 0, gb, sizeof(back) + 512, 0), -EPERM);
	grant_id_t ro = grant_create(drv, back, 512, GF_READ);
	T_EQ(call(BDEV_READ, 1, 0, ro, 512, 0), -EPERM);

	/* Two clients: each one's requests come while the driver waits
	 * for the drive on the other's; all are served. */
	endpoint_t other = t_spawn(second_client, 0);
	T_EQ(reread(buf, 100), 0);
	struct kc_getksig k = t_reap();
	T_EQ(k.who, other);
	T_EQ(k.status, 0);

	/* Still serving, and the failed requests left the drive sane. */
	T_EQ(call(BDEV_READ, 1, 4096, gb, 512, 0), 512);
	fill(buf, 512, 1);
	T_ASSERT(memcmp(buf, back, 512) == 0);
	T_EQ(call(BDEV_CLOSE, 1, 0, 0, 0, 0), 0);
	if (deny)
		denials();
	t_pass();
	t_finish();
}
