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
#include "bdevclient.h"
#include "tlib.h"

#define MIB (1024ull * 1024)
#define GIB (1024 * MIB)
#define FAR (150 * GIB) /* sector 314572800: beyond LBA28 */

static endpoint_t drv;
static uint8_t buf[200 * 512], back[200 * 512];

/* A client of minor on the driver, through buf or back (granted). */
static struct bdev_client on(uint32_t minor, uint8_t *through)
{
	struct bdev_client c;
	bdev_client_init(&c, drv, minor, through, sizeof(buf));
	return c;
}

static int opened(uint32_t minor)
{
	struct bdev_client c = on(minor, 0);
	return bdev_req_open(&c);
}

static uint64_t size_of(uint32_t minor)
{
	struct bdev_client c = on(minor, 0);
	uint64_t size = 0;
	T_EQ(bdev_req_open(&c), 0);
	T_EQ(bdev_req_size(&c, &size), 0);
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
	struct bdev_client c;
	bdev_client_init(&c, drv, 1, into, sizeof(want));
	int bad = bdev_client_grant(&c) < 0 ? n : 0;
	for (int i = 0; i < n && c.granted; i++) {
		memset(into, 0, sizeof(want));
		if (bdev_req_read(&c, 4096, sizeof(want)) !=
			    (int)sizeof(want) ||
		    memcmp(into, want, sizeof(want)) != 0)
			bad++;
	}
	bdev_client_ungrant(&c);
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
	T_EQ(opened(3), -ENXIO); /* no partition 3 */
	T_EQ(size_of(5), 200 * GIB);
	T_EQ(opened(10), -ENXIO); /* no secondary */
	T_EQ(opened(25), -ENXIO); /* no such minor */
	/* Writes go from buf, reads into back, on each minor. */
	struct bdev_client r0 = on(0, back);
	struct bdev_client w1 = on(1, buf), r1 = on(1, back);
	struct bdev_client w2 = on(2, buf), r2 = on(2, back);
	struct bdev_client w5 = on(5, buf), r5 = on(5, back);
	T_EQ(bdev_client_grant(&w1), 0);
	T_EQ(bdev_client_grant(&r1), 0);
	w2.grant = w5.grant = w1.grant;
	r0.grant = r2.grant = r5.grant = r1.grant;

	/* 200 sectors: two PIO commands.  Written through partition 1,
	 * read back through it and through the whole disk (it starts at
	 * sector 2048). */
	fill(buf, sizeof(buf), 1);
	T_EQ(bdev_req_write(&w1, 4096, sizeof(buf)), (int)sizeof(buf));
	T_EQ(bdev_req_read(&r1, 4096, sizeof(back)), (int)sizeof(back));
	T_ASSERT(memcmp(buf, back, sizeof(buf)) == 0);
	memset(back, 0, sizeof(back));
	T_EQ(bdev_req_read(&r0, 2048 * 512 + 4096, 512), 512);
	T_ASSERT(memcmp(buf, back, 512) == 0);

	/* Partition 2 begins after partition 1: its sector 0 is not
	 * partition 1's last. */
	fill(buf, 512, 2);
	T_EQ(bdev_req_write(&w1, 32 * MIB - 512, 512), 512);
	fill(buf, 512, 3);
	T_EQ(bdev_req_write(&w2, 0, 512), 512);
	T_EQ(bdev_req_read(&r1, 32 * MIB - 512, 512), 512);
	fill(buf, 512, 2);
	T_ASSERT(memcmp(buf, back, 512) == 0);

	/* LBA48: far beyond 128 GiB on the slave. */
	memset(buf, 0, 1024);
	for (int i = 0; i < 1024; i += 16)
		memcpy(buf + i, "SAMSARA-LBA48-OK", 16);
	T_EQ(bdev_req_write(&w5, FAR, 1024), 1024);
	memset(back, 0, 1024);
	T_EQ(bdev_req_read(&r5, FAR, 1024), 1024);
	T_ASSERT(memcmp(buf, back, 1024) == 0);
	T_EQ(bdev_req_read(&r5, 200 * GIB - 512, 1024), 512);

	/* The edges: past the end, across it, unaligned, bad grants. */
	T_EQ(bdev_req_read(&r1, 32 * MIB, 512), -EIO);
	T_EQ(bdev_req_read(&r2, 8 * MIB - 512, 1024), 512);
	T_EQ(bdev_req_read(&r0, 48 * MIB, 512), -EIO);
	T_EQ(bdev_req_read(&r1, 100, 512), -EINVAL);
	struct bdev_client bad = r1;
	bad.grant = r1.grant + 7;
	T_EQ(bdev_req_read(&bad, 0, 512), -EPERM);
	T_EQ(bdev_req_read(&r1, 0, sizeof(back) + 512), -EPERM);
	bad.grant = grant_create(drv, back, 512, GF_READ);
	T_EQ(bdev_req_read(&bad, 0, 512), -EPERM);

	/* Two clients: each one's requests come while the driver waits
	 * for the drive on the other's; all are served. */
	endpoint_t other = t_spawn(second_client, 0);
	T_EQ(reread(buf, 100), 0);
	struct kc_getksig k = t_reap();
	T_EQ(k.who, other);
	T_EQ(k.status, 0);

	/* Still serving, and the failed requests left the drive sane. */
	T_EQ(bdev_req_read(&r1, 4096, 512), 512);
	fill(buf, 512, 1);
	T_ASSERT(memcmp(buf, back, 512) == 0);
	T_EQ(bdev_req_close(&r1), 0);
	if (deny)
		denials();
	t_pass();
	t_finish();
}
