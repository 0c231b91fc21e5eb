// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for drivers/rtl8139/rxring.c, the receive ring's
 * arithmetic: CAPR's 16 off both ways; a frame's data, length without
 * the CRC, pieces and next header, also where the frame wraps at the
 * ring's end; an empty ring; every kind of bad header (length 0, too
 * short, too long, no ROK, longer than what the card has written, a
 * misaligned read offset).  Then a model of the card: it writes frames
 * of many sizes into a ring as the datasheet says (header, frame, CRC,
 * 4-aligned, wrapping at the end), and a reader that knows only CAPR,
 * CBR and rxring.h gets every frame back whole and in order, over
 * several turns of the ring.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "abi/errno.h"
#include "rxring.h"
#include "unit.h"

static uint32_t header(uint16_t status, uint16_t len)
{
	return status | (uint32_t)len << 16;
}

static void capr_off_by_16(void)
{
	CHECK(rxring_read_off(0xfff0) == 0); /* after a reset */
	CHECK(rxring_capr(0) == 0xfff0);
	CHECK(rxring_read_off(0) == 16);
	CHECK(rxring_capr(16) == 0);
	CHECK(rxring_read_off(0xfffc) == 12); /* wraps */
	for (uint32_t off = 0; off < RX_RING_SIZE; off += 4)
		if (rxring_read_off(rxring_capr(off)) != off)
			CHECK(rxring_read_off(rxring_capr(off)) == off);
}

static void one_frame(void)
{
	struct rx_frame f;
	/* 60 bytes and the CRC at 0; the card wrote 68 bytes. */
	CHECK(rxring_parse(0, 68, header(RX_ST_ROK, 64), &f) == 0);
	CHECK(f.data == 4 && f.len == 60 && f.first == 60);
	CHECK(f.next == 68 && f.status == RX_ST_ROK);
	/* 61 bytes: the next header 4-aligned. */
	CHECK(rxring_parse(100, 172, header(RX_ST_ROK | 0x4000, 65), &f) == 0);
	CHECK(f.len == 61 && f.next == 172 && f.status == (RX_ST_ROK | 0x4000));
	/* The longest: 1514 bytes (1518 with a VLAN tag) and the CRC. */
	CHECK(rxring_parse(0, 2000, header(RX_ST_ROK, 1518), &f) == 0);
	CHECK(f.len == 1514);
	CHECK(rxring_parse(0, 2000, header(RX_ST_ROK, RX_MAX_LEN), &f) == 0);
	CHECK(f.len == 1518);
}

static void wraps(void)
{
	struct rx_frame f;
	/* A header in the ring's last word: all data at the start. */
	uint32_t at = RX_RING_SIZE - 4;
	CHECK(rxring_parse(at, 64, header(RX_ST_ROK, 64), &f) == 0);
	CHECK(f.data == 0 && f.first == 60 && f.next == 64);
	/* Data that runs over the end: two pieces. */
	at = RX_RING_SIZE - 24;
	CHECK(rxring_parse(at, 100, header(RX_ST_ROK, 104), &f) == 0);
	CHECK(f.data == RX_RING_SIZE - 20 && f.len == 100);
	CHECK(f.first == 20);
	CHECK(f.next == (at + 4 + 104) % RX_RING_SIZE);
	/* Only the CRC over the end: the frame is one piece. */
	at = RX_RING_SIZE - 68;
	CHECK(rxring_parse(at, 4, header(RX_ST_ROK, 68), &f) == 0);
	CHECK(f.first == f.len && f.len == 64 && f.next == 4);
}

static void empty(void)
{
	struct rx_frame f;
	CHECK(rxring_parse(0, 0, 0, &f) == RX_EMPTY);
	CHECK(rxring_parse(4096, 4096, header(RX_ST_ROK, 64), &f) == RX_EMPTY);
	CHECK(rxring_parse(RX_RING_SIZE, 0, 0, &f) == RX_EMPTY);
}

