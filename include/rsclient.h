/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The reincarnation server's client calls (lib/libsys/rs.c), used by
 * `service`, the tests and the restart benchmark, so nobody fills RS
 * messages by hand.  The protocol and its errors are in proto/rs.h;
 * a service's own side (RS_INIT, heartbeats) is lib/libsys/sef.c.
 *
 * Each call takes RS's endpoint and returns RS's status or a negative
 * errno (-ENAMETOOLONG for a label of RS_LABEL_MAX bytes or more, before
 * anything is sent).  A buffer is granted to RS for the one call:
 *
 *     static struct rs_info all[16];
 *     int n = rs_list(rs, all, 16);    -> n entries, or an errno
 */
#pragma once

#include "proto/rs.h"

/* Start *u; *ep (if not 0) = the new service's endpoint. */
int rs_up(endpoint_t rs, const struct rs_up *u, endpoint_t *ep);
int rs_down(endpoint_t rs, const char *label);
int rs_restart(endpoint_t rs, const char *label);
int rs_refresh(endpoint_t rs, const char *label);
/* Up to max entries into out; returns how many. */
int rs_list(endpoint_t rs, struct rs_info *out, uint32_t max);
/* kind: RS_FI_CRASH or RS_FI_HANG. */
int rs_fi(endpoint_t rs, const char *label, uint32_t kind);
