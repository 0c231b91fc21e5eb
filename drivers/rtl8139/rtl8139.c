// SPDX-License-Identifier: BSD-2-Clause
/*
 * RTL8139: the driver of Realtek's 10ec:8139 Ethernet card, in its
 * classic mode, on the network-driver library (netdriver.h), which
 * owns the loop, INET's requests and the queues.
 *
 * Start (rl_init), from whatever state an earlier instance left the
 * card in: claim it from PCI (its I/O ports and IRQ line come with the
 * claim), take the DMA memory -- a 64 KiB receive ring and four 1536-
 * byte transmit buffers -- reset the chip (CR.RST, a bounded wait),
 * read its MAC address, give it the ring's and the buffers' physical
 * addresses, and only then let it master the bus (PCI_MASTER) and
 * switch the receiver and transmitter on; a frame sent through the
 * card's own loopback must come back (selftest.c) before the interrupt
 * mask is set and INET hears of the card.  The C+ command register is
 * never written: QEMU's card, an 8139C+, would switch to descriptor
 * rings.
 *
 * Receiving: the card DMAs frames into the ring (rxring.h has its
 * layout).  rl_recv reads where the card writes (CBR) and where the
 * driver is (CAPR) from the card each time -- QEMU resets both at every
 * write of the receive configuration -- checks the header, copies the
 * frame (two pieces where it wraps) into INET's buffer, and moves CAPR
 * on.  A header the card cannot have written resets the receiver and
 * is counted.  Frames wait in the ring until INET has buffers for them.
 *
 * Sending: tx.c.  Interrupts: the line is level-triggered and may be
 * shared, so rl_intr acknowledges and handles ISR's bits until ISR
 * reads 0, then unmasks the line.  Link changes (ISR's PUN/LinkChg)
 * come from the media status register's link bit.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "libsys.h"
#include "netdriver.h"
#include "pciclient.h"
#include "rtl8139.h"

#define DMA_VADDR ((void *)0x30000000) /* unused in every driver */
#define RESET_POLLS 100000	       /* port reads: far beyond a reset */

struct rl rl;

uint8_t rl_in8(uint32_t reg)
{
	uint32_t v = 0;
	sys_devio(rl.io + reg, DIO_IN | DIO_BYTE, 0, &v);
	return (uint8_t)v;
}

uint16_t rl_in16(uint32_t reg)
{
	uint32_t v = 0;
	sys_devio(rl.io + reg, DIO_IN | DIO_WORD, 0, &v);
	return (uint16_t)v;
}

uint32_t rl_in32(uint32_t reg)
{
	uint32_t v = 0;
	sys_devio(rl.io + reg, DIO_IN | DIO_LONG, 0, &v);
	return v;
}

void rl_out8(uint32_t reg, uint8_t v)
{
	sys_devio(rl.io + reg, DIO_OUT | DIO_BYTE, v, 0);
}

void rl_out16(uint32_t reg, uint16_t v)
{
	sys_devio(rl.io + reg, DIO_OUT | DIO_WORD, v, 0);
}

void rl_out32(uint32_t reg, uint32_t v)
{
	sys_devio(rl.io + reg, DIO_OUT | DIO_LONG, v, 0);
}

/* The first card PCI lets us have, with its ports and its line. */
static int claim(void)
{
	struct pci_reply d;
	struct pci_bar_info bar;
	int r;
	if ((r = pci_find(0, &d)) < 0 || (r = pci_claim(d.bdf, &rl.irq)) < 0 ||
	    (r = pci_bar(d.bdf, 0, &bar)) < 0)
		return r;
	if (!(bar.flags & PCI_BAR_IO) || bar.size < 0x80 ||
	    rl.irq == PCI_NO_IRQ)
		return -ENODEV;
	rl.bdf = d.bdf;
	rl.io = (uint16_t)bar.base;
	return 0;
}

static int take_memory(void)
{
	uint32_t phys;
	int r = sys_dmaalloc(DMA_VADDR, DMA_BYTES, &phys);
	if (r < 0)
		return r;
	rl.ring = DMA_VADDR;
	rl.ring_phys = phys;
	for (int i = 0; i < NR_TX; i++) {
		uint32_t off = RING_ALLOC + (uint32_t)i * TX_BUF_SIZE;
		rl.tx[i] = (uint8_t *)DMA_VADDR + off;
		rl.tx_phys[i] = phys + off;
	}
	return 0;
}

/* CR.RST, and the wait until the chip says it is done. */
static int reset_chip(void)
{
	rl_out8(RL_CR, CR_RST);
	for (int i = 0; i < RESET_POLLS; i++)
		if (!(rl_in8(RL_CR) & CR_RST))
			return 0;
	return -EIO;
}

void rl_set_rcr(uint32_t accept)
{
	rl.rcr = RCR_BASE | accept;
	rl_out32(RL_RCR, rl.rcr);
	rl_out16(RL_CAPR, rxring_capr(0));
}

/* The card from reset to running, but for its interrupts. */
static int start_card(void)
{
	int r = reset_chip();
	if (r < 0)
		return r;
	tx_reset();
	for (uint32_t i = 0; i < 6; i++)
		rl.mac[i] = rl_in8(RL_IDR0 + i);
	rl_out16(RL_IMR, 0);
	rl_out32(RL_RBSTART, rl.ring_phys);
	for (uint32_t i = 0; i < NR_TX; i++)
		rl_out32(RL_TSAD0 + 4 * i, rl.tx_phys[i]);
	if ((r = pci_master(rl.bdf, 1)) < 0)
		return r;
	rl_out8(RL_CR, CR_RE | CR_TE);
	rl_out32(RL_TCR, TCR_IFG_STD | TCR_DMA_2K);
	rl_set_rcr(0);
	rl_out32(RL_MAR0, 0);
	rl_out32(RL_MAR0 + 4, 0);
	rl_out16(RL_ISR, INT_ALL);
	return 0;
}

