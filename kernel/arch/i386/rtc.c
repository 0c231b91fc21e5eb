// SPDX-License-Identifier: BSD-2-Clause
/*
 * The wall clock at boot, from the PC's CMOS real-time clock (ports
 * 0x70/0x71).  Read once, after waiting out any update in progress,
 * and turned into seconds since 1970 (UTC, as QEMU and most PCs keep
 * it); the clock's tick count carries time on from there.  Registers
 * may be BCD or binary and the hour 12- or 24-hour, as status register
 * B says.
 */
#include "arch/i386/arch.h"
#include "clock.h"

static uint8_t cmos(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static uint32_t from_bcd(uint8_t v, bool bcd)
{
	return bcd ? (uint32_t)(v >> 4) * 10 + (v & 15) : v;
}

/* Days from 1970-01-01 to y-m-d (the proleptic Gregorian calendar). */
static uint32_t days_since_epoch(uint32_t y, uint32_t m, uint32_t d)
{
	y -= m <= 2;
	uint32_t era = y / 400, yoe = y - era * 400;
	uint32_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

uint32_t rtc_read(void)
{
	for (int i = 0; i < 100000 && (cmos(0x0a) & 0x80); i++)
		;
	uint8_t b = cmos(0x0b);
	bool bcd = !(b & 0x04);
	uint32_t sec = from_bcd(cmos(0x00), bcd);
	uint32_t min = from_bcd(cmos(0x02), bcd);
	uint8_t h = cmos(0x04);
	uint32_t hour = from_bcd(h & 0x7f, bcd);
	uint32_t day = from_bcd(cmos(0x07), bcd);
	uint32_t mon = from_bcd(cmos(0x08), bcd);
	uint32_t year = from_bcd(cmos(0x09), bcd) + 2000;
	if (!(b & 0x02) && (h & 0x80))
		hour = (hour % 12) + 12; /* 12-hour clock, PM */
	if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23)
		return 0; /* no sensible clock: 1970 */
	return days_since_epoch(year, mon, day) * 86400 + hour * 3600 +
	       min * 60 + sec;
}
