/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The DP8390 network interface controller, the chip of every NE2000
 * (drivers/ne2000): its registers, the driver's state of one card, and
 * the core's interface to the board glue (isa.c, pci.c) and main.
 *
 * The card holds 16 or 32 KiB of packet memory in pages of 256 bytes,
 * from page 0x40; the host reaches it only through the chip's "remote
 * DMA" and the NE2000's data port (base + 0x10).  The driver keeps two
 * transmit buffers of 6 pages at the start and gives the rest to the
 * receive ring [pstart, pstop): the chip writes each frame it receives
 * at CURR behind a 4-byte header (status, next page, byte count with
 * the header) and stops short of BNRY, which the driver moves on as it
 * reads.  The ring is empty when CURR equals the driver's `next`, and
 * BNRY is always the page before `next`.
 *
 * dp8390.c: reset, identification, memory probe, set-up, sending and
 * the interrupt loop; ring.c: the receive ring's arithmetic, header
 * checks, reading frames and the overflow routine of the datasheet.
 * Both touch the card only through the port layer below (port.c on
 * Samsara; a fake card in tests/unit/test_dp8390.c) and the grant
 * helpers of netdriver.h.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "netdriver.h"

/* Page 0 registers (read / write names where they differ). */
#define DP_CR 0x00
#define DP_PSTART 0x01 /* w */
#define DP_PSTOP 0x02  /* w */
#define DP_BNRY 0x03
#define DP_TSR 0x04   /* r */
#define DP_TPSR 0x04  /* w */
#define DP_TBCR0 0x05 /* w */
#define DP_TBCR1 0x06 /* w */
#define DP_ISR 0x07
#define DP_RSAR0 0x08 /* w */
#define DP_RSAR1 0x09 /* w */
#define DP_RBCR0 0x0a /* w */
#define DP_RBCR1 0x0b /* w */
#define DP_RSR 0x0c   /* r */
#define DP_RCR 0x0c   /* w */
#define DP_CNTR0 0x0d /* r: frame alignment errors */
#define DP_TCR 0x0d   /* w */
#define DP_CNTR1 0x0e /* r: CRC errors */
#define DP_DCR 0x0e   /* w */
#define DP_CNTR2 0x0f /* r: missed frames */
#define DP_IMR 0x0f   /* w */
/* Page 1. */
#define DP_PAR0 0x01 /* 6 bytes: the physical address */
#define DP_CURR 0x07
#define DP_MAR0 0x08 /* 8 bytes: the multicast hash filter */
/* The NE2000 board around the chip. */
#define NE_DATA 0x10
#define NE_RESET 0x1f
#define NE_NR_PORTS 0x20

/* CR */
#define CR_STP 0x01
#define CR_STA 0x02
#define CR_TXP 0x04
#define CR_RD_READ 0x08
#define CR_RD_WRITE 0x10
#define CR_RD_ABORT 0x20 /* "abort/complete remote DMA" */
#define CR_PAGE1 0x40
/* ISR, and IMR with the same bits */
#define ISR_PRX 0x01
#define ISR_PTX 0x02
#define ISR_RXE 0x04
#define ISR_TXE 0x08
#define ISR_OVW 0x10
#define ISR_CNT 0x20
#define ISR_RDC 0x40
#define ISR_RST 0x80
#define IMR_ALL (ISR_PRX | ISR_PTX | ISR_RXE | ISR_TXE | ISR_OVW | ISR_CNT)
/* DCR: FIFO threshold 8 bytes, normal operation, byte or word moves */
#define DCR_BYTE 0x48
#define DCR_WORD 0x49
/* RCR */
#define RCR_AB 0x04
#define RCR_AM 0x08
#define RCR_PRO 0x10
#define RCR_MON 0x20
/* TCR */
#define TCR_NORMAL 0x00
#define TCR_LOOP1 0x02 /* internal loopback */
/* TSR */
#define TSR_ABT 0x08
#define TSR_FU 0x20
/* RSR */
#define RSR_PRX 0x01

#define DP_PAGE 256
#define DP_MEM_START 0x40 /* first page of packet memory */
#define DP_TX_PAGES 6	  /* a transmit buffer: 1536 bytes */
#define DP_STOP_16K 0x80
#define DP_STOP_32K 0xc0
#define DP_MAX_COUNT (NDEV_MAX_FRAME + 4 + 4) /* frame, CRC, header */

struct dp8390 {
	uint32_t base; /* the board's first port */
	uint32_t irq;
	int hook;
	char name[NDEV_NAME_MAX];
	uint8_t mac[6];
	uint8_t pstart, pstop; /* the receive ring */
	uint8_t next;	       /* the page of the next frame to read */
	uint8_t tx_page[2];
	uint16_t tx_len[2];
	bool tx_loaded[2];		 /* holds a frame not yet sent */
	int tx_sending;			 /* the buffer on the wire, or -1 */
	uint32_t tx_started, tx_watched; /* frames started; at last alarm */
	uint32_t mode;			 /* NDEV_MODE_* */
	bool overflow;			 /* in the overflow routine (ring.c) */
	bool resend;			 /* its "Resend" variable */
	bool alarm_set;
	uint32_t ring_resets, overflows, restarts;
};

/* The port layer: registers by byte, the data port into or out of the
 * driver's own memory (len even in word mode), and a short busy wait. */
uint8_t dp_inb(uint32_t port);
void dp_outb(uint32_t port, uint8_t value);
int dp_ins(uint32_t port, void *buf, uint32_t len, bool word);
int dp_outs(uint32_t port, const void *buf, uint32_t len, bool word);
void dp_delay_us(uint32_t us);

/* dp8390.c */
uint8_t dp_rd(const struct dp8390 *dp, uint32_t reg);
void dp_wr(const struct dp8390 *dp, uint32_t reg, uint8_t value);
uint8_t dp_curr(const struct dp8390 *dp);
void dp_rdma_start(const struct dp8390 *dp, uint32_t addr, uint32_t count,
		   bool write);
int dp_rdma_end(const struct dp8390 *dp);
int dp_reset(struct dp8390 *dp);
int dp_init(struct dp8390 *dp);
int dp_start(struct dp8390 *dp);
int dp_set_mode(struct dp8390 *dp, uint32_t mode);
int dp_send(struct dp8390 *dp, const struct netdriver_buf *b);
void dp_intr(struct dp8390 *dp);
void dp_alarm(struct dp8390 *dp);

/* ring.c */
uint8_t dp_ring_advance(const struct dp8390 *dp, uint8_t page, uint32_t count);
uint8_t dp_ring_bnry(const struct dp8390 *dp, uint8_t next);
int dp_header_check(const struct dp8390 *dp, uint8_t page, const uint8_t hdr[4],
		    uint32_t *len);
void dp_ring_reset(struct dp8390 *dp);
int dp_recv(struct dp8390 *dp, const struct netdriver_buf *b);
void dp_drop_all(struct dp8390 *dp);
void dp_overflow_begin(struct dp8390 *dp);
void dp_overflow_end(struct dp8390 *dp);
