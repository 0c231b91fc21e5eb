// SPDX-License-Identifier: BSD-2-Clause
/*
 * The start-up self-test: one frame to the card's own address through
 * its transmit loopback (TCR's loopback bits; nothing reaches the wire),
 * which must come back whole into the receive ring.  It exercises what
 * the driver's work rests on -- both DMA directions at the physical
 * addresses the driver gave, the ring's header and the order of the
 * transmit descriptors -- before INET hears of the card.  The card is
 * polled (the interrupt mask is still 0); every wait is bounded.  A
 * frame from the network that arrives meanwhile is skipped.  After it,
 * loopback is off and the receive configuration written again, which
 * restarts the ring: the card is as start_card left it, but for the
 * transmit descriptor it is at, which tx.c follows.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "netdriver.h"
#include "rtl8139.h"

#define TEST_LEN 64
#define TEST_TYPE 0x88b5 /* IEEE's ethertype for local experiments */
#define POLLS 100000
#define MAX_SKIPPED 8

static void make_frame(uint8_t *f)
{
	memcpy(f, rl.mac, 6);
	memcpy(f + 6, rl.mac, 6);
	f[12] = TEST_TYPE >> 8;
	f[13] = TEST_TYPE & 0xff;
	for (int i = 14; i < TEST_LEN; i++)
		f[i] = (uint8_t)(i * 7 + 3);
}

/* The frame at the ring's read offset equals `want`: 1; another: 0
 * (consumed); none yet or a bad header: negative. */
static int check_next(const uint8_t *want)
{
	uint32_t read = rxring_read_off(rl_in16(RL_CAPR));
	uint32_t header = *(volatile uint32_t *)(rl.ring + read);
	struct rx_frame f;
	int r = rxring_parse(read, rl_in16(RL_CBR), header, &f);
	if (r != 0)
		return r == RX_EMPTY ? -EAGAIN : r;
	uint8_t got[TEST_LEN];
	bool same = f.len == TEST_LEN;
	for (uint32_t i = 0; same && i < TEST_LEN; i++)
		got[i] = rl.ring[(f.data + i) % RX_RING_SIZE];
	same = same && memcmp(got, want, TEST_LEN) == 0;
	rl_out16(RL_CAPR, rxring_capr(f.next));
	return same;
}

static int loop_once(void)
{
	uint8_t frame[TEST_LEN];
	uint8_t *buf = tx_slot();
	if (!buf)
		return -EIO;
	make_frame(frame);
	memcpy(buf, frame, TEST_LEN);
	tx_start(TEST_LEN);
	int skipped = 0;
	for (int i = 0; i < POLLS; i++) {
		int r = check_next(frame);
		if (r == 1)
			return tx_reclaim() == 1 ? 0 : -EIO;
		if (r == 0 && ++skipped > MAX_SKIPPED)
			break;
		if (r < 0 && r != -EAGAIN)
			return r;
	}
	return -EIO;
}

int rl_selftest(void)
{
	rl_out32(RL_TCR, TCR_IFG_STD | TCR_DMA_2K | TCR_LOOPBACK);
	rl_set_rcr(RCR_APM);
	int r = loop_once();
	rl_out32(RL_TCR, TCR_IFG_STD | TCR_DMA_2K);
	rl_set_rcr(0);
	rl_out16(RL_ISR, INT_ALL);
	if (r < 0)
		printf("rtl8139: the loopback self-test failed (error %d)\n",
		       r);
	return r;
}
