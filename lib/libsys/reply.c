// SPDX-License-Identifier: BSD-2-Clause
/*
 * The answer to a request, for every server and driver.  A server never
 * waits for a client: the reply goes out with SENDNB, so a client that
 * has gone, or that sent instead of SENDREC and is not waiting, loses
 * its reply and nobody else is held up.  The payload is the protocol's
 * reply struct (`len` bytes of `body`); the rest of the message is
 * zero, so no stale bytes of the request travel back.
 */
#include <string.h>

#include "libsys.h"

int ipc_reply(endpoint_t to, int type, const void *body, uint32_t len)
{
	if (len > MSG_PAYLOAD)
		return -EINVAL;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	if (body && len)
		memcpy(m.m_u.b, body, len);
	return ipc_sendnb(to, &m);
}
