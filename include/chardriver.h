/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The character-driver framework (lib/libdriver/chardriver.c) for
 * proto/cdev.h.  A driver fills in the callbacks; the library checks and
 * answers every request, and keeps the news (finished requests, select
 * readiness, terminal signals) for the clients it is meant for,
 * notifying each when it has some.
 *
 * Every callback that serves a request is told who asked (`caller`):
 * the endpoint the request's grants belong to and the one to answer.
 * There is no "current client".  A read or write callback may return
 * REPLY_LATER (libsys.h; the library answers CDEV_SUSPENDED), keep the
 * caller with the request, and finish it later
 * with chardriver_done(caller, id, status); select news and signals
 * likewise name the client they are for.  Callbacks left 0 answer ENXIO
 * (open and close: success).
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "abi/message.h"
#include "proto/cdev.h"

struct chardriver_ops {
	int (*open)(endpoint_t caller, uint32_t minor,
		    const struct cdev_open *q);
	int (*close)(endpoint_t caller, uint32_t minor);
	/* Bytes moved, an error, or REPLY_LATER. */
	int (*read)(endpoint_t caller, uint32_t minor, const struct cdev_rw *q);
	int (*write)(endpoint_t caller, uint32_t minor,
		     const struct cdev_rw *q);
	int (*ioctl)(endpoint_t caller, uint32_t minor,
		     const struct cdev_ioctl *q);
	/* End the request `id` that caller's kept: its result (or -EINTR). */
	int (*cancel)(endpoint_t caller, uint32_t minor, endpoint_t id);
	/* The ready subset of ops; with CDEV_SEL_NOTIFY, remember caller
	 * and call chardriver_select_ready(caller, ...) when one becomes
	 * ready. */
	int (*select)(endpoint_t caller, uint32_t minor, uint32_t ops);
	/* Notifications: interrupts (HARDWARE), alarms (CLOCK). */
	void (*notify)(const message_t *m);
};

/* News for client `to`, which collects it with CDEV_STATUS. */
void chardriver_done(endpoint_t to, endpoint_t id, int status);
void chardriver_select_ready(endpoint_t to, uint32_t minor, uint32_t ops);
void chardriver_signal(endpoint_t to, int pgrp, int sig);

/* Handle one message if it is a character request (true), answering it. */
bool chardriver_handle(const struct chardriver_ops *ops, message_t *m,
		       int ipc_status);
void chardriver_run(const struct chardriver_ops *ops) __attribute__((noreturn));
