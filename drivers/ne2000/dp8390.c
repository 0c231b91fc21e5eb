// SPDX-License-Identifier: BSD-2-Clause
/*
 * The DP8390 core of the NE2000 driver (see dp8390.h): what the chip
 * needs whichever bus the board sits on.
 *
 * Start (dp_init): the card may be in any state an earlier instance
 * left it in -- running, mid-transfer, interrupts enabled -- and on
 * QEMU the board's reset port does not even stop the chip.  So: the
 * reset port, then CR = STP | abort DMA and a bounded wait for
 * ISR.RST; CR must read back what was written (else there is no card).
 * Then the station address PROM (32 bytes in byte mode, each byte
 * twice; bytes 28 and 30 are 0x57 on a 16-bit board), a probe of the
 * packet memory (16 KiB at 0x4000, or 32 KiB up to 0xc000 as QEMU has:
 * a pattern at each end that must read back, and must not have
 * overwritten the one at 0x4000), and the datasheet's initialisation
 * sequence (dp_start), which rewrites every register the driver uses.
 *
 * Sending: two transmit buffers.  A frame is copied from the client's
 * grant through the data port into a free one (padded to 60 bytes; an
 * odd last byte goes through the driver's memory) and started at once
 * if the other is not on the wire; with both full the answer is BUSY
 * until a transmit interrupt frees one.  A transmission that never
 * ends is caught by an alarm (TX_WATCH_MS) and the card restarted.
 *
 * Interrupts: ISA IRQ 9 is edge-triggered, so a status bit left set
 * would never interrupt again: dp_intr reads ISR until it is 0,
 * acknowledging what it read before acting on it, and gives up (with a
 * restart of the card) after INTR_ROUNDS rounds.
 */
#include <stdio.h>
#include <string.h>

#include "dp8390.h"
#include "libsys.h"

#define RESET_POLLS 100	 /* 10 µs each: ISR.RST within 1 ms */
#define RDMA_POLLS 1000	 /* ISR.RDC after a remote DMA */
#define INTR_ROUNDS 256	 /* ISR reads in one interrupt, at most */
#define TX_WATCH_MS 1000 /* a frame on the wire longer than this: dead */
#define OVERFLOW_WAIT_MS 10
#define PROM_BYTES 32

uint8_t dp_rd(const struct dp8390 *dp, uint32_t reg)
{
	return dp_inb(dp->base + reg);
}

void dp_wr(const struct dp8390 *dp, uint32_t reg, uint8_t value)
{
	dp_outb(dp->base + reg, value);
}

/* The chip's CURR (page 1) while it runs. */
uint8_t dp_curr(const struct dp8390 *dp)
{
	dp_wr(dp, DP_CR, CR_PAGE1 | CR_RD_ABORT | CR_STA);
	uint8_t curr = dp_rd(dp, DP_CURR);
	dp_wr(dp, DP_CR, CR_RD_ABORT | CR_STA);
	return curr;
}

/* A remote DMA of count bytes at card address addr; the caller moves
 * them through the data port, then calls dp_rdma_end. */
void dp_rdma_start(const struct dp8390 *dp, uint32_t addr, uint32_t count,
		   bool write)
{
	uint8_t run = dp_rd(dp, DP_CR) & (CR_STA | CR_STP);
	dp_wr(dp, DP_RBCR0, (uint8_t)count);
	dp_wr(dp, DP_RBCR1, (uint8_t)(count >> 8));
	dp_wr(dp, DP_RSAR0, (uint8_t)addr);
	dp_wr(dp, DP_RSAR1, (uint8_t)(addr >> 8));
	dp_wr(dp, DP_CR, (uint8_t)(run | (write ? CR_RD_WRITE : CR_RD_READ)));
}

/* Wait (bounded) for the remote DMA to finish and acknowledge it; one
 * that does not finish is aborted: -EIO. */
int dp_rdma_end(const struct dp8390 *dp)
{
	for (int i = 0; i < RDMA_POLLS; i++)
		if (dp_rd(dp, DP_ISR) & ISR_RDC) {
			dp_wr(dp, DP_ISR, ISR_RDC);
			return 0;
		}
	uint8_t run = dp_rd(dp, DP_CR) & (CR_STA | CR_STP);
	dp_wr(dp, DP_CR, (uint8_t)(run | CR_RD_ABORT));
	dp_wr(dp, DP_ISR, ISR_RDC);
	return -EIO;
}

