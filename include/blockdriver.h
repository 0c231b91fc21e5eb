/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The block-driver framework (lib/libdriver/blockdriver.c).  A driver
 * fills in the callbacks and calls blockdriver_run(), which owns the
 * message loop: it checks every request, calls the driver, and sends
 * the reply.  Callbacks return 0 (or bytes moved) or a negative error.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"

struct blockdriver_ops {
	int (*open)(uint32_t minor);
	int (*close)(uint32_t minor);
	/* Move len bytes at pos between the device and (who, grant). */
	int (*transfer)(uint32_t minor, bool write, uint64_t pos,
			endpoint_t who, grant_id_t grant, uint32_t len);
	int (*size)(uint32_t minor, uint64_t *bytes);
	/* Put what the device caches on the medium; 0 if it caches
	 * nothing (BDEV_FLUSH then always succeeds). */
	int (*flush)(uint32_t minor);
};

/* Handle one request (not a notification), answering it; an unknown
 * type gets ENOSYS. */
void blockdriver_handle(const struct blockdriver_ops *ops, message_t *m);
/* Keep request m, which came while the driver waited for its device,
 * for blockdriver_run to serve next (EAGAIN if too many wait). */
void blockdriver_defer(message_t *m);
void blockdriver_run(const struct blockdriver_ops *ops)
	__attribute__((noreturn));
