// SPDX-License-Identifier: BSD-2-Clause
/*
 * Programmed I/O: the CPU moves every word through the data port.
 *
 * A command names a start sector (LBA) and a count.  LBA28 commands
 * reach the first 2^28 sectors (128 GiB) and at most 256 sectors at a
 * time; the EXT commands of LBA48 reach 2^48 sectors, their registers
 * written twice, high byte first.  A read interrupts once per sector
 * when its data is ready; a write wants the first sector's data at
 * once (DRQ) and interrupts after each sector is taken.  Each sector
 * goes straight between the data port and the client's grant through
 * SDEVIO: no copy in the driver.
 */
#include "ata.h"
#include "libsys.h"

#define PIO_MAX 128	  /* sectors per command: 64 KiB, SDEVIO's limit */
#define IRQ_WAIT_MS 10000 /* a drive is dead long before this */

void ata_command(struct drive *d, uint64_t lba, uint32_t count, uint8_t op,
		 uint8_t op_ext)
{
	struct channel *c = d->ch;
	bool ext = d->lba48 && (lba + count > ATA_LBA28_LIMIT);
	ata_select(d, ext ? 0 : (uint32_t)(lba >> 24));
	if (ext) { /* the high bytes first */
		ata_out(c, ATA_COUNT, (uint8_t)(count >> 8));
		ata_out(c, ATA_LBA0, (uint8_t)(lba >> 24));
		ata_out(c, ATA_LBA1, (uint8_t)(lba >> 32));
		ata_out(c, ATA_LBA2, (uint8_t)(lba >> 40));
	}
	ata_out(c, ATA_COUNT, (uint8_t)count); /* 0 means 256 (LBA28) */
	ata_out(c, ATA_LBA0, (uint8_t)lba);
	ata_out(c, ATA_LBA1, (uint8_t)(lba >> 8));
	ata_out(c, ATA_LBA2, (uint8_t)(lba >> 16));
	ata_out(c, ATA_COMMAND, ext ? op_ext : op);
}

static void command(struct drive *d, bool write, uint64_t lba, uint32_t count)
{
	if (write)
		ata_command(d, lba, count, ATA_CMD_WRITE, ATA_CMD_WRITE_EXT);
	else
		ata_command(d, lba, count, ATA_CMD_READ, ATA_CMD_READ_EXT);
}

static int sector(struct drive *d, bool write, endpoint_t who, grant_id_t grant,
		  uint32_t offset)
{
	return sys_sdevio(d->ch->base + ATA_DATA,
			  (write ? DIO_OUT : DIO_IN) | DIO_WORD, who, grant,
			  offset, ATA_SECTOR);
}

/* One command of at most PIO_MAX sectors. */
static int run(struct drive *d, bool write, uint64_t lba, uint32_t count,
	       endpoint_t who, grant_id_t grant, uint32_t offset)
{
	struct channel *c = d->ch;
	uint8_t st;
	int r;
	command(d, write, lba, count);
	if (write && (r = ata_wait(c, ATA_ST_BSY | ATA_ST_DRQ, ATA_ST_DRQ,
				   IRQ_WAIT_MS)) < 0)
		return r;
	for (uint32_t i = 0; i < count; i++) {
		if (!write) {
			st = ATA_ST_DRQ; /* wait for data */
			if ((r = ata_wait_irq(c, IRQ_WAIT_MS, &st)) < 0)
				return r;
		}
		r = sector(d, write, who, grant, offset + i * ATA_SECTOR);
		if (r < 0)
			return r;
		if (write) {
			/* After each sector: DRQ again for the next one,
			 * or the end of the command after the last. */
			st = i + 1 < count ? ATA_ST_DRQ : 0;
			if ((r = ata_wait_irq(c, IRQ_WAIT_MS, &st)) < 0)
				return r;
		}
	}
	return 0;
}

int ata_pio(struct drive *d, bool write, uint64_t lba, uint32_t count,
	    endpoint_t who, grant_id_t grant, uint32_t offset)
{
	while (count > 0) {
		uint32_t n = count < PIO_MAX ? count : PIO_MAX;
		int r = run(d, write, lba, n, who, grant, offset);
		if (r < 0) { /* the drive may be mid-command: start afresh */
			ata_reset(d->ch);
			ata_enable_irq(d->ch);
			return r;
		}
		lba += n;
		count -= n;
		offset += n * ATA_SECTOR;
	}
	return 0;
}

/* Make the drive's write cache durable. */
int ata_flush(struct drive *d)
{
	if (!d->cache)
		return 0;
	ata_select(d, 0);
	ata_out(d->ch, ATA_COMMAND,
		d->lba48 ? ATA_CMD_FLUSH_EXT : ATA_CMD_FLUSH);
	uint8_t st = 0;
	return ata_wait_irq(d->ch, IRQ_WAIT_MS, &st);
}
