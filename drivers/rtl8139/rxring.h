/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The RTL8139's receive ring as arithmetic (rxring.c), apart from the
 * card, so that the host can test it (tests/unit/test_rtl8139.c).
 *
 * The card writes each frame it accepts into a ring of RX_RING_SIZE
 * bytes: a 4-byte header -- a 16-bit status (RX_ST_*) and a 16-bit
 * length that counts the frame and its 4-byte CRC -- then the frame,
 * then the CRC; the next header follows at the next multiple of 4.  A
 * frame that runs into the ring's end goes on at its start (the WRAP
 * bit is off), so the driver copies it out in two pieces; a header
 * never straddles the end (4-aligned offsets, a ring of 4-byte words).
 *
 * The card's CBR register is where it writes next.  Its CAPR register
 * is "off by 16" both ways: the next header to read is at CAPR + 16,
 * and the driver, done with a frame, writes the next header's offset
 * minus 16.  The driver reads both from the card each time (the card
 * resets them on its own, at a reset and -- in QEMU -- at every write
 * of the receive configuration), so nothing here keeps state.
 *
 *   rxring_read_off  the next header's offset, from CAPR
 *   rxring_capr      what to write to CAPR once done up to `off`
 *   rxring_parse     the frame whose header (status | length << 16)
 *                    is at `read`, with the card's write offset
 *                    `write`: 0 and *f filled for a good frame;
 *                    RX_EMPTY if nothing waits; -EIO for a header the
 *                    card cannot have written -- a length below an
 *                    Ethernet header or above RX_MAX_LEN, no ROK, or
 *                    more bytes than the card has written -- after
 *                    which the receiver must be reset, as nothing
 *                    after it can be trusted either
 */
#pragma once

#include <stdint.h>

#define RX_RING_SIZE 65536
#define RX_ST_ROK 0x0001 /* received well */
#define RX_MIN_LEN 18	 /* an Ethernet header and the CRC */
#define RX_MAX_LEN 1522	 /* 1514 bytes, a VLAN tag and the CRC */
#define RX_CRC 4
#define RX_EMPTY 1

struct rx_frame {
	uint32_t data;	 /* offset of the frame's first byte */
	uint32_t len;	 /* the frame's bytes, without the CRC */
	uint32_t first;	 /* of those, up to the ring's end (len: all) */
	uint32_t next;	 /* the next header's offset */
	uint16_t status; /* RX_ST_* */
};

uint32_t rxring_read_off(uint16_t capr);
uint16_t rxring_capr(uint32_t off);
int rxring_parse(uint32_t read, uint32_t write, uint32_t header,
		 struct rx_frame *f);
