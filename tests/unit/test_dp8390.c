// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for the NE2000 driver's DP8390 core (drivers/ne2000/
 * dp8390.c and ring.c) against a fake card: the port layer of
 * dp8390.h and the grant helpers of netdriver.h are stubs here that
 * act on a model of the chip -- its registers (two pages), the remote
 * DMA through the data port, a station-address PROM, 16 or 32 KiB of
 * packet memory, a transmitter that sends at once -- and log every
 * register write.  Frames "arrive" by being written into the ring at
 * CURR as the chip would, headers and all.
 *
 *   init_32k       from a card left running: the reset port, CR = STP |
 *                  abort first, the MAC from the PROM, 32 KiB found,
 *                  the ring [0x4c, 0xc0), BNRY one page behind CURR,
 *                  the chip started with every interrupt enabled
 *   init_16k       16 KiB (and 16 KiB mirrored at 0x8000): ring up to
 *                  0x80; no memory at all, or an 8-bit PROM: refused
 *   ring_arith     next page and BNRY at and across the ring's end
 *   recv           frames in order, byte for byte; BNRY follows; a
 *                  frame across the ring's end comes in two pieces
 *   bad_headers    a next pointer outside the ring or not where the
 *                  frame ends, a count too small or too big: the ring
 *                  is reset (next = CURR, BNRY behind it), counted, and
 *                  nothing is read outside the ring; a frame marked bad
 *                  in a sound header is skipped and counted
 *   overflow       the datasheet's routine, write by write: with a
 *                  transmission cut short (resend) and without; send is
 *                  BUSY meanwhile; the alarm ends it if no buffer comes
 *   send           padding to 60, an odd last byte, two buffers then
 *                  BUSY, the second started when the first is done
 *   intr           PTX frees a buffer; an ISR that never clears ends
 *                  the loop (bounded) with a restart of the card
 *   mode_down      frames that arrive while DOWN are dropped
 */
#include <string.h>

#include "dp8390.h"
#include "libsys.h"
#include "unit.h"

#define BASE 0x300
#define MAX_LOG 4096
#define DELAY 0xff /* a log entry for dp_delay_us */

static const uint8_t card_mac[6] = {0x52, 0x54, 0x00, 0xab, 0xcd, 0xef};

static struct {
	uint8_t cr, isr, imr, dcr, rcr, tcr, pstart, pstop, bnry, curr;
	uint8_t tpsr, par[6], mar[8];
	uint16_t tbcr, rsar, rbcr;
	uint8_t mem[0x10000];
	uint32_t ram_lo, ram_hi; /* packet memory [lo, hi) */
	bool mirror;		 /* 16 KiB decoded twice */
	bool isr_stuck;
	uint8_t sent[2048];
	uint32_t sent_len, nr_sent;
	struct {
		uint8_t reg, val;
	} log[MAX_LOG];
	uint32_t nr_log, delay_us;
	uint32_t isr_reads;
} card;

static uint32_t outside_reads; /* frame bytes read outside the ring */
static uint32_t rx_errors, rx_drops, tx_errors, tx_ready, rx_ready, alarms;

static uint32_t addr_of(uint32_t a)
{
	if (card.mirror && a >= 0x8000 && a < 0xc000)
		return a - 0x4000;
	return a;
}

static uint8_t mem_get(uint32_t a)
{
	a = addr_of(a);
	if (a < 32)
		return a % 2 ? card.mem[a - 1] : card.mem[a];
	return a >= card.ram_lo && a < card.ram_hi ? card.mem[a] : 0xff;
}

static void mem_put(uint32_t a, uint8_t v)
{
	a = addr_of(a);
	if (a >= card.ram_lo && a < card.ram_hi)
		card.mem[a] = v;
}

static void dma_step(void)
{
	card.rsar++;
	if (card.rbcr && --card.rbcr == 0)
		card.isr |= ISR_RDC;
}