/* Stop the chip whatever it is doing. */
int dp_reset(struct dp8390 *dp)
{
	dp_outb(dp->base + NE_RESET, dp_inb(dp->base + NE_RESET));
	dp_wr(dp, DP_CR, CR_STP | CR_RD_ABORT);
	int i = 0;
	while (!(dp_rd(dp, DP_ISR) & ISR_RST) && i++ < RESET_POLLS)
		dp_delay_us(10);
	if ((dp_rd(dp, DP_CR) & ~(CR_PAGE1 | 0x80)) != (CR_STP | CR_RD_ABORT))
		return -ENODEV;
	dp_wr(dp, DP_IMR, 0);
	dp_wr(dp, DP_ISR, 0xff);
	return 0;
}

static uint8_t rcr_of(uint32_t mode)
{
	if (!(mode & NDEV_MODE_UP))
		return RCR_MON;
	if (mode & NDEV_MODE_PROMISC)
		return RCR_AB | RCR_AM | RCR_PRO;
	return (uint8_t)((mode & NDEV_MODE_BCAST ? RCR_AB : 0) |
			 (mode & NDEV_MODE_MCAST_ALL ? RCR_AM : 0));
}

static void write_filters(const struct dp8390 *dp, uint8_t cr)
{
	dp_wr(dp, DP_CR, (uint8_t)(cr | CR_PAGE1));
	for (int i = 0; i < 6; i++)
		dp_wr(dp, DP_PAR0 + (uint32_t)i, dp->mac[i]);
	bool all = dp->mode & (NDEV_MODE_MCAST_ALL | NDEV_MODE_PROMISC);
	for (int i = 0; i < 8; i++)
		dp_wr(dp, DP_MAR0 + (uint32_t)i, all ? 0xff : 0);
}

/* The datasheet's initialisation, from the stopped chip to a running
 * one with an empty ring and the current mode. */
int dp_start(struct dp8390 *dp)
{
	dp_wr(dp, DP_CR, CR_STP | CR_RD_ABORT);
	dp_wr(dp, DP_DCR, DCR_WORD);
	dp_wr(dp, DP_RBCR0, 0);
	dp_wr(dp, DP_RBCR1, 0);
	dp_wr(dp, DP_RCR, RCR_MON);
	dp_wr(dp, DP_TCR, TCR_LOOP1);
	dp->next = (uint8_t)(dp->pstart + 1);
	dp_wr(dp, DP_PSTART, dp->pstart);
	dp_wr(dp, DP_PSTOP, dp->pstop);
	dp_wr(dp, DP_BNRY, dp_ring_bnry(dp, dp->next));
	dp_wr(dp, DP_ISR, 0xff);
	dp_wr(dp, DP_IMR, IMR_ALL);
	write_filters(dp, CR_STP | CR_RD_ABORT);
	dp_wr(dp, DP_CURR, dp->next);
	dp_wr(dp, DP_CR, CR_STA | CR_RD_ABORT);
	dp_wr(dp, DP_TCR, TCR_NORMAL);
	dp_wr(dp, DP_RCR, rcr_of(dp->mode));
	for (uint32_t r = DP_CNTR0; r <= DP_CNTR2; r++)
		dp_rd(dp, r);
	dp->tx_loaded[0] = dp->tx_loaded[1] = false;
	dp->tx_sending = -1;
	dp->overflow = dp->resend = false;
	return 0;
}

/* A card that stopped making sense: reset and start it again.  Frames
 * it held for sending are lost (counted). */
static void restart(struct dp8390 *dp, const char *why)
{
	printf("%s: %s: card restarted\n", dp->name, why);
	for (int i = 0; i < 2; i++)
		if (dp->tx_loaded[i])
			netdriver_count_tx_error();
	dp->restarts++;
	dp_reset(dp);
	dp_start(dp);
	netdriver_tx_ready();
}