static int rl_init(struct netdriver_info *info)
{
	int r;
	if ((r = claim()) < 0 || (r = take_memory()) < 0 ||
	    (r = start_card()) < 0 || (r = rl_selftest()) < 0)
		return r;
	if ((r = sys_irqctl(IRQ_SETPOLICY, rl.irq, 0, 0, &rl.hook)) < 0 ||
	    (r = sys_irqctl(IRQ_ENABLE, 0, 0, 0, &rl.hook)) < 0)
		return r;
	rl_out16(RL_IMR, INT_WANTED);
	memcpy(info->mac, rl.mac, sizeof(info->mac));
	strcpy(info->name, "rtl8139");
	printf("rtl8139: %02x:%02x:%02x:%02x:%02x:%02x, ports 0x%x, irq %u, "
	       "loopback ok\n",
	       rl.mac[0], rl.mac[1], rl.mac[2], rl.mac[3], rl.mac[4], rl.mac[5],
	       rl.io, rl.irq);
	return 0;
}

static int rl_set_mode(uint32_t mode)
{
	uint32_t accept = 0, hash = 0;
	if (mode & NDEV_MODE_UP)
		accept |= RCR_APM;
	if (mode & NDEV_MODE_BCAST)
		accept |= RCR_AB;
	if (mode & NDEV_MODE_MCAST_ALL) {
		accept |= RCR_AM;
		hash = 0xffffffff;
	}
	if (mode & NDEV_MODE_PROMISC)
		accept |= RCR_AAP | RCR_AM | RCR_AB;
	if (!(mode & NDEV_MODE_UP))
		accept = 0; /* DOWN: nothing at all */
	rl_out32(RL_MAR0, hash);
	rl_out32(RL_MAR0 + 4, hash);
	rl_set_rcr(accept);
	return 0;
}

static int rl_send(const struct netdriver_buf *b)
{
	if (b->len > TX_BUF_SIZE)
		return -EINVAL;
	uint8_t *buf = tx_slot();
	if (!buf)
		return NETDRIVER_BUSY;
	int r = netdriver_copyin(b, 0, buf, b->len);
	if (r < 0)
		return r;
	tx_start(b->len);
	return 0;
}

/* A header the card cannot have written: what follows it cannot be
 * trusted either, so the receiver starts again on an empty ring. */
static void reset_receiver(uint32_t header)
{
	rl.rx_resets++;
	printf("rtl8139: bad receive header 0x%08x: receiver reset (%u)\n",
	       header, rl.rx_resets);
	rl_out8(RL_CR, CR_TE);
	rl_out32(RL_RBSTART, rl.ring_phys);
	rl_out8(RL_CR, CR_RE | CR_TE);
	rl_set_rcr(rl.rcr & ~RCR_BASE);
}

static int rl_recv(const struct netdriver_buf *b)
{
	if (rl_in8(RL_CR) & CR_BUFE)
		return 0;
	uint32_t read = rxring_read_off(rl_in16(RL_CAPR));
	uint32_t write = rl_in16(RL_CBR);
	uint32_t header = *(volatile uint32_t *)(rl.ring + read);
	struct rx_frame f;
	int r = rxring_parse(read, write, header, &f);
	if (r == RX_EMPTY)
		return 0;
	if (r < 0) {
		netdriver_count_rx_error();
		reset_receiver(header);
		return -EIO;
	}
	if (f.len > b->len) {
		r = -EMSGSIZE;
	} else {
		const uint8_t *ring = (const uint8_t *)rl.ring;
		r = netdriver_copyout(b, 0, ring + f.data, f.first);
		if (r == 0 && f.first < f.len)
			r = netdriver_copyout(b, f.first, ring,
					      f.len - f.first);
	}
	rl_out16(RL_CAPR, rxring_capr(f.next));
	return r < 0 ? r : (int)f.len;
}

static void rl_intr(uint32_t hooks)
{
	(void)hooks;
	for (int round = 0; round < 64; round++) {
		uint16_t isr = rl_in16(RL_ISR) & INT_ALL;
		if (!isr)
			break;
		rl_out16(RL_ISR, isr);
		if (isr & INT_RER)
			netdriver_count_rx_error();
		if (isr & (INT_ROK | INT_RER | INT_RXOVW | INT_FOVW))
			netdriver_rx_ready();
		if ((isr & (INT_TOK | INT_TER)) && tx_reclaim() > 0)
			netdriver_tx_ready();
		if (isr & INT_PUN)
			netdriver_link_changed();
	}
	sys_irqctl(IRQ_ENABLE, 0, 0, 0, &rl.hook);
}

static uint32_t rl_link(void)
{
	return rl_in8(RL_MSR) & MSR_LINKB ? NDEV_LINK_DOWN : NDEV_LINK_UP;
}

static const struct netdriver_ops ops = {
	.init = rl_init,
	.set_mode = rl_set_mode,
	.send = rl_send,
	.recv = rl_recv,
	.intr = rl_intr,
	.link = rl_link,
};

int main(int argc, char **argv)
{
	peer_args(argc, argv); /* clients=: a test that plays INET */
	netdriver_run(&ops);
}