static void log_write(uint8_t reg, uint8_t val)
{
	if (card.nr_log < MAX_LOG)
		card.log[card.nr_log].reg = reg,
		card.log[card.nr_log++].val = val;
}

uint8_t dp_inb(uint32_t port)
{
	uint32_t reg = port - BASE;
	bool p1 = card.cr & CR_PAGE1;
	if (reg == NE_RESET) {
		card.isr |= ISR_RST;
		return 0;
	}
	if (reg == NE_DATA) {
		uint8_t v = mem_get(card.rsar);
		dma_step();
		return v;
	}
	if (reg == DP_CR)
		return card.cr;
	if (p1)
		return reg == DP_CURR	? card.curr
		       : reg >= DP_MAR0 ? card.mar[reg - DP_MAR0]
		       : reg >= DP_PAR0 ? card.par[reg - DP_PAR0]
					: 0;
	switch (reg) {
	case DP_BNRY:
		return card.bnry;
	case DP_TSR:
		return 0x01;
	case DP_ISR:
		card.isr_reads++;
		return card.isr_stuck ? ISR_PRX : card.isr;
	default:
		return 0;
	}
}

static void transmit(void)
{
	card.sent_len = card.tbcr;
	for (uint32_t i = 0; i < card.tbcr && i < sizeof(card.sent); i++)
		card.sent[i] = mem_get((uint32_t)card.tpsr * DP_PAGE + i);
	card.nr_sent++;
	card.isr |= ISR_PTX;
}

static void write_cr(uint8_t v)
{
	card.cr = v & (uint8_t)~CR_TXP;
	if (v & CR_STP)
		card.isr |= ISR_RST;
	else
		card.isr &= (uint8_t)~ISR_RST;
	if ((v & (CR_RD_READ | CR_RD_WRITE)) && card.rbcr == 0)
		card.isr |= ISR_RDC;
	if ((v & CR_TXP) && (v & CR_STA))
		transmit();
}

void dp_outb(uint32_t port, uint8_t v)
{
	uint32_t reg = port - BASE;
	if (reg == NE_RESET)
		return;
	log_write((uint8_t)reg, v);
	if (reg == NE_DATA) {
		mem_put(card.rsar, v);
		dma_step();
		return;
	}
	if (reg == DP_CR) {
		write_cr(v);
		return;
	}
	if (card.cr & CR_PAGE1) {
		if (reg == DP_CURR)
			card.curr = v;
		else if (reg >= DP_MAR0)
			card.mar[reg - DP_MAR0] = v;
		else
			card.par[reg - DP_PAR0] = v;
		return;
	}
	switch (reg) {
	case DP_PSTART:
		card.pstart = v;
		break;
	case DP_PSTOP:
		card.pstop = v;
		break;
	case DP_BNRY:
		card.bnry = v;
		break;
	case DP_TPSR:
		card.tpsr = v;
		break;
	case DP_TBCR0:
		card.tbcr = (uint16_t)((card.tbcr & 0xff00) | v);
		break;
	case DP_TBCR1:
		card.tbcr = (uint16_t)((card.tbcr & 0xff) | v << 8);
		break;
	case DP_ISR:
		card.isr &= (uint8_t)~v;
		break;
	case DP_RSAR0:
		card.rsar = (uint16_t)((card.rsar & 0xff00) | v);
		break;
	case DP_RSAR1:
		card.rsar = (uint16_t)((card.rsar & 0xff) | v << 8);
		break;
	case DP_RBCR0:
		card.rbcr = (uint16_t)((card.rbcr & 0xff00) | v);
		break;
	case DP_RBCR1:
		card.rbcr = (uint16_t)((card.rbcr & 0xff) | v << 8);
		break;
	case DP_RCR:
		card.rcr = v;
		break;
	case DP_TCR:
		card.tcr = v;
		break;
	case DP_DCR:
		card.dcr = v;
		break;
	case DP_IMR:
		card.imr = v;
		break;
	}
}

