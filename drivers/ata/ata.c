// SPDX-License-Identifier: BSD-2-Clause
/*
 * ATA: the disk driver of the PC's IDE controller (the PIIX that QEMU
 * emulates, or any controller in legacy mode): two channels at the
 * classic ports, IRQs 14 and 15, a master and a slave drive on each.
 *
 * At every start -- the first, or after a crash of the instance before
 * -- it resets both channels and identifies what is attached, so the
 * drives are in a known state whatever the old instance left.  Then it
 * serves the block protocol (proto/bdev.h) through lib/libdriver's
 * loop.  Minors: five per drive, in the order primary master, primary
 * slave, secondary master, secondary slave; the first of the five is
 * the whole disk, the next four its MBR partitions (part.c):
 *
 *	minor = 5 * drive + (0 | partition 1..4)
 *
 * Transfers are bus-master DMA (dma.c) when the PCI driver lets this
 * driver claim the IDE controller, else PIO (pio.c); both are driven by
 * interrupts (channel.c).  A DMA transfer that fails is tried again by
 * PIO.  The kernel command line's `ata=pio` keeps DMA off (for tests
 * and for hardware whose DMA misbehaves).
 *
 * The boot instance starts before RS, so PCI has not yet heard what
 * ata.conf lets it claim: it asks once more after RS's first
 * heartbeat, which comes after RS has adopted it and told PCI.
 */
#include <stdio.h>
#include <string.h>

#include "ata.h"
#include "blockdriver.h"
#include "libsys.h"

struct drive drives[NR_DRIVES];

/* The drive and sector range of a minor, or 0 if it has none. */
static struct drive *device(uint32_t minor, uint64_t *first, uint64_t *count)
{
	if (minor >= NR_DRIVES * ATA_MINORS_PER_DRIVE)
		return 0;
	struct drive *d = &drives[minor / ATA_MINORS_PER_DRIVE];
	uint32_t p = minor % ATA_MINORS_PER_DRIVE;
	if (!d->present)
		return 0;
	*first = p ? d->part[p - 1].first : 0;
	*count = p ? d->part[p - 1].count : d->sectors;
	return *count ? d : 0;
}

static int do_open(uint32_t minor)
{
	uint64_t first, count;
	return device(minor, &first, &count) ? 0 : -ENXIO;
}

/* Closing a device and BDEV_FLUSH both empty the drive's write cache. */
static int do_flush(uint32_t minor)
{
	uint64_t first, count;
	struct drive *d = device(minor, &first, &count);
	if (!d)
		return -ENXIO;
	return ata_flush(d) < 0 ? -EIO : 0;
}

static int do_transfer(uint32_t minor, bool write, uint64_t pos, endpoint_t who,
		       grant_id_t grant, uint32_t len)
{
	uint64_t first, count;
	struct drive *d = device(minor, &first, &count);
	if (!d)
		return -ENXIO;
	uint64_t sector = pos / ATA_SECTOR;
	if (sector >= count)
		return len ? -EIO : 0;
	if (len / ATA_SECTOR > count - sector)
		len = (uint32_t)(count - sector) * ATA_SECTOR;
	int r = -EIO;
	if (ata_dma_ready())
		r = ata_dma(d, write, first + sector, len / ATA_SECTOR, who,
			    grant, 0);
	if (r == -EIO) /* no DMA, or it failed: the drive by PIO */
		r = ata_pio(d, write, first + sector, len / ATA_SECTOR, who,
			    grant, 0);
	if (r == -EPERM || r == -EFAULT || r == -EINVAL)
		return r; /* the client's grant */
	return r < 0 ? -EIO : (int)len;
}

static int do_size(uint32_t minor, uint64_t *bytes)
{
	uint64_t first, count;
	if (!device(minor, &first, &count))
		return -ENXIO;
	*bytes = count * ATA_SECTOR;
	return 0;
}

static const struct blockdriver_ops ops = {
	.open = do_open,
	.close = do_flush,
	.transfer = do_transfer,
	.size = do_size,
	.flush = do_flush,
};

/* Does the kernel command line say ata=pio? */
static bool pio_only(void)
{
	static char line[KCMDLINE_MAX];
	uint32_t n = 0;
	if (sys_getinfo(GI_CMDLINE, line, sizeof(line) - 1, &n) < 0)
		return false;
	line[n < sizeof(line) ? n : sizeof(line) - 1] = 0;
	for (char *w = strtok(line, " "); w; w = strtok(0, " "))
		if (!strcmp(w, "ata=pio"))
			return true;
	return false;
}

/* DMA if PCI lets this driver claim the controller.  The boot
 * instance asks again, silently, after RS's first heartbeats: a line
 * then would land in the middle of whatever the console shows. */
static void dma_start(void)
{
	static int tries;
	int r = ata_dma_init();
	if (r < 0 && r != -EPERM && r != -ESRCH && tries == 0)
		printf("ata: no DMA (%s); PIO\n", strerror(-r));
	sef_on_heartbeat(r == -EPERM && ++tries < 3 ? dma_start : 0);
}

/* Reset and identify every drive; then, with a disk to serve, DMA
 * (unless ata=pio); then one line per disk. */
static void probe(bool dma)
{
	bool any = false;
	for (int i = 0; i < NR_DRIVES; i++) {
		struct drive *d = &drives[i];
		d->ch = &channels[i / 2];
		d->slave = i % 2;
		if (i % 2 == 0 && ata_reset(d->ch) < 0) {
			i++; /* no channel, so no slave either */
			continue;
		}
		ata_identify(d);
		any |= d->present;
	}
	if (any && dma)
		dma_start();
	for (int i = 0; i < NR_DRIVES; i++) {
		struct drive *d = &drives[i];
		if (!d->present)
			continue;
		if (ata_enable_irq(d->ch) < 0) {
			printf("ata: cannot hook IRQ %u\n", d->ch->irq);
			d->present = false;
			continue;
		}
		printf("ata: disk %d: %s, %llu sectors (%llu MiB)%s%s\n", i,
		       d->model, (unsigned long long)d->sectors,
		       (unsigned long long)(d->sectors >> 11),
		       d->lba48 ? ", LBA48" : "",
		       ata_dma_ready() ? ", DMA" : "");
		ata_read_partitions(d, i);
	}
}

int main(int argc, char **argv)
{
	peer_args(argc, argv); /* clients=: a test that plays FS */
#ifdef ATA_DENIAL_TEST
	ata_denial_test(); /* the test build's bad accesses */
#endif
	probe(!pio_only()); /* before RS can send it anything */
	sef_startup("ata");
	blockdriver_run(&ops);
}
