// SPDX-License-Identifier: BSD-2-Clause
/*
 * The DP8390's receive ring (see dp8390.h for its layout).
 *
 * Reading a frame: the header at page `next` is checked before any of
 * the frame is: its next-page pointer must lie in the ring and be
 * exactly where a frame of its byte count ends, and the count must be
 * that of an Ethernet frame.  A header that fails says the ring can no
 * longer be trusted (a chip fault, or memory that is not what the
 * driver thinks): the ring is reset -- everything in it dropped, the
 * driver's `next` set to the chip's CURR -- and counted as an error,
 * so a corrupt pointer or length can never make the driver read
 * outside the ring or loop.  A frame the chip marked as received badly,
 * in a sound header, is skipped and counted.  The data go straight
 * from the data port into the client's buffer (netdriver_portin), in
 * two pieces when the frame wraps past the ring's end.  Then BNRY moves
 * to the page before the new `next`, giving the chip its room back.
 *
 * Overflow: when the ring is full the chip sets ISR.OVW, and the
 * datasheet (National DP8390D, "Buffer Ring Overflow") prescribes a
 * routine that alone is safe; its steps, numbered as there:
 *   1 remember CR.TXP   2 stop (CR = STP | abort DMA)   3 wait 1.6 ms
 *   4 clear RBCR0/1     5 Resend = TXP and neither ISR.PTX nor ISR.TXE
 *   6 loopback mode 1 (TCR = 0x02)   7 start (CR = STA | abort DMA)
 *   8 remove at least one frame from the ring
 *   9 clear ISR.OVW    10 TCR = normal   11 if Resend, CR = TXP again
 * dp_overflow_begin runs steps 1-7 (and takes OVW out of IMR, so that a
 * level-triggered line does not stay raised meanwhile); step 8 is the
 * next dp_recv that hands a frame to a buffer, after which it runs
 * dp_overflow_end (steps 9-11, IMR restored).  If no buffer comes
 * within OVERFLOW_WAIT_MS, dp_alarm drops the oldest frame instead.
 * While the routine runs the chip is in loopback: dp_send says BUSY.
 */
#include "dp8390.h"
#include "libsys.h"

#define RING_SCAN_MAX 64 /* frames looked at in one dp_recv, at most */

/* The page after a frame of `count` bytes (header included) that
 * starts at `page`. */
uint8_t dp_ring_advance(const struct dp8390 *dp, uint8_t page, uint32_t count)
{
	uint32_t n = page + (count + DP_PAGE - 1) / DP_PAGE;
	if (n >= dp->pstop)
		n = n - dp->pstop + dp->pstart;
	return (uint8_t)n;
}

/* BNRY for the next frame at `next`: the page before it, in the ring. */
uint8_t dp_ring_bnry(const struct dp8390 *dp, uint8_t next)
{
	return next == dp->pstart ? (uint8_t)(dp->pstop - 1)
				  : (uint8_t)(next - 1);
}

/* The frame header at `page`: 0 and the frame's length, -EBADMSG for a
 * frame received badly (its pointer sound: skip it), or -EINVAL for a
 * header that cannot be (reset the ring).  A length past a maximum
 * frame is a real card's CRC, not the frame's. */
int dp_header_check(const struct dp8390 *dp, uint8_t page, const uint8_t hdr[4],
		    uint32_t *len)
{
	uint8_t next = hdr[1];
	uint32_t count = (uint32_t)(hdr[2] | hdr[3] << 8);
	if (next < dp->pstart || next >= dp->pstop)
		return -EINVAL;
	if (count < 4 + NDEV_MIN_FRAME || count > DP_MAX_COUNT)
		return -EINVAL;
	if (dp_ring_advance(dp, page, count) != next)
		return -EINVAL;
	if (!(hdr[0] & RSR_PRX))
		return -EBADMSG;
	*len = count - 4 > NDEV_MAX_FRAME ? NDEV_MAX_FRAME : count - 4;
	return 0;
}

/* The frame at `next` is read: on to `to`, and BNRY behind it. */
static void consume(struct dp8390 *dp, uint8_t to)
{
	dp->next = to;
	dp_wr(dp, DP_BNRY, dp_ring_bnry(dp, to));
}

/* Drop everything in the ring; a CURR outside it means the chip itself
 * is lost, and only a new start helps. */
void dp_drop_all(struct dp8390 *dp)
{
	uint8_t curr = dp_curr(dp);
	if (curr < dp->pstart || curr >= dp->pstop) {
		dp->restarts++;
		dp_start(dp);
		return;
	}
	consume(dp, curr);
}