int dp_ins(uint32_t port, void *buf, uint32_t len, bool word)
{
	CHECK(port == BASE + NE_DATA && (!word || len % 2 == 0));
	for (uint32_t i = 0; i < len; i++) {
		((uint8_t *)buf)[i] = mem_get(card.rsar);
		dma_step();
	}
	return 0;
}

int dp_outs(uint32_t port, const void *buf, uint32_t len, bool word)
{
	CHECK(port == BASE + NE_DATA && word && len % 2 == 0);
	for (uint32_t i = 0; i < len; i++) {
		mem_put(card.rsar, ((const uint8_t *)buf)[i]);
		dma_step();
	}
	return 0;
}

void dp_delay_us(uint32_t us)
{
	card.delay_us += us;
	log_write(DELAY, 0);
}

/* The client's buffers: grant g is bufs[g]. */
static uint8_t bufs[4][NDEV_MAX_FRAME + 2];
static bool bad_grant;

int netdriver_portin(const struct netdriver_buf *b, uint32_t off, uint32_t port,
		     uint32_t len, bool word)
{
	CHECK(port == BASE + NE_DATA && word && len % 2 == 0);
	if (off > b->len || len > b->len - off)
		return -EINVAL;
	for (uint32_t i = 0; i < len; i++) {
		if (card.rsar < card.pstart * DP_PAGE ||
		    card.rsar >= card.pstop * DP_PAGE)
			outside_reads++;
		bufs[b->grant][off + i] = mem_get(card.rsar);
		dma_step();
	}
	return bad_grant ? -EFAULT : 0;
}

int netdriver_portout(const struct netdriver_buf *b, uint32_t off,
		      uint32_t port, uint32_t len, bool word)
{
	CHECK(port == BASE + NE_DATA && word && len % 2 == 0);
	if (off > b->len || len > b->len - off)
		return -EINVAL;
	for (uint32_t i = 0; i < len; i++) {
		mem_put(card.rsar, bufs[b->grant][off + i]);
		dma_step();
	}
	return 0;
}

int netdriver_copyin(const struct netdriver_buf *b, uint32_t off, void *dst,
		     uint32_t len)
{
	if (off > b->len || len > b->len - off)
		return -EINVAL;
	memcpy(dst, bufs[b->grant] + off, len);
	return 0;
}

void netdriver_count_rx_error(void)
{
	rx_errors++;
}

void netdriver_count_rx_drop(void)
{
	rx_drops++;
}

void netdriver_count_tx_error(void)
{
	tx_errors++;
}

void netdriver_tx_ready(void)
{
	tx_ready++;
}

void netdriver_rx_ready(void)
{
	rx_ready++;
}

int alarm_ms(uint32_t ms)
{
	(void)ms;
	alarms++;
	return 0;
}

static struct dp8390 dp;

/* A card as an earlier instance may have left it: running, with
 * interrupts on and its ring somewhere else. */
static void new_card(uint32_t ram_hi)
{
	memset(&card, 0, sizeof(card));
	for (int i = 0; i < 6; i++)
		card.mem[2 * i] = card_mac[i];
	card.mem[28] = card.mem[30] = 0x57;
	card.ram_lo = 0x4000;
	card.ram_hi = ram_hi;
	card.cr = CR_STA;
	card.imr = IMR_ALL;
	card.isr = ISR_PRX | ISR_PTX;
	card.pstart = 0x46, card.pstop = 0x60, card.curr = 0x50;
	card.tcr = TCR_LOOP1;
	memset(&dp, 0, sizeof(dp));
	dp.base = BASE;
	dp.tx_sending = -1;
	strcpy(dp.name, "test");
	outside_reads = rx_errors = rx_drops = tx_errors = 0;
	tx_ready = rx_ready = alarms = 0;
	bad_grant = false;
}

