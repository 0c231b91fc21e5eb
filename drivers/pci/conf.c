// SPDX-License-Identifier: BSD-2-Clause
/*
 * Configuration space through mechanism #1: write the address of a
 * dword -- enable bit 31, bus, device, function, register -- to port
 * 0xcf8, then read or write it at 0xcfc..0xcff.  These two ports are
 * in PCI's policy and in nobody else's, so no other driver can reach
 * any device's configuration.  Each access is one address write and
 * one data access; PCI is single-threaded, so the pair cannot be split.
 */
#include "pci.h"

#define CONF_ADDR 0xcf8
#define CONF_DATA 0xcfc

static uint32_t width(uint32_t size)
{
	return size == 1 ? DIO_BYTE : size == 2 ? DIO_WORD : DIO_LONG;
}

static void select_reg(uint32_t bdf, uint32_t off)
{
	sys_devio(CONF_ADDR, DIO_OUT | DIO_LONG,
		  0x80000000u | bdf << 8 | (off & 0xfc), 0);
}

uint32_t conf_read(uint32_t bdf, uint32_t off, uint32_t size)
{
	uint32_t v = 0xffffffffu;
	select_reg(bdf, off);
	sys_devio(CONF_DATA + (off & 3), DIO_IN | width(size), 0, &v);
	return size == 4 ? v : v & ((1u << (size * 8)) - 1);
}

void conf_write(uint32_t bdf, uint32_t off, uint32_t size, uint32_t value)
{
	select_reg(bdf, off);
	sys_devio(CONF_DATA + (off & 3), DIO_OUT | width(size), value, 0);
}
