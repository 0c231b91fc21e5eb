/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The network-driver framework (lib/libdriver/netdriver.c) for
 * proto/ndev.h.  A driver fills in the callbacks and calls
 * netdriver_run(), which owns everything that is not the card: the
 * start-up with RS, the DS announcement, the message loop and its
 * heartbeats, the check of every request (who sent it, session, ids,
 * lengths), the send and receive queues, the news for INET and the
 * counters.  The driver only moves frames between its card and the
 * buffers the library hands it.
 *
 *   init      reset the card from whatever state an earlier instance
 *             left it in, and fill *info (MAC, name, queue limits);
 *             called once, before the DS announcement.  Non-zero: the
 *             driver panics with that error.
 *   set_mode  NDEV_MODE_* (DOWN: receive nothing).
 *   send      put the frame in `b` on the wire: 0 taken (its bytes are
 *             out of the grant; the library reports it done),
 *             NETDRIVER_BUSY (no room: the library asks again after
 *             netdriver_tx_ready()), or a negative errno (reported as
 *             the frame's result).
 *   recv      copy the next received frame into `b`: its length, 0 if
 *             there is none (asked again after netdriver_rx_ready()),
 *             or a negative errno for a frame that was lost (the library
 *             counts it as a drop and asks again with the same buffer;
 *             but -EFAULT, the buffer's grant refused the copy, ends
 *             that buffer with EFAULT).
 *   intr      an interrupt on one of the driver's hooks (the bits of the
 *             HARDWARE notification); re-enable the IRQ after.
 *   alarm     a CLOCK notification the driver asked for.
 *   link      NDEV_LINK_* now (0 if left out: UNKNOWN).
 *
 * Callbacks run one at a time from the loop, never nested.  From intr
 * and alarm the driver tells the library what changed:
 * netdriver_tx_ready() (room to send again), netdriver_rx_ready()
 * (frames wait), netdriver_link_changed(), and counts with
 * netdriver_count_*().  Copies between the card and a buffer go
 * through the helpers below, so a driver never names a grant.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"
#include "proto/ndev.h"

#define NETDRIVER_BUSY 1

/* A frame to send or a buffer to fill: INET's grant and its length. */
struct netdriver_buf {
	endpoint_t owner;
	grant_id_t grant;
	uint32_t len; /* the frame's length (send), buffer size (recv) */
	uint32_t id;
};

struct netdriver_info {
	uint8_t mac[6];
	char name[NDEV_NAME_MAX];
	uint32_t max_send, max_recv; /* 0: NDEV_MAX_QUEUE */
};

struct netdriver_ops {
	int (*init)(struct netdriver_info *info);
	int (*set_mode)(uint32_t mode);
	int (*send)(const struct netdriver_buf *b);
	int (*recv)(const struct netdriver_buf *b);
	void (*intr)(uint32_t hooks);
	void (*alarm)(void);
	uint32_t (*link)(void);
};

void netdriver_run(const struct netdriver_ops *ops) __attribute__((noreturn));

void netdriver_tx_ready(void);
void netdriver_rx_ready(void);
void netdriver_link_changed(void);
void netdriver_count_rx_error(void);
void netdriver_count_rx_drop(void);
void netdriver_count_tx_error(void);

/* Bytes between a buffer at offset off and the driver's memory
 * (SAFECOPY), or a card's data port (SDEVIO; word: 16-bit moves, len
 * even).  0 or a negative errno. */
int netdriver_copyin(const struct netdriver_buf *b, uint32_t off, void *dst,
		     uint32_t len);
int netdriver_copyout(const struct netdriver_buf *b, uint32_t off,
		      const void *src, uint32_t len);
int netdriver_portin(const struct netdriver_buf *b, uint32_t off, uint32_t port,
		     uint32_t len, bool word);
int netdriver_portout(const struct netdriver_buf *b, uint32_t off,
		      uint32_t port, uint32_t len, bool word);