static int read_prom(struct dp8390 *dp)
{
	uint8_t prom[PROM_BYTES];
	dp_wr(dp, DP_DCR, DCR_BYTE);
	dp_wr(dp, DP_RCR, RCR_MON);
	dp_wr(dp, DP_TCR, TCR_LOOP1);
	dp_rdma_start(dp, 0, PROM_BYTES, false);
	int r = dp_ins(dp->base + NE_DATA, prom, PROM_BYTES, false);
	if (r == 0)
		r = dp_rdma_end(dp);
	if (r < 0)
		return r;
	if (prom[28] != 0x57 || prom[30] != 0x57)
		return -ENODEV; /* not a 16-bit NE2000 */
	for (int i = 0; i < 6; i++)
		dp->mac[i] = prom[2 * i];
	return 0;
}

static int mem_write(const struct dp8390 *dp, uint32_t addr, const void *buf,
		     uint32_t len)
{
	dp_rdma_start(dp, addr, len, true);
	int r = dp_outs(dp->base + NE_DATA, buf, len, true);
	int e = dp_rdma_end(dp);
	return r < 0 ? r : e;
}

static bool mem_holds(const struct dp8390 *dp, uint32_t addr,
		      const uint8_t *pattern, uint32_t len)
{
	uint8_t got[16];
	dp_rdma_start(dp, addr, len, false);
	int r = dp_ins(dp->base + NE_DATA, got, len, true);
	return dp_rdma_end(dp) == 0 && r == 0 && !memcmp(got, pattern, len);
}

/* The last page of the packet memory + 1: 0xc0 (32 KiB) or 0x80. */
static int probe_memory(struct dp8390 *dp)
{
	static const uint32_t at[3] = {DP_MEM_START * DP_PAGE, 0x8000, 0xbf00};
	uint8_t pat[3][16];
	for (int k = 0; k < 3; k++)
		for (int i = 0; i < 16; i++)
			pat[k][i] = (uint8_t)(0x5a ^ (k * 37 + i * 11));
	dp_wr(dp, DP_DCR, DCR_WORD);
	for (int k = 0; k < 3; k++)
		if (mem_write(dp, at[k], pat[k], 16) < 0)
			return -EIO;
	bool big = true;
	for (int k = 0; k < 3; k++)
		big = big && mem_holds(dp, at[k], pat[k], 16);
	if (big)
		return DP_STOP_32K;
	if (mem_write(dp, at[0], pat[0], 16) < 0 ||
	    !mem_holds(dp, at[0], pat[0], 16))
		return -ENODEV;
	return DP_STOP_16K;
}

int dp_init(struct dp8390 *dp)
{
	dp->mode = NDEV_MODE_DOWN;
	int r = dp_reset(dp);
	if (r == 0)
		r = read_prom(dp);
	int stop = r == 0 ? probe_memory(dp) : r;
	if (stop < 0)
		return stop;
	dp->pstop = (uint8_t)stop;
	dp->tx_page[0] = DP_MEM_START;
	dp->tx_page[1] = DP_MEM_START + DP_TX_PAGES;
	dp->pstart = DP_MEM_START + 2 * DP_TX_PAGES;
	return dp_start(dp);
}

int dp_set_mode(struct dp8390 *dp, uint32_t mode)
{
	dp->mode = mode;
	uint8_t run = CR_STA | CR_RD_ABORT;
	write_filters(dp, run);
	dp_wr(dp, DP_CR, run);
	dp_wr(dp, DP_RCR, rcr_of(mode));
	if (!(mode & NDEV_MODE_UP))
		dp_drop_all(dp);
	return 0;
}

static void watch(struct dp8390 *dp, uint32_t ms)
{
	if (dp->alarm_set && ms == TX_WATCH_MS)
		return;
	dp->alarm_set = true;
	alarm_ms(ms);
}

static void tx_start(struct dp8390 *dp, int i)
{
	dp_wr(dp, DP_TPSR, dp->tx_page[i]);
	dp_wr(dp, DP_TBCR0, (uint8_t)dp->tx_len[i]);
	dp_wr(dp, DP_TBCR1, (uint8_t)(dp->tx_len[i] >> 8));
	dp_wr(dp, DP_CR, CR_STA | CR_TXP | CR_RD_ABORT);
	dp->tx_sending = i;
	dp->tx_started++;
	watch(dp, TX_WATCH_MS);
}

/* The frame's bytes into transmit buffer i: an even part straight from
 * the grant, then an odd last byte and the padding from here. */