static bool ring_sane(void)
{
	return card.curr == dp.next && card.bnry == dp_ring_bnry(&dp, dp.next);
}

static void init_32k(void)
{
	new_card(0xc000);
	CHECK(dp_init(&dp) == 0);
	CHECK(card.log[0].reg == DP_CR &&
	      card.log[0].val == (CR_STP | CR_RD_ABORT));
	CHECK(memcmp(dp.mac, card_mac, 6) == 0);
	CHECK(memcmp(card.par, card_mac, 6) == 0);
	CHECK(dp.pstart == 0x4c && dp.pstop == 0xc0);
	CHECK(card.pstart == 0x4c && card.pstop == 0xc0);
	CHECK(dp.tx_page[0] == 0x40 && dp.tx_page[1] == 0x46);
	CHECK(ring_sane() && card.curr == 0x4d);
	CHECK(card.cr == (CR_STA | CR_RD_ABORT));
	CHECK(card.imr == IMR_ALL && card.isr == 0);
	CHECK(card.tcr == TCR_NORMAL && card.dcr == DCR_WORD);
	CHECK(card.rcr == RCR_MON); /* DOWN until told */
}

static void init_16k(void)
{
	new_card(0x8000);
	CHECK(dp_init(&dp) == 0);
	CHECK(dp.pstart == 0x4c && dp.pstop == 0x80 && card.pstop == 0x80);
	new_card(0x8000);
	card.mirror = true; /* the probe at 0x8000 lands on 0x4000 */
	CHECK(dp_init(&dp) == 0);
	CHECK(dp.pstop == 0x80);
	new_card(0x4000); /* no packet memory */
	CHECK(dp_init(&dp) == -ENODEV);
	new_card(0xc000);
	card.mem[28] = 0x42; /* an 8-bit board */
	CHECK(dp_init(&dp) == -ENODEV);
}

static void ring_arith(void)
{
	struct dp8390 r = {.pstart = 0x4c, .pstop = 0x80};
	CHECK(dp_ring_advance(&r, 0x4c, 64) == 0x4d);
	CHECK(dp_ring_advance(&r, 0x4c, 256) == 0x4d);
	CHECK(dp_ring_advance(&r, 0x4c, 257) == 0x4e);
	CHECK(dp_ring_advance(&r, 0x7f, 64) == 0x4c);
	CHECK(dp_ring_advance(&r, 0x7e, 1518) == 0x50);
	CHECK(dp_ring_bnry(&r, 0x4c) == 0x7f);
	CHECK(dp_ring_bnry(&r, 0x60) == 0x5f);
	uint8_t hdr[4] = {RSR_PRX, 0x4d, 64, 0};
	uint32_t len = 0;
	CHECK(dp_header_check(&r, 0x4c, hdr, &len) == 0 && len == 60);
	hdr[2] = (uint8_t)(1518 + 4), hdr[3] = (1518 + 4) >> 8, hdr[1] = 0x52;
	CHECK(dp_header_check(&r, 0x4c, hdr, &len) == 0 &&
	      len == NDEV_MAX_FRAME); /* a real card's CRC */
}

/* A frame of len bytes (pattern from seed) into the ring at CURR, as
 * the chip writes one; status: the RSR byte. */
static void arrive(uint32_t len, uint8_t seed, uint8_t status)
{
	uint32_t count = len + 4;
	uint8_t page = card.curr;
	uint8_t next = dp_ring_advance(&dp, page, count);
	uint32_t a = (uint32_t)page * DP_PAGE;
	uint8_t hdr[4] = {status, next, (uint8_t)count, (uint8_t)(count >> 8)};
	for (uint32_t i = 0; i < count; i++) {
		if (a >= (uint32_t)card.pstop * DP_PAGE)
			a = (uint32_t)card.pstart * DP_PAGE;
		card.mem[a++] = i < 4 ? hdr[i] : (uint8_t)(seed + i * 7);
	}
	card.curr = next;
	card.isr |= ISR_PRX;
}

