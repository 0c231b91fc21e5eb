/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The block-device protocol's client calls (lib/libsys/bdev.c), so that
 * nobody fills BDEV messages by hand.  The protocol and its rules are
 * in proto/bdev.h.
 *
 * A client is a struct bdev_client: a driver, a minor on it, and the
 * I/O buffer transfers go through.  One call per request; each returns
 * the driver's status (0 or bytes moved) or a negative errno, and -EIO
 * if the IPC failed or the reply was not the answer to that request
 * (wrong type or id: every request gets an id of its own, one counter
 * per process).  Reads land in buf, writes take their bytes from it;
 * the library checks no position or length (the driver does).
 *
 * The driver reaches buf through c->grant: bdev_client_grant() makes
 * it (all `size` bytes, read and write) and bdev_client_ungrant()
 * revokes it.  A client that transfers often holds it from open to
 * close (FS); one that transfers seldom grants for one transfer only
 * (VFS).  A test may set c->grant to any value, to see the driver
 * refuse it.
 *
 *     struct bdev_client c;
 *     bdev_client_init(&c, drv, minor, buf, sizeof(buf));
 *     bdev_client_grant(&c);
 *     if (bdev_req_open(&c) == 0 && bdev_req_read(&c, 0, 1024) == 1024)
 *             ... buf holds the device's first 1024 bytes ...
 *     bdev_req_close(&c);
 *     bdev_client_ungrant(&c);
 *
 * Surviving a driver restart: with c->restart set, a request that
 * fails because the driver died (EDEADSRCDST: during the request;
 * EDEADEPT: before it) is not lost.  The library asks restart->next()
 * for the driver's next instance, grants it buf again (if the client
 * held a grant), opens the minor on it and sends the same request
 * again, BDEV_TRIES times in all.  A write is simply done again: buf
 * still holds its data.  If it then succeeds, restart->recovered() is
 * told how long that took; if the driver does not come back,
 * restart->lost() is called once, c->lost is set and the request (and
 * every later one, which asks next() once more without waiting) fails
 * with EIO.  Waiting is the caller's business (FS subscribes to the
 * driver's label in DS and answers others EAGAIN meanwhile:
 * servers/fs/recover.c), so this logic runs in host tests too.
 * Without c->restart a dead driver is EIO at once.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"
#include "proto/bdev.h"

#define BDEV_TRIES 4 /* sends of one request, across restarts */

struct bdev_client;

struct bdev_restart {
	/* The driver's instance after `old` died, or NONE; if `wait`, it
	 * may wait for one to come up, else it only looks. */
	endpoint_t (*next)(struct bdev_client *c, endpoint_t old, bool wait);
	/* A request was done on a new instance, us µs after it failed. */
	void (*recovered)(struct bdev_client *c, uint32_t us);
	/* The driver did not come back (called once). */
	void (*lost)(struct bdev_client *c);
};

struct bdev_client {
	endpoint_t drv;	  /* the driver's instance in use */
	uint32_t minor;	  /* the device on it */
	void *buf;	  /* the I/O buffer */
	uint32_t size;	  /* its length */
	grant_id_t grant; /* drv's grant on buf, or GRANT_INVALID */
	bool granted;	  /* held by bdev_client_grant: renewed on restart */
	bool lost;	  /* the driver died and did not come back */
	const struct bdev_restart *restart; /* null: no recovery */
	void *ctx;			    /* the caller's, for restart */
};

/* Every field as above, no grant, no restart handling. */
void bdev_client_init(struct bdev_client *c, endpoint_t drv, uint32_t minor,
		      void *buf, uint32_t size);
int bdev_client_grant(struct bdev_client *c); /* 0 or a negative errno */
void bdev_client_ungrant(struct bdev_client *c);

int bdev_req_open(struct bdev_client *c);
int bdev_req_close(struct bdev_client *c);
/* len bytes at byte pos of the device into buf / from buf. */
int bdev_req_read(struct bdev_client *c, uint64_t pos, uint32_t len);
int bdev_req_write(struct bdev_client *c, uint64_t pos, uint32_t len);
int bdev_req_size(struct bdev_client *c, uint64_t *bytes);
/* Once what the driver acknowledged is on the medium. */
int bdev_req_flush(struct bdev_client *c);