void dp_ring_reset(struct dp8390 *dp)
{
	dp->ring_resets++;
	netdriver_count_rx_error();
	dp_drop_all(dp);
}

static int read_mem(const struct dp8390 *dp, uint32_t addr, void *buf,
		    uint32_t len)
{
	dp_rdma_start(dp, addr, len, false);
	int r = dp_ins(dp->base + NE_DATA, buf, len, true);
	int e = dp_rdma_end(dp);
	return r < 0 ? r : e;
}

/* Ring bytes [addr, addr + len) into b at off (word moves: an odd
 * length reads one byte more, which the buffer has room for). */
static int piece(const struct dp8390 *dp, const struct netdriver_buf *b,
		 uint32_t off, uint32_t addr, uint32_t len)
{
	uint32_t even = (len + 1) & ~1u;
	dp_rdma_start(dp, addr, even, false);
	int r = netdriver_portin(b, off, dp->base + NE_DATA, even, true);
	int e = dp_rdma_end(dp);
	return r < 0 ? r : e;
}

static int copy_frame(const struct dp8390 *dp, const struct netdriver_buf *b,
		      uint32_t len)
{
	if (((len + 1) & ~1u) > b->len)
		return -EMSGSIZE;
	uint32_t addr = (uint32_t)dp->next * DP_PAGE + 4;
	uint32_t end = (uint32_t)dp->pstop * DP_PAGE;
	uint32_t first = len < end - addr ? len : end - addr;
	int r = piece(dp, b, 0, addr, first);
	if (r == 0 && first < len)
		r = piece(dp, b, first, (uint32_t)dp->pstart * DP_PAGE,
			  len - first);
	return r;
}

/* The next frame into b: its length, 0 if the ring is empty, or a
 * negative errno for a frame that is lost (too long for b, or b's grant
 * refused it), which is consumed all the same. */
int dp_recv(struct dp8390 *dp, const struct netdriver_buf *b)
{
	if (!(dp->mode & NDEV_MODE_UP)) {
		dp_drop_all(dp);
		return 0;
	}
	for (int n = 0; n < RING_SCAN_MAX; n++) {
		uint8_t curr = dp_curr(dp), hdr[4];
		uint32_t len = 0;
		if (curr < dp->pstart || curr >= dp->pstop) {
			dp_ring_reset(dp);
			return 0;
		}
		if (dp->next == curr)
			break;
		int r = read_mem(dp, (uint32_t)dp->next * DP_PAGE, hdr, 4);
		if (r == 0)
			r = dp_header_check(dp, dp->next, hdr, &len);
		if (r == -EBADMSG) {
			netdriver_count_rx_error();
			consume(dp, hdr[1]);
			continue;
		}
		if (r < 0) {
			dp_ring_reset(dp);
			break;
		}
		r = copy_frame(dp, b, len);
		consume(dp, hdr[1]);
		if (dp->overflow)
			dp_overflow_end(dp);
		return r < 0 ? r : (int)len;
	}
	if (dp->overflow)
		dp_overflow_end(dp);
	return 0;
}

void dp_overflow_begin(struct dp8390 *dp)
{
	bool txp = dp_rd(dp, DP_CR) & CR_TXP;	/* 1 */
	dp_wr(dp, DP_CR, CR_STP | CR_RD_ABORT); /* 2 */
	dp_delay_us(1600);			/* 3 */
	dp_wr(dp, DP_RBCR0, 0);			/* 4 */
	dp_wr(dp, DP_RBCR1, 0);
	dp->resend = txp && !(dp_rd(dp, DP_ISR) & (ISR_PTX | ISR_TXE)); /* 5 */
	dp_wr(dp, DP_TCR, TCR_LOOP1);					/* 6 */
	dp_wr(dp, DP_CR, CR_STA | CR_RD_ABORT);				/* 7 */
	dp_wr(dp, DP_IMR, IMR_ALL & ~ISR_OVW);
	dp->overflow = true;
	dp->overflows++;
}

void dp_overflow_end(struct dp8390 *dp)
{
	dp_wr(dp, DP_ISR, ISR_OVW);    /* 9 */
	dp_wr(dp, DP_TCR, TCR_NORMAL); /* 10 */
	dp_wr(dp, DP_IMR, IMR_ALL);
	if (dp->resend) /* 11 */
		dp_wr(dp, DP_CR, CR_STA | CR_TXP | CR_RD_ABORT);
	dp->overflow = dp->resend = false;
	netdriver_tx_ready();
}
