// SPDX-License-Identifier: BSD-2-Clause
/*
 * An IDE channel: its registers (through DEVIO, which checks each port
 * against the driver's policy), waiting for the drive, reset, and the
 * IDENTIFY DEVICE that tells what is attached.
 *
 * Two ways to wait.  ata_wait polls the status register, for the short
 * waits of reset and probing, which run with the channel's interrupt
 * off (nIEN).  ata_wait_irq sleeps until the channel's IRQ arrives as a
 * notification from HARDWARE, bounded by an alarm: a drive that never
 * answers makes the request fail, not the driver hang.  An interrupt
 * says only that the drive wants attention, and one may be left over
 * from an earlier command, so after each the status register decides:
 * still busy, or not yet at the wanted state, means wait on.
 */
#include <stdio.h>

#include "ata.h"
#include "blockdriver.h"
#include "libsys.h"

struct channel channels[NR_CHANNELS] = {
	{.base = 0x1f0, .ctl = 0x3f6, .irq = 14},
	{.base = 0x170, .ctl = 0x376, .irq = 15},
};

uint8_t ata_in(const struct channel *c, uint32_t reg)
{
	uint32_t v = 0xff;
	sys_devio(c->base + reg, DIO_IN | DIO_BYTE, 0, &v);
	return (uint8_t)v;
}

void ata_out(const struct channel *c, uint32_t reg, uint8_t value)
{
	sys_devio(c->base + reg, DIO_OUT | DIO_BYTE, value, 0);
}

static uint8_t alt_status(const struct channel *c)
{
	uint32_t v = 0xff;
	sys_devio(c->ctl, DIO_IN | DIO_BYTE, 0, &v);
	return (uint8_t)v;
}

static void control(const struct channel *c, uint8_t value)
{
	sys_devio(c->ctl, DIO_OUT | DIO_BYTE, value, 0);
}

/* The 400 ns a drive may take to show a new status: four reads of the
 * alternate status register, each at least 100 ns on an ISA-timed bus. */
static void delay400(const struct channel *c)
{
	for (int i = 0; i < 4; i++)
		alt_status(c);
}

int ata_wait(const struct channel *c, uint8_t mask, uint8_t want, uint32_t ms)
{
	uint64_t until = clock_ms() + ms;
	do {
		uint8_t st = ata_in(c, ATA_STATUS);
		if (st == 0xff)
			return -ENODEV; /* nothing drives the bus */
		if (!(st & ATA_ST_BSY) && (st & (ATA_ST_ERR | ATA_ST_DF)))
			return -EIO;
		if ((st & mask) == want)
			return 0;
	} while (clock_ms() <= until);
	return -ETIMEDOUT;
}

/* Status that ends a wait: not busy, and either an error or DRQ as
 * wanted (set: data to move; clear: the command is done). */
static bool settled(uint8_t st, bool drq)
{
	if (st & ATA_ST_BSY)
		return false;
	if (st & (ATA_ST_ERR | ATA_ST_DF))
		return true;
	return !!(st & ATA_ST_DRQ) == drq;
}

int ata_wait_irq(struct channel *c, uint32_t ms, uint8_t *status)
{
	bool drq = *status & ATA_ST_DRQ; /* in: the DRQ wanted */
	uint64_t until = clock_ms() + ms;
	int r = -ETIMEDOUT;
	alarm_ms(ms);
	while (r == -ETIMEDOUT && clock_ms() <= until) {
		message_t m;
		int st;
		if (sef_receive(ANY, &m, &st) != 0)
			continue;
		if (!IPC_IS_NOTIFY(st)) {
			blockdriver_defer(&m); /* served next */
			continue;
		}
		if (m.m_source != HARDWARE ||
		    !(NOTIFY_ARG(&m) & (1u << c->irq)))
			continue;
		*status = ata_in(c, ATA_STATUS); /* acknowledges it */
		if (settled(*status, drq))
			r = 0;
	}
	alarm_ms(0);
	if (r == 0 && (*status & (ATA_ST_ERR | ATA_ST_DF)))
		r = -EIO;
	return r;
}