static int tx_fill(struct dp8390 *dp, int i, const struct netdriver_buf *b)
{
	static const uint8_t zero[NDEV_PAD_FRAME];
	uint32_t len = b->len, even = len & ~1u;
	uint32_t total =
		len < NDEV_PAD_FRAME ? NDEV_PAD_FRAME : (len + 1) & ~1u;
	uint32_t data = dp->base + NE_DATA;
	dp_rdma_start(dp, (uint32_t)dp->tx_page[i] * DP_PAGE, total, true);
	int r = netdriver_portout(b, 0, data, even, true);
	uint8_t last[2] = {0, 0};
	if (r == 0 && len % 2)
		r = netdriver_copyin(b, even, last, 1);
	if (r == 0 && len % 2)
		r = dp_outs(data, last, 2, true);
	uint32_t done = (len + 1) & ~1u;
	if (r == 0 && total > done)
		r = dp_outs(data, zero, total - done, true);
	int e = dp_rdma_end(dp);
	if (r < 0)
		return r;
	dp->tx_len[i] = (uint16_t)total;
	return e;
}

int dp_send(struct dp8390 *dp, const struct netdriver_buf *b)
{
	if (dp->overflow)
		return NETDRIVER_BUSY;
	int i = !dp->tx_loaded[0] ? 0 : !dp->tx_loaded[1] ? 1 : -1;
	if (i < 0)
		return NETDRIVER_BUSY;
	int r = tx_fill(dp, i, b);
	if (r < 0)
		return r;
	dp->tx_loaded[i] = true;
	if (dp->tx_sending < 0)
		tx_start(dp, i);
	return 0;
}

/* A transmission ended (PTX, or TXE: given up after collisions). */
static void tx_done(struct dp8390 *dp, uint8_t isr)
{
	uint8_t tsr = dp_rd(dp, DP_TSR);
	if ((isr & ISR_TXE) || (tsr & (TSR_ABT | TSR_FU)))
		netdriver_count_tx_error();
	if (dp->tx_sending < 0)
		return;
	dp->tx_loaded[dp->tx_sending] = false;
	int other = !dp->tx_sending;
	dp->tx_sending = -1;
	if (dp->tx_loaded[other])
		tx_start(dp, other);
	netdriver_tx_ready();
}

/* The tally counters (frame alignment, CRC, missed), cleared by
 * reading. */
static void read_counters(const struct dp8390 *dp)
{
	for (uint32_t r = DP_CNTR0; r <= DP_CNTR2; r++)
		for (uint8_t n = dp_rd(dp, r); n > 0; n--)
			if (r == DP_CNTR2)
				netdriver_count_rx_drop();
			else
				netdriver_count_rx_error();
}

void dp_intr(struct dp8390 *dp)
{
	for (int round = 0;; round++) {
		uint8_t isr = dp_rd(dp, DP_ISR);
		if (dp->overflow)
			isr &= (uint8_t)~ISR_OVW; /* step 9 clears it */
		if (isr == 0)
			return;
		if (round == INTR_ROUNDS) {
			restart(dp, "interrupt status stuck");
			return;
		}
		if (isr & ISR_OVW) {
			dp_overflow_begin(dp);
			watch(dp, OVERFLOW_WAIT_MS);
		}
		dp_wr(dp, DP_ISR, (uint8_t)(isr & ~ISR_OVW));
		if (isr & (ISR_PTX | ISR_TXE))
			tx_done(dp, isr);
		if (isr & (ISR_RXE | ISR_CNT))
			read_counters(dp);
		if ((isr & (ISR_PRX | ISR_OVW)) && !(dp->mode & NDEV_MODE_UP))
			dp_drop_all(dp);
		else if (isr & (ISR_PRX | ISR_OVW))
			netdriver_rx_ready();
	}
}

void dp_alarm(struct dp8390 *dp)
{
	dp->alarm_set = false;
	if (dp->overflow) { /* no buffer came for step 8 */
		netdriver_count_rx_drop();
		dp_drop_all(dp);
		dp_overflow_end(dp);
	}
	if (dp->tx_sending < 0)
		return;
	if (dp->tx_started == dp->tx_watched) {
		restart(dp, "transmission never ended");
		return;
	}
	dp->tx_watched = dp->tx_started;
	watch(dp, TX_WATCH_MS);
}
