/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * INET's calls to a network driver (lib/libsys/ndev.c), so that nobody
 * fills NDEV messages by hand.  The protocol, its rules and its errors
 * are in proto/ndev.h.  Each call is one SENDREC to the driver `drv`
 * and returns 0 or a negative errno: the driver's answer, the IPC
 * error when the driver is gone (-EDEADSRCDST and friends), or -EIO
 * for an answer that breaks the protocol (wrong type, another
 * session's number, a positive status, a count over NDEV_COLLECT_MAX,
 * `more` other than 0 or 1, a link state or queue limit out of range):
 * a driver is not trusted to answer sensibly.
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
#include "proto/ndev.h"

int ndev_init(endpoint_t drv, uint32_t session, struct ndev_init_reply *out);
int ndev_conf(endpoint_t drv, uint32_t session, uint32_t mode);
int ndev_send(endpoint_t drv, uint32_t session, uint32_t id, grant_id_t grant,
	      uint32_t len);
int ndev_recv(endpoint_t drv, uint32_t session, uint32_t id, grant_id_t grant,
	      uint32_t size);
int ndev_collect(endpoint_t drv, uint32_t session,
		 struct ndev_collect_reply *out);
