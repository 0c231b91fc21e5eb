/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The character-device protocol: VFS asks a character driver (the
 * console, /dev/null and friends) to open, read, write or control one
 * of its minor devices on behalf of a program.
 *
 * VFS sends every request with SENDREC and the driver answers at once,
 * so VFS never waits on a driver.  A read or write that cannot finish
 * yet (a terminal with no line typed) is answered CDEV_SUSPENDED; the
 * driver keeps it, and when it finishes the driver NOTIFYs VFS, which
 * then collects the results with CDEV_STATUS until the driver answers
 * CDEV_NO_STATUS.  A driver never sends VFS anything else, so driver
 * and VFS can never wait on each other.
 *
 *   CDEV_OPEN    minor, flags (VO_*)                  -> status
 *   CDEV_CLOSE   minor                                -> status
 *   CDEV_READ    minor, id, grant (writable), len, flags (VO_NONBLOCK)
 *                -> bytes, an error, or CDEV_SUSPENDED
 *   CDEV_WRITE   as CDEV_READ, grant readable
 *   CDEV_IOCTL   minor, id, request, grant, len      -> status
 *   CDEV_CANCEL  minor, id: end the kept request      -> its status
 *                (bytes done so far, or EINTR)
 *   CDEV_SELECT  minor, ops (CDEV_SEL_*; CDEV_SEL_NOTIFY: tell me when
 *                one becomes ready)                   -> ready ops now
 *   CDEV_STATUS  -> CDEV_DONE (id, status): a kept request finished
 *                   CDEV_SEL_READY (minor, ops): select news
 *                   CDEV_SIGNAL (id = process group, status = signal):
 *                   a terminal's ^C and friends, which VFS passes on
 *                   to every process of the group
 *                   CDEV_NO_STATUS: nothing more
 *
 * Reads and writes carry the file position (pos), which VFS advances by
 * what was moved; devices without positions ignore it.
 * `id` names the request: VFS uses the program's endpoint (a program
 * has at most one request in progress).  Grants are VFS's indirect
 * grants of the program's own; VFS revokes them once a request is done.
 * CDEV_IOCTL also carries the program's process group (pgrp), which the
 * terminal uses for TIOCSPGRP checks and job signals.
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"

#define CDEV_BASE 0x600
#define CDEV_OPEN (CDEV_BASE + 1)
#define CDEV_CLOSE (CDEV_BASE + 2)
#define CDEV_READ (CDEV_BASE + 3)
#define CDEV_WRITE (CDEV_BASE + 4)
#define CDEV_IOCTL (CDEV_BASE + 5)
#define CDEV_CANCEL (CDEV_BASE + 6)
#define CDEV_SELECT (CDEV_BASE + 7)
#define CDEV_STATUS (CDEV_BASE + 8)
#define CDEV_REPLY (CDEV_BASE + 0x80)
#define CDEV_DONE (CDEV_BASE + 0x81)
#define CDEV_SEL_READY (CDEV_BASE + 0x82)
#define CDEV_NO_STATUS (CDEV_BASE + 0x83)
#define CDEV_SIGNAL (CDEV_BASE + 0x84)

#define CDEV_SUSPENDED (-1000) /* not an errno: "answered later" */

#define CDEV_SEL_RD 1
#define CDEV_SEL_WR 2
#define CDEV_SEL_EX 4
#define CDEV_SEL_NOTIFY 8

struct cdev_request {
	uint32_t minor;
	endpoint_t id;
	grant_id_t grant;
	uint32_t len;
	uint32_t flags;	  /* open flags; select ops */
	uint32_t request; /* CDEV_IOCTL */
	int32_t pgrp;	  /* CDEV_IOCTL, CDEV_OPEN: the caller's group */
	int32_t pid;	  /* CDEV_OPEN: the caller */
	uint64_t pos;	  /* CDEV_READ, CDEV_WRITE */
};

struct cdev_reply {
	int32_t status;
	endpoint_t id;	/* CDEV_DONE */
	uint32_t minor; /* CDEV_SEL_READY */
	uint32_t ops;	/* CDEV_SEL_READY */
};

_Static_assert(sizeof(struct cdev_request) <= MSG_PAYLOAD, "fits");
_Static_assert(sizeof(struct cdev_reply) <= MSG_PAYLOAD, "fits");

#define CDEV_REQ(m) ((struct cdev_request *)(void *)(m)->m_u.b)
#define CDEV_REP(m) ((struct cdev_reply *)(void *)(m)->m_u.b)
