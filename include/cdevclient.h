/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The character-device protocol's client calls (lib/libsys/cdev.c), for
 * VFS, so that nobody fills CDEV messages by hand.  The protocol and
 * its rules are in proto/cdev.h.
 *
 * One call per request, sent with SENDREC to driver drv.  Each returns
 * the driver's answer: bytes, ready ops, 0 or a negative errno; a read
 * or write the driver keeps returns REPLY_LATER (libsys.h: CDEV_SUSPENDED
 * on the wire), and its result comes as news.  If the driver did not
 * answer (the IPC failed: it died) or answered with something other
 * than CDEV_REPLY, the call returns CDEV_DEAD, which is no errno: the
 * caller forgets that instance and tells its own caller EIO.  A drv of
 * NONE (no instance) is CDEV_DEAD at once, nothing sent.
 *
 * The grants in a request are the caller's (VFS's indirect grants of a
 * program's buffer); it revokes them once the request is done, which
 * for a kept request is when its news comes or it is cancelled.
 *
 * News: when a driver NOTIFYs, cdev_req_status() asks it for news until
 * it has none, and hands each item to the caller's callback:
 *
 *     static const struct cdev_news news = {finished, changed, signal};
 *     cdev_req_status(drv, &news);
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"
#include "proto/cdev.h"

#define CDEV_DEAD (-1001) /* not an errno: the driver did not answer */

int cdev_req_open(endpoint_t drv, uint32_t minor, endpoint_t id, uint32_t flags,
		  int pgrp, int pid);
int cdev_req_close(endpoint_t drv, uint32_t minor);
/* flags: VO_NONBLOCK; pos: the file position. */
int cdev_req_read(endpoint_t drv, uint32_t minor, endpoint_t id,
		  grant_id_t grant, uint32_t len, uint32_t flags, uint64_t pos);
int cdev_req_write(endpoint_t drv, uint32_t minor, endpoint_t id,
		   grant_id_t grant, uint32_t len, uint32_t flags,
		   uint64_t pos);
/* grant: the argument (GRANT_INVALID if len is 0). */
int cdev_req_ioctl(endpoint_t drv, uint32_t minor, endpoint_t id,
		   uint32_t request, grant_id_t grant, uint32_t len, int pgrp,
		   int pid);
/* End the kept request id: its status. */
int cdev_req_cancel(endpoint_t drv, uint32_t minor, endpoint_t id);
/* ops: CDEV_SEL_*; the ready ones now. */
int cdev_req_select(endpoint_t drv, uint32_t minor, uint32_t ops);

/* What a driver's news says; every callback is told which driver. */
struct cdev_news {
	/* The kept request id finished with status. */
	void (*done)(endpoint_t drv, endpoint_t id, int status);
	/* ops became ready on minor (a select asked to be told). */
	void (*select_ready)(endpoint_t drv, uint32_t minor, uint32_t ops);
	/* A terminal's signal for process group pgrp. */
	void (*signal)(endpoint_t drv, int pgrp, int sig);
};
/* CDEV_STATUS until drv has no more news (at most 256 items, so a
 * driver cannot hold its client forever): how many there were. */
int cdev_req_status(endpoint_t drv, const struct cdev_news *news);
