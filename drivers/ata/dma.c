// SPDX-License-Identifier: BSD-2-Clause
/*
 * Bus-master DMA: the IDE controller moves the sectors itself, between
 * the drive and a buffer in memory, while the CPU waits for one
 * interrupt per command instead of moving every word.
 *
 * The controller is a PCI device (the PIIX's IDE function in QEMU; any
 * controller of class 01/01 whose programming interface says it can
 * bus-master, bit 7).  The driver claims it through the PCI driver,
 * which adds its BAR 4 -- sixteen ports of bus-master registers, eight
 * per channel -- to this driver's privileges and nothing else; then it
 * stops both engines (a dead predecessor may have left one running,
 * aimed at memory that is no longer its) and only then asks PCI to turn
 * bus mastering on.  Per channel:
 *
 *	+0 command: bit 0 start, bit 3 direction (1: the drive writes
 *	   to memory, a read)
 *	+2 status: bit 0 active, bit 1 error, bit 2 interrupt (write 1
 *	   to clear either)
 *	+4 the physical address of the PRD table
 *
 * A PRD ("physical region descriptor") names one piece of the buffer:
 * its physical address, its length in bytes (0 meaning 64 KiB), and
 * bit 15 of the last word marks the table's end; no piece may cross a
 * 64 KiB boundary.  The buffer is 64 KiB from DMAALLOC, physically
 * contiguous, so at most two pieces; the client's data is copied
 * through its grant into the buffer for a write, out of it after a
 * read.
 *
 * A command: stop the engine, clear its status, load the table and the
 * direction, send READ/WRITE DMA (EXT for LBA48), start, wait for the
 * drive's interrupt, stop, and check both the drive's and the engine's
 * status.  After a failure the channel is reset, and ata.c tries the
 * request again by PIO.
 */
#include <stdio.h>
#include <string.h>

#include "ata.h"
#include "libsys.h"
#include "pciclient.h"

#define BM_COMMAND 0
#define BM_STATUS 2
#define BM_PRDT 4
#define BM_START 0x01
#define BM_TO_MEMORY 0x08
#define BM_ST_ACTIVE 0x01
#define BM_ST_ERROR 0x02
#define BM_ST_IRQ 0x04

#define DMA_BUF_SIZE (64u * 1024)
#define DMA_SECTORS (DMA_BUF_SIZE / ATA_SECTOR)
#define DMA_VADDR ((uint8_t *)0x30000000) /* unused in every driver */
#define IRQ_WAIT_MS 10000

struct prd {
	uint32_t phys;
	uint16_t bytes; /* 0: 64 KiB */
	uint16_t flags; /* PRD_LAST on the table's last entry */
};
#define PRD_LAST 0x8000

static uint8_t *buf; /* DMA_BUF_SIZE bytes */
static uint32_t buf_phys;
static struct prd *prdt; /* in its own page: never crosses 64 KiB */
static uint32_t prdt_phys;
static uint16_t bm_base; /* BAR 4; 0: no DMA */

bool ata_dma_ready(void)
{
	return bm_base != 0;
}

static uint8_t bm_in(const struct channel *c, uint32_t reg)
{
	uint32_t v = 0;
	sys_devio(bm_base + 8u * (uint32_t)(c - channels) + reg,
		  DIO_IN | DIO_BYTE, 0, &v);
	return (uint8_t)v;
}

static void bm_out(const struct channel *c, uint32_t reg, uint32_t v,
		   uint32_t width)
{
	sys_devio(bm_base + 8u * (uint32_t)(c - channels) + reg,
		  DIO_OUT | width, v, 0);
}

/* The controller, claimed, with bus mastering on: 0 or an errno. */
static int claim_controller(void)
{
	struct pci_reply d;
	int r;
	for (uint32_t i = 0; (r = pci_find(i, &d)) == 0; i++) {
		/* Bus-master capable, both channels at the legacy ports. */
		if (d.class != 0x01 || d.subclass != 0x01 ||
		    !(d.progif & 0x80) || (d.progif & 0x05))
			continue;
		struct pci_bar_info bar;
		if ((r = pci_claim(d.bdf, 0)) < 0 ||
		    (r = pci_bar(d.bdf, 4, &bar)) < 0)
			return r;
		if (!(bar.flags & PCI_BAR_IO) || bar.size < 16)
			return -ENODEV;
		bm_base = (uint16_t)bar.base;
		for (int c = 0; c < NR_CHANNELS; c++) { /* stopped, first */
			bm_out(&channels[c], BM_COMMAND, 0, DIO_BYTE);
			bm_out(&channels[c], BM_STATUS, BM_ST_ERROR | BM_ST_IRQ,
			       DIO_BYTE);
		}
		if ((r = pci_master(d.bdf, 1)) < 0)
			bm_base = 0;
		return r;
	}
	return r == -ENOENT ? -ENODEV : r;
}

