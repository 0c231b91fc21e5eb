/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The character-device protocol: VFS asks a character driver (the
 * console, /dev/null and friends) to open, read, write or control one
 * of its minor devices on behalf of a program.  VFS sends through
 * lib/libsys/cdev.c (cdevclient.h); lib/libdriver/chardriver.c serves.
 *
 * VFS sends every request with SENDREC and the driver answers at once,
 * so VFS never waits on a driver.  A read or write that cannot finish
 * yet (a terminal with no line typed) is answered CDEV_SUSPENDED; the
 * driver keeps it, and when it finishes the driver NOTIFYs VFS, which
 * then collects the results with CDEV_STATUS until the driver answers
 * CDEV_NO_STATUS.  A driver never sends VFS anything else, so driver
 * and VFS can never wait on each other.
 *
 *   CDEV_OPEN    struct cdev_open: minor, flags (VO_*), the caller's
 *                pid and pgrp                   -> cdev_reply: status
 *   CDEV_CLOSE   struct cdev_close: minor       -> cdev_reply: status
 *   CDEV_READ    struct cdev_rw: minor, id, grant (writable), len,
 *                flags (VO_NONBLOCK), pos
 *                -> cdev_reply: bytes, an error, or CDEV_SUSPENDED
 *   CDEV_WRITE   struct cdev_rw, as CDEV_READ, grant readable
 *   CDEV_IOCTL   struct cdev_ioctl: minor, id, request, grant, len,
 *                the caller's pid and pgrp      -> cdev_reply: status
 *   CDEV_CANCEL  struct cdev_cancel: minor, id: end the kept request
 *                -> cdev_reply: its status (bytes done so far, or EINTR)
 *   CDEV_SELECT  struct cdev_select: minor, ops (CDEV_SEL_*;
 *                CDEV_SEL_NOTIFY: tell me when one becomes ready)
 *                -> cdev_reply: the ready ops now
 *   CDEV_STATUS  (no payload) -> the oldest news for the asker:
 *                CDEV_DONE, struct cdev_done (id, status): a kept
 *                  request finished
 *                CDEV_SEL_READY, struct cdev_sel_ready (minor, ops):
 *                  select news
 *                CDEV_SIGNAL, struct cdev_signal (pgrp, sig): a
 *                  terminal's ^C and friends, which VFS passes on to
 *                  every process of the group
 *                CDEV_NO_STATUS (no payload): nothing more
 *
 * Reads and writes carry the file position (pos), which VFS advances by
 * what was moved; devices without positions ignore it.
 * `id` names the request: VFS uses the program's endpoint (a program
 * has at most one request in progress).  Grants are VFS's indirect
 * grants of the program's own; VFS revokes them once a request is done.
 * The process group (pgrp) of CDEV_OPEN and CDEV_IOCTL is what the
 * terminal uses for its controlling process, TIOCSPGRP checks and job
 * signals.
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

/* CDEV_OPEN */
struct cdev_open {
	uint32_t minor;
	endpoint_t id;	/* the program */
	uint32_t flags; /* VO_* of the open */
	int32_t pgrp;	/* the program's process group */
	int32_t pid;	/* the program */
};
MSG_FITS(struct cdev_open);

/* CDEV_CLOSE */
struct cdev_close {
	uint32_t minor;
};
MSG_FITS(struct cdev_close);

/* CDEV_READ, CDEV_WRITE (the same fields; the type says the way). */
struct cdev_rw {
	uint32_t minor;
	endpoint_t id;	  /* the request: the program's endpoint */
	grant_id_t grant; /* the program's buffer */
	uint32_t len;
	uint32_t flags; /* VO_NONBLOCK */
	uint64_t pos;	/* the file position */
};
MSG_FITS(struct cdev_rw);

/* CDEV_IOCTL */
struct cdev_ioctl {
	uint32_t minor;
	endpoint_t id;
	grant_id_t grant; /* the argument, or GRANT_INVALID */
	uint32_t len;	  /* its size */
	uint32_t request; /* TIOC* and friends */
	int32_t pgrp;	  /* the program's process group */
	int32_t pid;
};
MSG_FITS(struct cdev_ioctl);

/* CDEV_CANCEL */
struct cdev_cancel {
	uint32_t minor;
	endpoint_t id; /* the kept request to end */
};
MSG_FITS(struct cdev_cancel);

/* CDEV_SELECT */
struct cdev_select {
	uint32_t minor;
	uint32_t ops; /* CDEV_SEL_* */
};
MSG_FITS(struct cdev_select);

/* CDEV_STATUS carries nothing. */
union cdev_req {
	struct cdev_open open;
	struct cdev_close close;
	struct cdev_rw read;
	struct cdev_rw write;
	struct cdev_ioctl ioctl;
	struct cdev_cancel cancel;
	struct cdev_select select;
};
MSG_FITS(union cdev_req);

/* CDEV_REPLY */
struct cdev_reply {
	int32_t status; /* bytes, ops, 0, an error, or CDEV_SUSPENDED */
};
MSG_FITS(struct cdev_reply);

/* CDEV_DONE */
struct cdev_done {
	int32_t status; /* the kept request's result */
	endpoint_t id;	/* which request */
};
MSG_FITS(struct cdev_done);

/* CDEV_SEL_READY */
struct cdev_sel_ready {
	uint32_t minor;
	uint32_t ops; /* CDEV_SEL_RD/WR/EX now ready */
};
MSG_FITS(struct cdev_sel_ready);

/* CDEV_SIGNAL */
struct cdev_signal {
	int32_t pgrp; /* the terminal's foreground group */
	int32_t sig;
};
MSG_FITS(struct cdev_signal);

/* CDEV_NO_STATUS carries nothing. */
union cdev_rep {
	struct cdev_reply reply;
	struct cdev_done done;
	struct cdev_sel_ready sel_ready;
	struct cdev_signal signal;
};
MSG_FITS(union cdev_rep);

#define CDEV_REQ(m) ((union cdev_req *)(void *)(m)->m_u.b)
#define CDEV_REP(m) ((union cdev_rep *)(void *)(m)->m_u.b)