static bool frame_is(int g, uint32_t len, uint8_t seed)
{
	for (uint32_t i = 0; i < len; i++)
		if (bufs[g][i] != (uint8_t)(seed + (i + 4) * 7))
			return false;
	return true;
}

static const struct netdriver_buf rxb = {.grant = 1, .len = NDEV_MAX_FRAME};

static void ready_card(void)
{
	new_card(0x8000);
	CHECK(dp_init(&dp) == 0);
	CHECK(dp_set_mode(&dp, NDEV_MODE_UP | NDEV_MODE_BCAST) == 0);
	CHECK(card.rcr == RCR_AB);
	card.nr_log = 0;
}

static void recv(void)
{
	ready_card();
	CHECK(dp_recv(&dp, &rxb) == 0);
	arrive(60, 1, RSR_PRX);
	arrive(1514, 2, RSR_PRX);
	arrive(333, 3, RSR_PRX);
	CHECK(dp_recv(&dp, &rxb) == 60 && frame_is(1, 60, 1));
	CHECK(card.bnry == dp_ring_bnry(&dp, dp.next));
	CHECK(dp_recv(&dp, &rxb) == 1514 && frame_is(1, 1514, 2));
	CHECK(dp_recv(&dp, &rxb) == 333 && frame_is(1, 333, 3));
	CHECK(dp_recv(&dp, &rxb) == 0 && ring_sane());
	/* Round the ring until a frame straddles its end. */
	int wrapped = 0;
	for (int k = 0; k < 40; k++) {
		uint8_t at = card.curr;
		arrive(1000, (uint8_t)k, RSR_PRX);
		bool straddles = at * DP_PAGE + 1004 > card.pstop * DP_PAGE;
		CHECK(dp_recv(&dp, &rxb) == 1000 &&
		      frame_is(1, 1000, (uint8_t)k));
		wrapped += straddles;
	}
	CHECK(wrapped >= 2);
	CHECK(ring_sane() && outside_reads == 0 && rx_errors == 0);
	/* Too long for the buffer, or a bad grant: lost, consumed. */
	struct netdriver_buf small = {.grant = 2, .len = 100};
	arrive(200, 9, RSR_PRX);
	CHECK(dp_recv(&dp, &small) == -EMSGSIZE && ring_sane());
	arrive(200, 9, RSR_PRX);
	bad_grant = true;
	CHECK(dp_recv(&dp, &rxb) == -EFAULT && ring_sane());
}

/* A header spoiled by `spoil` at the next frame's page: the ring is
 * reset, counted, nothing read outside it, the next frame fine. */
static void spoiled(void (*spoil)(uint8_t *hdr))
{
	arrive(100, 5, RSR_PRX);
	uint8_t page = dp.next;
	arrive(100, 6, RSR_PRX);
	spoil(&card.mem[page * DP_PAGE]);
	uint32_t errors = rx_errors, resets = dp.ring_resets;
	CHECK(dp_recv(&dp, &rxb) == 0);
	CHECK(rx_errors == errors + 1 && dp.ring_resets == resets + 1);
	CHECK(ring_sane() && outside_reads == 0);
	arrive(80, 7, RSR_PRX);
	CHECK(dp_recv(&dp, &rxb) == 80 && frame_is(1, 80, 7));
}

static void next_outside(uint8_t *h)
{
	h[1] = 0x20;
}

static void next_past_stop(uint8_t *h)
{
	h[1] = 0xff;
}

static void next_wrong(uint8_t *h)
{
	h[1] = (uint8_t)(h[1] + 3 >= 0x80 ? 0x4c : h[1] + 3);
}

static void count_small(uint8_t *h)
{
	h[2] = 4, h[3] = 0;
}

static void count_big(uint8_t *h)
{
	h[2] = 0xff, h[3] = 0x3f;
}

