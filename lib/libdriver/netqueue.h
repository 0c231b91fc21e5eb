/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Inside the network-driver framework: netqueue.c holds the session,
 * the queues and the news of proto/ndev.h, with no system call but the
 * replies and notifications (and peer.c's check of who may INIT), so
 * the host test tests/unit/test_netdriver.c runs it as the OS does.
 * netdriver.c owns the rest: start-up, the DS announcement, the loop
 * and the copies through grants.
 *
 *   netq_setup     once, after ops->init: the driver's callbacks, what
 *                  it reported, and the instance's restart count.
 *   netq_request   one request: checked, acted on and answered.
 *   netq_progress  after every message: hand queued frames and buffers
 *                  to the driver while it takes them, and NOTIFY the
 *                  client if there is news it has not been told of.
 */
#pragma once

#include "abi/message.h"
#include "netdriver.h"

void netq_setup(const struct netdriver_ops *ops,
		const struct netdriver_info *info, uint32_t restarts);
void netq_request(const message_t *m);
void netq_progress(void);