void ata_select(const struct drive *d, uint32_t lba_high)
{
	ata_out(d->ch, ATA_DEVICE,
		(uint8_t)(0xa0 | ATA_DEV_LBA | (d->slave ? ATA_DEV_SLAVE : 0) |
			  (lba_high & 0x0f)));
	delay400(d->ch);
}

/* Reset both drives of the channel, whatever state they are in (a
 * previous instance of this driver may have died mid-command), and
 * leave the interrupt off until the drives are known.
 *
 * The status register shows the selected drive, and an absent slave
 * reads as 0: never busy.  So the master is selected first: the reset
 * selects it too, but a drive may take its time to reset (QEMU does it
 * later, in its main loop), and until then the slave the BIOS left
 * selected would say "not busy" while the master is. */
int ata_reset(struct channel *c)
{
	if (alt_status(c) == 0xff)
		return -ENODEV; /* no controller answers here */
	ata_out(c, ATA_DEVICE, 0xa0);
	delay400(c);
	control(c, ATA_CTL_SRST | ATA_CTL_NIEN);
	delay400(c);
	control(c, ATA_CTL_NIEN);
	delay400(c);
	return ata_wait(c, ATA_ST_BSY, 0, 5000);
}

static void copy_model(struct drive *d, const uint16_t *id)
{
	for (int i = 0; i < 20; i++) { /* words 27-46, bytes swapped */
		d->model[2 * i] = (char)(id[27 + i] >> 8);
		d->model[2 * i + 1] = (char)(id[27 + i] & 0xff);
	}
	int n = 40;
	while (n > 0 && (d->model[n - 1] == ' ' || d->model[n - 1] == 0))
		n--;
	d->model[n] = 0;
}

/* IDENTIFY DEVICE: present only if an ATA disk answers (an ATAPI
 * drive, a CD-ROM, aborts the command and shows its signature). */
void ata_identify(struct drive *d)
{
	static uint16_t id[256];
	struct channel *c = d->ch;
	d->present = false;
	ata_select(d, 0);
	ata_out(c, ATA_COUNT, 0);
	ata_out(c, ATA_LBA0, 0);
	ata_out(c, ATA_LBA1, 0);
	ata_out(c, ATA_LBA2, 0);
	ata_out(c, ATA_COMMAND, ATA_CMD_IDENTIFY);
	delay400(c);
	if (ata_in(c, ATA_STATUS) == 0)
		return; /* no drive */
	if (ata_wait(c, ATA_ST_BSY, 0, 5000) < 0)
		return;
	if (ata_in(c, ATA_LBA1) != 0 || ata_in(c, ATA_LBA2) != 0)
		return; /* not ATA: ATAPI or SATA signature */
	if (ata_wait(c, ATA_ST_DRQ, ATA_ST_DRQ, 5000) < 0)
		return;
	if (sys_sdevio(c->base + ATA_DATA, DIO_IN | DIO_WORD, SELF, 0,
		       (uint32_t)(uintptr_t)id, sizeof(id)) < 0)
		return;
	if (!(id[49] & (1u << 9)))
		return; /* no LBA: a drive from before 1994 */
	d->lba48 = id[83] & (1u << 10);
	d->cache = id[85] != 0xffff && (id[85] & (1u << 5));
	d->sectors = d->lba48 ? (uint64_t)id[100] | (uint64_t)id[101] << 16 |
					(uint64_t)id[102] << 32 |
					(uint64_t)id[103] << 48
			      : (uint64_t)id[60] | (uint64_t)id[61] << 16;
	copy_model(d, id);
	d->present = d->sectors > 0;
}

/* From now on the channel's drives interrupt when they want attention. */
int ata_enable_irq(struct channel *c)
{
	int hook;
	if (!c->hooked && (sys_irqctl(IRQ_SETPOLICY, c->irq, IRQ_REENABLE,
				      c->irq, &hook) < 0 ||
			   sys_irqctl(IRQ_ENABLE, 0, 0, 0, &hook) < 0))
		return -EPERM;
	c->hooked = true;
	control(c, 0);
	return 0;
}