static void bad_headers(void)
{
	ready_card();
	spoiled(next_outside);
	spoiled(next_past_stop);
	spoiled(next_wrong);
	spoiled(count_small);
	spoiled(count_big);
	/* Marked bad by the chip, sound pointer: skipped, counted. */
	uint32_t errors = rx_errors;
	arrive(100, 1, 0x02); /* CRC error */
	arrive(70, 2, RSR_PRX);
	CHECK(dp_recv(&dp, &rxb) == 70 && frame_is(1, 70, 2));
	CHECK(rx_errors == errors + 1 && ring_sane());
	/* The chip's CURR itself out of the ring: a full restart. */
	card.curr = 0x10;
	CHECK(dp_recv(&dp, &rxb) == 0);
	CHECK(dp.restarts == 1 && ring_sane() && card.curr == 0x4d);
}

/* The writes logged from index `from` equal want[0..n). */
static bool writes_are(uint32_t from, const uint8_t (*want)[2], uint32_t n)
{
	if (card.nr_log < from + n)
		return false;
	for (uint32_t i = 0; i < n; i++)
		if (card.log[from + i].reg != want[i][0] ||
		    (want[i][0] != DELAY &&
		     card.log[from + i].val != want[i][1]))
			return false;
	return true;
}

static void overflow_case(bool txp)
{
	ready_card();
	arrive(300, 1, RSR_PRX);
	arrive(300, 2, RSR_PRX);
	card.isr |= ISR_OVW;
	if (txp)
		card.cr |= CR_TXP; /* a transmission under way, not done */
	dp_intr(&dp);
	static const uint8_t begin[][2] = {
		{DP_CR, CR_STP | CR_RD_ABORT}, /* 2 */
		{DELAY, 0},		       /* 3 */
		{DP_RBCR0, 0},		       /* 4 */
		{DP_RBCR1, 0},
		{DP_TCR, TCR_LOOP1},	       /* 6 */
		{DP_CR, CR_STA | CR_RD_ABORT}, /* 7 */
		{DP_IMR, IMR_ALL & ~ISR_OVW},
	};
	CHECK(writes_are(0, begin, 7));
	CHECK(card.delay_us >= 1600);
	CHECK(dp.overflow && dp.resend == txp && rx_ready > 0);
	CHECK(card.isr & ISR_OVW); /* cleared only at step 9 */
	struct netdriver_buf f = {.grant = 3, .len = 60};
	CHECK(dp_send(&dp, &f) == NETDRIVER_BUSY);
	uint32_t mark = card.nr_log, sent = card.nr_sent;
	CHECK(dp_recv(&dp, &rxb) == 300 && frame_is(1, 300, 1)); /* 8 */
	/* Step 8's reads and BNRY, then 9-11. */
	uint32_t k = mark;
	while (k < card.nr_log &&
	       !(card.log[k].reg == DP_ISR && card.log[k].val == ISR_OVW))
		k++;
	static const uint8_t end[][2] = {
		{DP_ISR, ISR_OVW},    /* 9 */
		{DP_TCR, TCR_NORMAL}, /* 10 */
		{DP_IMR, IMR_ALL},
		{DP_CR, CR_STA | CR_TXP | CR_RD_ABORT}, /* 11 */
	};
	CHECK(writes_are(k, end, txp ? 4 : 3));
	CHECK(card.nr_log == k + (txp ? 4 : 3));
	bool bnry_moved = false;
	for (uint32_t i = mark; i < k; i++)
		bnry_moved |= card.log[i].reg == DP_BNRY;
	CHECK(bnry_moved);
	CHECK(!dp.overflow && !(card.isr & ISR_OVW) && card.tcr == 0);
	CHECK(card.nr_sent == sent + txp);
	CHECK(dp_recv(&dp, &rxb) == 300 && frame_is(1, 300, 2));
}