static void bad_headers(void)
{
	struct rx_frame f;
	CHECK(rxring_parse(0, 2000, header(RX_ST_ROK, 0), &f) == -EIO);
	CHECK(rxring_parse(0, 2000, header(RX_ST_ROK, 4), &f) == -EIO);
	CHECK(rxring_parse(0, 2000, header(RX_ST_ROK, RX_MIN_LEN - 1), &f) ==
	      -EIO);
	CHECK(rxring_parse(0, 2000, header(RX_ST_ROK, RX_MIN_LEN), &f) == 0);
	CHECK(rxring_parse(0, 2000, header(RX_ST_ROK, RX_MAX_LEN + 1), &f) ==
	      -EIO);
	CHECK(rxring_parse(0, 9000, header(RX_ST_ROK, 0xfff0), &f) == -EIO);
	CHECK(rxring_parse(0, 2000, header(0, 64), &f) == -EIO);
	CHECK(rxring_parse(0, 2000, header(0x0004, 64), &f) == -EIO); /* CRC */
	/* More than the card has written. */
	CHECK(rxring_parse(0, 67, header(RX_ST_ROK, 64), &f) == -EIO);
	CHECK(rxring_parse(RX_RING_SIZE - 8, 40, header(RX_ST_ROK, 64), &f) ==
	      -EIO);
	/* Read offsets are 4-aligned. */
	CHECK(rxring_parse(2, 2000, header(RX_ST_ROK, 64), &f) == -EIO);
}

/* The card's side: writes a frame of len bytes (a pattern from seed)
 * and its CRC at *cbr, as the RTL8139 does; false if it has no room. */
static uint8_t ring[RX_RING_SIZE];

static bool card_write(uint32_t *cbr, uint32_t capr_read, uint32_t len,
		       uint8_t seed)
{
	uint32_t need = (4 + len + RX_CRC + 3) & ~3u;
	uint32_t used = (*cbr - capr_read) % RX_RING_SIZE;
	if (used + need >= RX_RING_SIZE - 16)
		return false;
	uint32_t h = header(RX_ST_ROK, (uint16_t)(len + RX_CRC));
	memcpy(ring + *cbr, &h, 4);
	for (uint32_t i = 0; i < len + RX_CRC; i++)
		ring[(*cbr + 4 + i) % RX_RING_SIZE] =
			i < len ? (uint8_t)(seed + i * 31) : 0xcc;
	*cbr = (*cbr + need) % RX_RING_SIZE;
	return true;
}

/* More frames than the ring can hold at once (its size / the least
 * a frame takes). */
#define NR_HISTORY (RX_RING_SIZE / 24 + 1)

/* The driver's side, knowing only CAPR, CBR and the ring. */
static int driver_read(uint16_t *capr, uint32_t cbr, uint8_t *out)
{
	uint32_t read = rxring_read_off(*capr), h;
	memcpy(&h, ring + read, 4);
	struct rx_frame f;
	int r = rxring_parse(read, cbr, h, &f);
	if (r != 0)
		return r == RX_EMPTY ? 0 : r;
	memcpy(out, ring + f.data, f.first);
	memcpy(out + f.first, ring, f.len - f.first);
	*capr = rxring_capr(f.next);
	return (int)f.len;
}

static void model_of_the_card(void)
{
	uint32_t cbr = 0, sent = 0, got = 0, wraps = 0;
	uint16_t capr = rxring_capr(0);
	uint32_t lens[NR_HISTORY];
	uint8_t seeds[NR_HISTORY], out[2048];
	srand(8139);
	while (got < 2000) {
		/* The card writes a few frames while it has room... */
		for (int k = rand() % 5; k > 0; k--) {
			uint32_t len = 14 + (uint32_t)rand() % 1501;
			uint8_t seed = (uint8_t)rand();
			uint32_t before = cbr;
			if (!card_write(&cbr, rxring_read_off(capr), len, seed))
				break;
			wraps += cbr < before;
			lens[sent % NR_HISTORY] = len;
			seeds[sent % NR_HISTORY] = seed;
			sent++;
		}
		/* ...and the driver takes some. */
		for (int k = rand() % 5; k > 0; k--) {
			int n = driver_read(&capr, cbr, out);
			if (n == 0)
				break;
			CHECK(n == (int)lens[got % NR_HISTORY]);
			if (n < 0)
				return;
			bool same = true;
			for (int i = 0; i < n; i++)
				same &= out[i] ==
					(uint8_t)(seeds[got % NR_HISTORY] +
						  i * 31);
			CHECK(same);
			got++;
		}
		CHECK(sent - got < NR_HISTORY);
	}
	CHECK(wraps >= 10); /* the test went round the ring */
	while (driver_read(&capr, cbr, out) > 0)
		got++;
	CHECK(got == sent && rxring_read_off(capr) == cbr);
}

int main(void)
{
	unit_file = "test_rtl8139";
	RUN(capr_off_by_16);
	RUN(one_frame);
	RUN(wraps);
	RUN(empty);
	RUN(bad_headers);
	RUN(model_of_the_card);
	return unit_done();
}
