// SPDX-License-Identifier: BSD-2-Clause
/*
 * The receive ring's arithmetic (see rxring.h): offsets modulo the
 * ring's size, the CAPR register's 16 off, and the checks a header
 * must pass before the driver copies anything out of the ring.
 */
#include "rxring.h"

#include "abi/errno.h"

#define RING_MASK (RX_RING_SIZE - 1)

_Static_assert((RX_RING_SIZE & RING_MASK) == 0, "a power of two");
_Static_assert(RX_RING_SIZE <= 65536, "CAPR and CBR are 16 bits");

uint32_t rxring_read_off(uint16_t capr)
{
	return (capr + 16u) & RING_MASK;
}

uint16_t rxring_capr(uint32_t off)
{
	return (uint16_t)((off - 16u) & 0xffff);
}

int rxring_parse(uint32_t read, uint32_t write, uint32_t header,
		 struct rx_frame *f)
{
	read &= RING_MASK;
	write &= RING_MASK;
	if (read == write)
		return RX_EMPTY;
	uint32_t status = header & 0xffff, len = header >> 16;
	uint32_t written = (write - read) & RING_MASK;
	if (read % 4 || !(status & RX_ST_ROK) || len < RX_MIN_LEN ||
	    len > RX_MAX_LEN || 4 + len > written)
		return -EIO;
	f->status = (uint16_t)status;
	f->data = (read + 4) & RING_MASK;
	f->len = len - RX_CRC;
	f->first = RX_RING_SIZE - f->data < f->len ? RX_RING_SIZE - f->data
						   : f->len;
	f->next = (read + 4 + len + 3) & ~3u & RING_MASK;
	return 0;
}
