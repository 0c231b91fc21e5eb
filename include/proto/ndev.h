/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The network-device protocol: INET asks an Ethernet driver (NE2000,
 * RTL8139) to start a session, set its receive mode, send frames and
 * fill receive buffers.  INET sends through lib/libsys/ndev.c
 * (ndevclient.h); lib/libdriver/netdriver.c serves (netdriver.h).
 *
 * INET sends every request with SENDREC and the driver's library
 * answers at once: a frame to send or a buffer to fill is queued, not
 * waited for.  When queued work finishes (a frame went out, a buffer
 * holds a frame) or the link changes, the driver NOTIFYs INET, which
 * collects the news with NDEV_COLLECT until `more` is 0.  The driver
 * never sends INET anything else, so neither can wait on the other.
 *
 *   NDEV_INIT    struct ndev_init: session
 *                -> NDEV_INIT_REPLY, struct ndev_init_reply: status,
 *                   session, mac, link, mtu, max_send, max_recv, name
 *   NDEV_CONF    struct ndev_conf: session, mode (NDEV_MODE_*)
 *                -> NDEV_REPLY, struct ndev_reply: status
 *   NDEV_SEND    struct ndev_buf: session, id, grant (readable), len
 *                = the frame's length, NDEV_MIN_FRAME..NDEV_MAX_FRAME
 *                (the driver pads a short frame; no CRC)
 *                -> NDEV_REPLY: 0 (queued) or an error
 *   NDEV_RECV    struct ndev_buf: session, id, grant (writable), len
 *                = the buffer's size, at least NDEV_MAX_FRAME
 *                -> NDEV_REPLY: 0 (queued) or an error
 *   NDEV_COLLECT struct ndev_collect: session
 *                -> NDEV_COLLECT_REPLY, struct ndev_collect_reply:
 *                   status, session, count finished requests in
 *                   done[] (oldest first), more (1: call again), link,
 *                   and counters since the last collect
 *
 * Sessions.  INET picks a session number (never 0, a new one for each
 * INIT) and puts it in every request; every reply echoes it.  NDEV_INIT
 * starts a session: the driver forgets every request of the one before
 * (it does not answer them: their grants may belong to a dead INET)
 * and sets the mode to NDEV_MODE_DOWN, receiving nothing until
 * NDEV_CONF.  Requests before the first INIT, or with another session
 * number, get ESTALE, so nothing of an older session is ever matched.
 * The process that sent INIT is the session's client; a request from
 * any other gets EPERM (only INET may INIT: lib/libsys/peer.c).
 *
 * Queues.  At most max_send frames and max_recv buffers are queued at
 * a time (NDEV_MAX_QUEUE at most); one more gets EAGAIN.  A request
 * counts as queued until the collect that reports it, so the driver's
 * memory is bounded whether or not INET collects.  Requests of
 * each kind finish in the order they came.  A frame's entry (result 0
 * or an error) comes once the driver has taken its bytes from the
 * grant, so the buffer is INET's again; a receive buffer's entry gives
 * the frame's length.  `id` is INET's name for a request, unique among
 * those it has queued of both kinds; the driver only echoes it, so an
 * id INET does not have queued, or a length over the buffer's, means a
 * broken driver (INET ignores the entry and counts it).
 *
 * Errors.  EINVAL: a length or id out of range, or unknown mode bits;
 * ESTALE: no session, or not this one; EPERM: not the session's client;
 * EAGAIN: the queue is full; ENOSYS: an unknown request.  A done[]
 * result may be EIO (the device failed that frame) or EFAULT (the
 * grant could not be copied through).
 *
 * Discovery.  Once its hardware is up, a driver's library publishes
 * the DS key "drv.net.LABEL" (U32: the instance's restart count); INET
 * subscribes to "drv.net.*".  A new endpoint behind a known label is a
 * restarted driver: INET starts a new session with it.
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"

#define NDEV_BASE 0xb00
#define NDEV_INIT (NDEV_BASE + 1)
#define NDEV_CONF (NDEV_BASE + 2)
#define NDEV_SEND (NDEV_BASE + 3)
#define NDEV_RECV (NDEV_BASE + 4)
#define NDEV_COLLECT (NDEV_BASE + 5)
#define NDEV_REPLY (NDEV_BASE + 0x80)
#define NDEV_INIT_REPLY (NDEV_BASE + 0x81)
#define NDEV_COLLECT_REPLY (NDEV_BASE + 0x82)

#define NDEV_MIN_FRAME 14   /* an Ethernet header */
#define NDEV_MAX_FRAME 1514 /* header + 1500, no CRC */
#define NDEV_PAD_FRAME 60   /* what a driver pads shorter frames to */
#define NDEV_MAX_QUEUE 32   /* queued sends, and receives, at most */
#define NDEV_COLLECT_MAX 9  /* entries in one collect reply */
#define NDEV_ID_MAX 0xffff  /* ids are 1..NDEV_ID_MAX */
#define NDEV_NAME_MAX 16
#define NDEV_KEY_PREFIX "drv.net."

/* Receive modes (NDEV_CONF): DOWN receives nothing; UP receives frames
 * for the card's own address, plus broadcasts, multicasts and all
 * frames as the other bits say. */
#define NDEV_MODE_DOWN 0
#define NDEV_MODE_UP 1
#define NDEV_MODE_BCAST 2
#define NDEV_MODE_MCAST_ALL 4
#define NDEV_MODE_PROMISC 8
#define NDEV_MODE_ALL 15

/* Link state (init and collect replies). */
#define NDEV_LINK_UNKNOWN 0
#define NDEV_LINK_UP 1
#define NDEV_LINK_DOWN 2

/* NDEV_INIT */
struct ndev_init {
	uint32_t session;
};
MSG_FITS(struct ndev_init);

/* NDEV_CONF */
struct ndev_conf {
	uint32_t session;
	uint32_t mode; /* NDEV_MODE_* */
};
MSG_FITS(struct ndev_conf);

/* NDEV_SEND, NDEV_RECV (the same fields; the type says the way). */
struct ndev_buf {
	uint32_t session;
	uint32_t id;	  /* INET's name for it, 1..NDEV_ID_MAX */
	grant_id_t grant; /* the frame (SEND) or the buffer (RECV) */
	uint32_t len;	  /* frame length (SEND), buffer size (RECV) */
};
MSG_FITS(struct ndev_buf);

/* NDEV_COLLECT */
struct ndev_collect {
	uint32_t session;
};
MSG_FITS(struct ndev_collect);

union ndev_req {
	struct ndev_init init;
	struct ndev_conf conf;
	struct ndev_buf send;
	struct ndev_buf recv;
	struct ndev_collect collect;
};
MSG_FITS(union ndev_req);

/* NDEV_REPLY */
struct ndev_reply {
	int32_t status;
	uint32_t session;
};
MSG_FITS(struct ndev_reply);

/* NDEV_INIT_REPLY */
struct ndev_init_reply {
	int32_t status;
	uint32_t session;
	uint8_t mac[6];
	uint8_t link; /* NDEV_LINK_* */
	uint8_t pad;
	uint16_t mtu;	  /* 1500 */
	uint8_t max_send; /* queue limits, 1..NDEV_MAX_QUEUE */
	uint8_t max_recv;
	uint32_t restarts;	  /* the driver instance's restart count */
	char name[NDEV_NAME_MAX]; /* the card, for ifconfig: "ne2000 isa" */
};
MSG_FITS(struct ndev_init_reply);

/* One finished request in a collect reply.  result: for a receive
 * buffer the frame's length, for a frame 0; or a negative errno. */
struct ndev_done {
	uint16_t id;	/* the request's id */
	int16_t result; /* bytes, 0, or -errno */
};

/* NDEV_COLLECT_REPLY */
struct ndev_collect_reply {
	int32_t status;
	uint32_t session;
	uint8_t count; /* entries in done[] */
	uint8_t more;  /* 1: more news waits; collect again */
	uint8_t link;  /* NDEV_LINK_* now */
	uint8_t pad;
	uint16_t rx_errors; /* frames the card received badly */
	uint16_t rx_drops;  /* frames dropped: no buffer, or too long */
	uint16_t tx_errors; /* frames the card failed to send */
	uint16_t pad2;
	struct ndev_done done[NDEV_COLLECT_MAX];
};
MSG_FITS(struct ndev_collect_reply);

union ndev_rep {
	struct ndev_reply reply;
	struct ndev_init_reply init;
	struct ndev_collect_reply collect;
};
MSG_FITS(union ndev_rep);

#define NDEV_REQ(m) ((union ndev_req *)(void *)(m)->m_u.b)
#define NDEV_REP(m) ((union ndev_rep *)(void *)(m)->m_u.b)
