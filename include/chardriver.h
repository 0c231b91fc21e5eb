/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The character-driver framework (lib/libdriver/chardriver.c) for
 * proto/cdev.h.  A driver fills in the callbacks; the library checks and
 * answers every request, and keeps the queue of news for VFS (finished
 * requests, select readiness, terminal signals), notifying VFS when
 * there is some.  A read or write callback may return CDEV_SUSPENDED and
 * finish the request later with chardriver_done().  Callbacks left 0
 * answer ENXIO (open: success).
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "abi/message.h"
#include "proto/cdev.h"

struct chardriver_ops {
	int (*open)(uint32_t minor, const struct cdev_request *q);
	int (*close)(uint32_t minor);
	/* Bytes moved, an error, or CDEV_SUSPENDED. */
	int (*read)(uint32_t minor, const struct cdev_request *q);
	int (*write)(uint32_t minor, const struct cdev_request *q);
	int (*ioctl)(uint32_t minor, const struct cdev_request *q);
	/* End the kept request of `id`: its result (or -EINTR). */
	int (*cancel)(uint32_t minor, endpoint_t id);
	/* The ready subset of ops; with CDEV_SEL_NOTIFY, remember to call
	 * chardriver_select_ready() when one becomes ready. */
	int (*select)(uint32_t minor, uint32_t ops);
	/* Notifications: interrupts (HARDWARE), alarms (CLOCK). */
	void (*notify)(const message_t *m);
};

/* The endpoint requests come from: where the data grants belong. */
endpoint_t chardriver_client(void);
void chardriver_done(endpoint_t id, int status);
void chardriver_select_ready(uint32_t minor, uint32_t ops);
void chardriver_signal(int pgrp, int sig);

/* Handle one message if it is a character request (true), answering it. */
bool chardriver_handle(const struct chardriver_ops *ops, message_t *m,
		       int ipc_status);
void chardriver_run(const struct chardriver_ops *ops) __attribute__((noreturn));
