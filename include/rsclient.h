/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The reincarnation server's client call (lib/libsys/rs.c), used by
 * `service`, the RS test and the restart benchmark, so nobody fills RS
 * messages by hand.  The protocol and its errors are in proto/rs.h.
 */
#pragma once

#include "proto/rs.h"

/* One request to rs: label (or 0) in the request, buf/len (or 0) granted
 * to RS with access for this call only.  Returns RS's status (for
 * RS_LIST: the number of entries) or a negative errno; the whole reply
 * lands in *rep if rep is not 0. */
int rs_call(endpoint_t rs, int type, const char *label, void *buf, uint32_t len,
	    uint32_t access, struct rs_reply *rep);