static void overflow(void)
{
	overflow_case(true);
	overflow_case(false);
	/* No buffer for step 8: the alarm drops the ring and ends it. */
	ready_card();
	arrive(300, 1, RSR_PRX);
	card.isr |= ISR_OVW;
	dp_intr(&dp);
	CHECK(dp.overflow && alarms > 0);
	dp_alarm(&dp);
	CHECK(!dp.overflow && ring_sane() && rx_drops == 1);
	CHECK(card.tcr == TCR_NORMAL && card.imr == IMR_ALL);
}

static void send(void)
{
	ready_card();
	struct netdriver_buf a = {.grant = 0, .len = 42, .id = 1};
	for (int i = 0; i < 42; i++)
		bufs[0][i] = (uint8_t)(i + 1);
	memset(bufs[0] + 42, 0xaa, 20); /* beyond the frame: not sent */
	CHECK(dp_send(&dp, &a) == 0);
	CHECK(card.nr_sent == 1 && card.sent_len == 60);
	bool ok = true;
	for (int i = 0; i < 60; i++)
		ok &= card.sent[i] == (i < 42 ? i + 1 : 0);
	CHECK(ok);
	/* Odd length; both buffers taken (the first still on the wire
	 * until its interrupt), then BUSY. */
	struct netdriver_buf b = {.grant = 2, .len = 101, .id = 2};
	for (int i = 0; i < 102; i++)
		bufs[2][i] = (uint8_t)(200 - i);
	CHECK(dp_send(&dp, &b) == 0);
	CHECK(card.nr_sent == 1);
	CHECK(dp_send(&dp, &a) == NETDRIVER_BUSY);
	/* PTX of the first: the second goes, and (the fake sends at
	 * once, as QEMU does) ends within the same interrupt loop. */
	dp_intr(&dp);
	CHECK(tx_ready == 2 && card.nr_sent == 2 && card.sent_len == 102);
	ok = true;
	for (int i = 0; i < 101; i++)
		ok &= card.sent[i] == (uint8_t)(200 - i);
	CHECK(ok && card.sent[101] == 0 && dp.tx_sending == -1);
	CHECK(dp_send(&dp, &a) == 0);
	CHECK(card.nr_sent == 3 && card.sent_len == 60);
	dp_intr(&dp);
	CHECK(tx_ready == 3 && dp.tx_sending == -1);
	CHECK(!dp.tx_loaded[0] && !dp.tx_loaded[1]);
}

static void intr(void)
{
	ready_card();
	card.isr_stuck = true;
	card.isr_reads = 0;
	dp_intr(&dp);
	CHECK(card.isr_reads < 1000 && dp.restarts == 1);
	card.isr_stuck = false;
	CHECK(ring_sane() && card.cr == (CR_STA | CR_RD_ABORT));
	arrive(64, 1, RSR_PRX);
	rx_ready = 0;
	dp_intr(&dp);
	CHECK(rx_ready == 1 && card.isr == 0);
}

static void mode_down(void)
{
	ready_card();
	CHECK(dp_set_mode(&dp, NDEV_MODE_DOWN) == 0 && card.rcr == RCR_MON);
	arrive(64, 1, RSR_PRX);
	rx_ready = 0;
	dp_intr(&dp);
	CHECK(rx_ready == 0 && ring_sane());
	arrive(64, 1, RSR_PRX);
	CHECK(dp_recv(&dp, &rxb) == 0 && ring_sane());
	CHECK(dp_set_mode(&dp, NDEV_MODE_UP | NDEV_MODE_PROMISC) == 0);
	CHECK(card.rcr == (RCR_AB | RCR_AM | RCR_PRO) && card.mar[3] == 0xff);
}

int main(void)
{
	unit_file = "test_dp8390";
	RUN(init_32k);
	RUN(init_16k);
	RUN(ring_arith);
	RUN(recv);
	RUN(bad_headers);
	RUN(overflow);
	RUN(send);
	RUN(intr);
	RUN(mode_down);
	return unit_done();
}