int ata_dma_init(void)
{
	if (bm_base)
		return 0;
	if (!buf) {
		uint8_t *page = DMA_VADDR + DMA_BUF_SIZE;
		if (sys_dmaalloc(DMA_VADDR, DMA_BUF_SIZE, &buf_phys) < 0 ||
		    sys_dmaalloc(page, 4096, &prdt_phys) < 0)
			return -ENOMEM;
		buf = DMA_VADDR;
		prdt = (struct prd *)(void *)page;
	}
	return claim_controller();
}

/* The PRD table for the first `bytes` of the buffer. */
static void fill_prdt(uint32_t bytes)
{
	uint32_t at = buf_phys, left = bytes;
	int n = 0;
	while (left > 0) {
		uint32_t room = 0x10000 - (at & 0xffff); /* to 64 KiB */
		uint32_t len = left < room ? left : room;
		prdt[n].phys = at;
		prdt[n].bytes = (uint16_t)len; /* 65536 -> 0, as meant */
		prdt[n].flags = 0;
		at += len;
		left -= len;
		n++;
	}
	prdt[n - 1].flags = PRD_LAST;
}

static void command(struct drive *d, bool write, uint64_t lba, uint32_t count)
{
	if (write)
		ata_command(d, lba, count, ATA_CMD_WRITE_DMA,
			    ATA_CMD_WRITE_DMA_EXT);
	else
		ata_command(d, lba, count, ATA_CMD_READ_DMA,
			    ATA_CMD_READ_DMA_EXT);
}

/* One command of at most DMA_SECTORS sectors. */
static int run(struct drive *d, bool write, uint64_t lba, uint32_t count)
{
	struct channel *c = d->ch;
	fill_prdt(count * ATA_SECTOR);
	bm_out(c, BM_COMMAND, 0, DIO_BYTE);
	bm_out(c, BM_STATUS, BM_ST_ERROR | BM_ST_IRQ, DIO_BYTE);
	bm_out(c, BM_PRDT, prdt_phys, DIO_LONG);
	bm_out(c, BM_COMMAND, write ? 0 : BM_TO_MEMORY, DIO_BYTE);
	command(d, write, lba, count);
	bm_out(c, BM_COMMAND, (write ? 0 : BM_TO_MEMORY) | BM_START, DIO_BYTE);
	uint8_t st = 0; /* done: neither busy nor asking for data */
	int r = ata_wait_irq(c, IRQ_WAIT_MS, &st);
	uint8_t bm = bm_in(c, BM_STATUS);
	bm_out(c, BM_COMMAND, 0, DIO_BYTE);
	bm_out(c, BM_STATUS, BM_ST_ERROR | BM_ST_IRQ, DIO_BYTE);
	if (r < 0)
		return r;
	return bm & BM_ST_ERROR ? -EIO : 0;
}

int ata_dma(struct drive *d, bool write, uint64_t lba, uint32_t count,
	    endpoint_t who, grant_id_t grant, uint32_t offset)
{
	while (count > 0) {
		uint32_t n = count < DMA_SECTORS ? count : DMA_SECTORS;
		int r = 0;
		if (write)
			r = sys_safecopyfrom(who, grant, offset, buf,
					     n * ATA_SECTOR);
		if (r < 0)
			return r; /* the client's grant: no drive trouble */
		if ((r = run(d, write, lba, n)) < 0) {
			ata_reset(d->ch); /* it may be mid-command */
			ata_enable_irq(d->ch);
			return -EIO;
		}
		if (!write && (r = sys_safecopyto(who, grant, offset, buf,
						  n * ATA_SECTOR)) < 0)
			return r;
		lba += n;
		count -= n;
		offset += n * ATA_SECTOR;
	}
	return 0;
}
