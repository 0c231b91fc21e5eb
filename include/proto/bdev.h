/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The block-device protocol: a file system (the client) asks a block
 * driver to move bytes between the device and a buffer the client has
 * granted it.  Every request gets exactly one reply, of type BDEV_REPLY,
 * carrying the request's id back.  Clients send through
 * lib/libsys/bdev.c (bdevclient.h); lib/libdriver/blockdriver.c serves.
 *
 *   BDEV_OPEN   struct bdev_dev  minor      -> bdev_reply: status
 *   BDEV_CLOSE  struct bdev_dev  minor      -> bdev_reply: status
 *   BDEV_READ   struct bdev_rw   minor, pos, grant (writable by the
 *               driver), len     -> bdev_reply: bytes read, or an error
 *   BDEV_WRITE  struct bdev_rw   minor, pos, grant (readable by the
 *               driver), len     -> bdev_reply: bytes written, or an error
 *   BDEV_SIZE   struct bdev_dev  minor      -> bdev_size_reply: status,
 *                                              size in bytes
 *   BDEV_FLUSH  struct bdev_dev  minor      -> bdev_reply: status, once
 *               every write the driver has acknowledged is on the
 *               medium (out of the device's own cache)
 *
 * Every request begins with its id and minor, so the driver can echo
 * the id whatever the request; every reply begins with that id and the
 * status.  Positions and lengths are multiples of BDEV_SECTOR.  A
 * transfer that starts past the end of the device fails with EIO; one
 * that runs over the end is cut short.
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"

#define BDEV_BASE 0x500
#define BDEV_OPEN (BDEV_BASE + 1)
#define BDEV_CLOSE (BDEV_BASE + 2)
#define BDEV_READ (BDEV_BASE + 3)
#define BDEV_WRITE (BDEV_BASE + 4)
#define BDEV_SIZE (BDEV_BASE + 5)
#define BDEV_FLUSH (BDEV_BASE + 6)
#define BDEV_REPLY (BDEV_BASE + 0x80)

#define BDEV_SECTOR 512

/* BDEV_OPEN, BDEV_CLOSE, BDEV_SIZE, BDEV_FLUSH: one device, nothing
 * more (the four share this struct: their fields mean the same). */
struct bdev_dev {
	uint32_t id; /* echoed in the reply */
	uint32_t minor;
};
MSG_FITS(struct bdev_dev);

/* BDEV_READ, BDEV_WRITE (the same fields; the type says the way). */
struct bdev_rw {
	uint32_t id;
	uint32_t minor;
	uint64_t pos;	  /* byte position on the device */
	grant_id_t grant; /* the client's buffer */
	uint32_t len;	  /* bytes to move */
};
MSG_FITS(struct bdev_rw);

union bdev_req {
	struct bdev_dev open;
	struct bdev_dev close;
	struct bdev_rw read;
	struct bdev_rw write;
	struct bdev_dev size;
	struct bdev_dev flush;
};
MSG_FITS(union bdev_req);

/* Every reply; BDEV_SIZE's carries the size after it. */
struct bdev_reply {
	uint32_t id;
	int32_t status; /* bytes moved, 0, or a negative error */
};
MSG_FITS(struct bdev_reply);

struct bdev_size_reply {
	uint32_t id;
	int32_t status;
	uint64_t size; /* bytes */
};
MSG_FITS(struct bdev_size_reply);

union bdev_rep {
	struct bdev_reply reply;
	struct bdev_size_reply size;
};
MSG_FITS(union bdev_rep);

#define BDEV_REQ(m) ((union bdev_req *)(void *)(m)->m_u.b)
#define BDEV_REP(m) ((union bdev_rep *)(void *)(m)->m_u.b)
