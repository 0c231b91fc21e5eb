/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The block-device protocol: a file system (the client) asks a block
 * driver to move bytes between the device and a buffer the client has
 * granted it.  Every request gets exactly one reply, of type BDEV_REPLY,
 * carrying the request's id back.
 *
 *   BDEV_OPEN    minor            -> status
 *   BDEV_CLOSE   minor            -> status
 *   BDEV_READ    minor, pos, grant (writable by the driver), len
 *                                 -> status = bytes read, or an error
 *   BDEV_WRITE   minor, pos, grant (readable by the driver), len
 *                                 -> status = bytes written, or an error
 *   BDEV_SIZE    minor            -> status, size in bytes
 *   BDEV_FLUSH   minor            -> status, once every write the driver
 *                                    has acknowledged is on the medium
 *                                    (out of the device's own cache)
 *
 * Positions and lengths are multiples of BDEV_SECTOR.  A transfer that
 * starts past the end of the device fails with EIO; one that runs over
 * the end is cut short.
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

struct bdev_request {
	uint32_t id; /* echoed in the reply */
	uint32_t minor;
	uint64_t pos;
	grant_id_t grant;
	uint32_t len;
};

struct bdev_reply {
	uint32_t id;
	int32_t status; /* bytes moved, 0, or a negative error */
	uint64_t size;	/* BDEV_SIZE */
};

_Static_assert(sizeof(struct bdev_request) <= MSG_PAYLOAD, "fits");
_Static_assert(sizeof(struct bdev_reply) <= MSG_PAYLOAD, "fits");

#define BDEV_REQ(m) ((struct bdev_request *)(void *)(m)->m_u.b)
#define BDEV_REP(m) ((struct bdev_reply *)(void *)(m)->m_u.b)
