/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The ATA driver's parts (ata.c has the overview).  Register offsets
 * and bits are those of the ATA/ATAPI command set as every IDE
 * controller since the PC/AT decodes them: eight command-block
 * registers at the channel's base port, and one control register.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "abi/endpoint.h"
#include "abi/grant.h"
#include "devnum.h"

/* Command block, from the channel's base port. */
#define ATA_DATA 0	 /* 16-bit data port */
#define ATA_ERROR 1	 /* in */
#define ATA_COUNT 2	 /* sector count */
#define ATA_LBA0 3	 /* LBA bits 0-7 (24-31 on the second write) */
#define ATA_LBA1 4	 /* LBA bits 8-15 (32-39) */
#define ATA_LBA2 5	 /* LBA bits 16-23 (40-47) */
#define ATA_DEVICE 6	 /* drive select, LBA bits 24-27 */
#define ATA_STATUS 7	 /* in: reading it acknowledges the IRQ */
#define ATA_COMMAND 7	 /* out */
#define ATA_DEV_LBA 0x40 /* ATA_DEVICE: the address is an LBA */
#define ATA_DEV_SLAVE 0x10

/* Control register (and, read, the alternate status). */
#define ATA_CTL_SRST 0x04 /* software reset of both drives */
#define ATA_CTL_NIEN 0x02 /* no interrupts */

/* Status bits. */
#define ATA_ST_BSY 0x80
#define ATA_ST_DRDY 0x40
#define ATA_ST_DF 0x20
#define ATA_ST_DRQ 0x08
#define ATA_ST_ERR 0x01

/* Commands. */
#define ATA_CMD_READ 0x20
#define ATA_CMD_READ_EXT 0x24
#define ATA_CMD_WRITE 0x30
#define ATA_CMD_WRITE_EXT 0x34
#define ATA_CMD_READ_DMA 0xc8
#define ATA_CMD_READ_DMA_EXT 0x25
#define ATA_CMD_WRITE_DMA 0xca
#define ATA_CMD_WRITE_DMA_EXT 0x35
#define ATA_CMD_FLUSH 0xe7
#define ATA_CMD_FLUSH_EXT 0xea
#define ATA_CMD_IDENTIFY 0xec

#define ATA_SECTOR 512
#define ATA_LBA28_LIMIT (1u << 28)
#define NR_CHANNELS 2
#define NR_DRIVES 4 /* primary master, primary slave, secondary ... */
#define NR_PARTS 4  /* the MBR's primary partitions */
_Static_assert(ATA_MINORS_PER_DRIVE == 1 + NR_PARTS,
	       "a minor for the whole disk, then one per partition");

struct channel {
	uint16_t base, ctl; /* command block, control register */
	uint32_t irq;
	bool hooked;
};

struct drive {
	bool present;
	struct channel *ch;
	bool slave;
	bool lba48;
	bool cache; /* its write cache is on: flush before saying "done" */
	uint64_t sectors;
	char model[41];
	struct {
		uint64_t first, count; /* sectors; count 0: no partition */
	} part[NR_PARTS];
};

extern struct channel channels[NR_CHANNELS];
extern struct drive drives[NR_DRIVES];

/* channel.c: registers, waiting, reset and identification. */
uint8_t ata_in(const struct channel *c, uint32_t reg);
void ata_out(const struct channel *c, uint32_t reg, uint8_t value);
int ata_wait(const struct channel *c, uint8_t mask, uint8_t want, uint32_t ms);
int ata_wait_irq(struct channel *c, uint32_t ms, uint8_t *status);
void ata_select(const struct drive *d, uint32_t lba_high);
int ata_reset(struct channel *c);
int ata_enable_irq(struct channel *c);
void ata_identify(struct drive *d);

/* pio.c: sectors through the data port, straight to a client's grant
 * (who, grant, offset); `who` SELF and grant 0: the driver's own memory
 * at address `offset`. */
int ata_pio(struct drive *d, bool write, uint64_t lba, uint32_t count,
	    endpoint_t who, grant_id_t grant, uint32_t offset);
/* Empty the drive's write cache onto the medium (if it has one on). */
int ata_flush(struct drive *d);
/* Select the drive, write the sector count and LBA (LBA48's registers
 * twice when the range needs them) and send op, or op_ext for LBA48. */
void ata_command(struct drive *d, uint64_t lba, uint32_t count, uint8_t op,
		 uint8_t op_ext);

/* dma.c: bus-master DMA through the IDE controller, claimed from PCI.
 * ata_dma_init: 0 once DMA can be used, else a negative errno (-EPERM:
 * PCI does not know this driver may claim it yet; -ENODEV: no
 * bus-master controller).  ata_dma: like ata_pio, and -EIO after any
 * failure of the drive or the engine (the channel is reset). */
int ata_dma_init(void);
bool ata_dma_ready(void);
int ata_dma(struct drive *d, bool write, uint64_t lba, uint32_t count,
	    endpoint_t who, grant_id_t grant, uint32_t offset);

/* part.c: the MBR's primary partitions of a drive. */
void ata_read_partitions(struct drive *d, int index);

/* The test build only (tests/guest/ata_deny.c): accesses it tries that
 * its policy does not grant, each of which the kernel must refuse. */
#define ATA_DENY_PORTS 14
#define ATA_DENY_IRQS 1
void ata_denial_test(void);
