/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the parts of the RTL8139 driver share (see rtl8139.c): the
 * card's registers in classic (not C+) mode, and the driver's state.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "rxring.h"

/* Registers, as offsets from BAR 0's first port. */
#define RL_IDR0 0x00  /* the MAC address, 6 bytes */
#define RL_MAR0 0x08  /* multicast hash, 8 bytes */
#define RL_TSD0 0x10  /* transmit status of descriptor n: +4n */
#define RL_TSAD0 0x20 /* transmit buffer address of descriptor n: +4n */
#define RL_RBSTART 0x30
#define RL_CR 0x37
#define RL_CAPR 0x38 /* 16 bits: where the driver reads, less 16 */
#define RL_CBR 0x3a  /* 16 bits: where the card writes */
#define RL_IMR 0x3c
#define RL_ISR 0x3e
#define RL_TCR 0x40
#define RL_RCR 0x44
#define RL_MPC 0x4c /* frames missed for want of room */
#define RL_MSR 0x58
/* 0xe0 is the C+ command register: never written, so the card (QEMU's
 * identifies as an 8139C+) stays in classic mode. */

#define CR_BUFE 0x01 /* the receive ring is empty */
#define CR_TE 0x04
#define CR_RE 0x08
#define CR_RST 0x10

/* ISR and IMR bits. */
#define INT_ROK 0x0001
#define INT_RER 0x0002
#define INT_TOK 0x0004
#define INT_TER 0x0008
#define INT_RXOVW 0x0010
#define INT_PUN 0x0020 /* packet underrun / link change */
#define INT_FOVW 0x0040
#define INT_LENCHG 0x2000
#define INT_TIMEOUT 0x4000
#define INT_SERR 0x8000
#define INT_ALL 0xe07f /* the bits ISR can show */
/* Not RXOVW: with it unmasked QEMU drops frames when the ring is full
 * instead of holding them back. */
#define INT_WANTED (INT_ROK | INT_RER | INT_TOK | INT_TER | INT_PUN)

#define TSD_SIZE 0x1fff
#define TSD_OWN 0x2000 /* the card has the buffer's bytes */
#define TSD_TUN 0x4000
#define TSD_TOK 0x8000
#define TSD_TABT 0x40000000
#define TSD_EARLY_256 (8u << 16) /* start sending after 8 x 32 bytes */

#define TCR_CLRABT 0x1
#define TCR_DMA_2K (7u << 8)
#define TCR_LOOPBACK (3u << 17)
#define TCR_IFG_STD (3u << 24)

#define RCR_AAP 0x01 /* all frames */
#define RCR_APM 0x02 /* our address */
#define RCR_AM 0x04  /* multicast, through MAR */
#define RCR_AB 0x08  /* broadcast */
#define RCR_RING_64K (3u << 11)
#define RCR_DMA_ANY (7u << 8)
#define RCR_FIFO_NONE (7u << 13)
#define RCR_BASE (RCR_RING_64K | RCR_DMA_ANY | RCR_FIFO_NONE) /* no WRAP */

#define MSR_LINKB 0x04 /* 1: the link is down */

/* The DMA memory: the ring (with room for a frame written past its end
 * by a card that ignores the WRAP bit's absence), then the TX buffers. */
#define NR_TX 4
#define TX_BUF_SIZE 1536
#define RING_ALLOC (RX_RING_SIZE + 16 + TX_BUF_SIZE)
#define DMA_BYTES (RING_ALLOC + NR_TX * TX_BUF_SIZE)

struct rl {
	uint16_t io;		/* BAR 0 */
	uint32_t bdf;		/* its PCI address */
	uint8_t irq;		/* its line */
	int hook;		/* the IRQ hook */
	uint8_t mac[6];		/* as the card's IDR reads after reset */
	volatile uint8_t *ring; /* RING_ALLOC bytes */
	uint8_t *tx[NR_TX];	/* TX_BUF_SIZE each */
	uint32_t ring_phys, tx_phys[NR_TX];
	uint32_t rcr;	      /* RCR_BASE and the accept bits of the mode */
	int tx_head, tx_tail; /* next to fill; oldest the card has */
	int tx_busy;	      /* descriptors the card has */
	uint32_t rx_resets;   /* bad headers, each a receiver reset */
};

extern struct rl rl;

uint8_t rl_in8(uint32_t reg);
uint16_t rl_in16(uint32_t reg);
uint32_t rl_in32(uint32_t reg);
void rl_out8(uint32_t reg, uint8_t v);
void rl_out16(uint32_t reg, uint16_t v);
void rl_out32(uint32_t reg, uint32_t v);
/* The receive configuration, RCR_BASE | accept.  Writing it restarts
 * the ring (QEMU sets both its pointers to 0), so CAPR follows. */
void rl_set_rcr(uint32_t accept);

/* tx.c: the four transmit descriptors, used strictly in turn from 0
 * after a reset, since the card sends only from the one it is at. */
void tx_reset(void);
uint8_t *tx_slot(void);	     /* the next free buffer, or 0 */
void tx_start(uint32_t len); /* send what tx_slot's buffer holds */
int tx_reclaim(void);	     /* descriptors the card has finished */

/* selftest.c: a frame through the card's own loopback. */
int rl_selftest(void);
