// SPDX-License-Identifier: BSD-2-Clause
/*
 * p_pci: the test driver of the PCI test (t_pci.c), started by RS from
 * /bin/pcidrv under the labels pcitest, pcitwo and pciclass, each with
 * its own policy (tests/guest/pci/etc/system.d).  Its argument is the
 * PCI driver's endpoint (the policies grant no GETINFO to look it up).
 *
 * It does nothing of its own accord: each request of pcitest.h makes it
 * call PCI, or try a port, as itself, and answer with what it got, so
 * that t_pci sees exactly what a driver with that policy is allowed
 * (and, with PT_DMA, holds DMA memory, whose fate t_pci follows).
 * Heartbeats and RS_FI the server library handles.
 */
#include <stdlib.h>
#include <string.h>

#include "libsys.h"
#include "pciclient.h"
#include "pcitest.h"

static int do_find(uint32_t *w)
{
	struct pci_reply d;
	int r = pci_find(w[0], &d);
	if (r == 0) {
		w[1] = d.bdf;
		w[2] = (uint32_t)d.vendor << 16 | d.device;
		w[3] = (uint32_t)d.class << 16 | (uint32_t)d.subclass << 8 |
		       d.progif;
		w[4] = d.irq;
	}
	return r;
}

static int do_claim(uint32_t *w)
{
	uint8_t irq = 0;
	int r = pci_claim(w[0], &irq);
	if (r == 0)
		w[1] = irq;
	return r;
}

static int do_bar(uint32_t *w)
{
	struct pci_bar_info b;
	int r = pci_bar(w[0], w[1], &b);
	if (r == 0) {
		w[1] = b.base;
		w[2] = b.size;
		w[3] = b.flags;
	}
	return r;
}

static int do_read(uint32_t *w)
{
	uint32_t v = 0;
	int r = pci_read(w[0], w[1], w[2], &v);
	if (r == 0)
		w[1] = v;
	return r;
}

static int do_in(uint32_t *w)
{
	uint32_t v = 0;
	int r = sys_devio(w[0], DIO_IN | (w[1] & (DIO_WORD | DIO_LONG)), 0, &v);
	if (r == 0)
		w[1] = v;
	return r;
}

/* DMA memory, each piece at the next free address. */
static int do_dma(uint32_t *w)
{
	static uint32_t next = 0x40000000;
	uint32_t phys = 0;
	int r = sys_dmaalloc((void *)next, w[0], &phys);
	if (r == 0) {
		next += (w[0] + 4095) & ~4095u;
		w[1] = phys;
	}
	return r;
}

/* One request, done in place: its words become the reply's. */
static int handle(int type, uint32_t *w)
{
	switch (type) {
	case PT_FIND:
		return do_find(w);
	case PT_CLAIM:
		return do_claim(w);
	case PT_BAR:
		return do_bar(w);
	case PT_READ:
		return do_read(w);
	case PT_WRITE:
		return pci_write(w[0], w[1], w[2], w[3]);
	case PT_MASTER:
		return pci_master(w[0], (int)w[1]);
	case PT_IN:
		return do_in(w);
	case PT_DMA:
		return do_dma(w);
	default:
		return -ENOSYS;
	}
}

int main(int argc, char **argv)
{
	sef_startup("pcidrv");
	if (argc > 1)
		pci_set_endpoint((endpoint_t)atoi(argv[1]));
	for (;;) {
		message_t m;
		int st;
		if (sef_receive(ANY, &m, &st) < 0 || IPC_IS_NOTIFY(st))
			continue;
		uint32_t w[MSG_PAYLOAD / 4];
		memcpy(w, m.m_u.u32, sizeof(w));
		int r = handle(m.m_type, w);
		endpoint_t from = m.m_source;
		memset(&m, 0, sizeof(m));
		m.m_type = PT_REPLY;
		m.m_u.i32[0] = r;
		if (r == 0)
			memcpy(&m.m_u.u32[1], &w[1], sizeof(w) - sizeof(w[0]));
		ipc_sendnb(from, &m);
	}
}
