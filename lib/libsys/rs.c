// SPDX-License-Identifier: BSD-2-Clause
/* The reincarnation server's client call: see include/rsclient.h. */
#include <string.h>

#include "libsys.h"
#include "rsclient.h"

int rs_call(endpoint_t rs, int type, const char *label, void *buf, uint32_t len,
	    uint32_t access, struct rs_reply *rep)
{
	if (label && strlen(label) >= RS_LABEL_MAX)
		return -ENAMETOOLONG;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	struct rs_request *q = RS_REQ(&m);
	if (label)
		strcpy(q->label, label);
	grant_id_t g = GRANT_INVALID;
	if (buf) {
		g = grant_create(rs, buf, len, access);
		if (g < 0)
			return g;
	}
	q->grant = g;
	q->len = len;
	int r = ipc_sendrec(rs, &m);
	if (g >= 0)
		grant_revoke(g);
	if (r < 0)
		return r;
	if (rep)
		*rep = *RS_REP(&m);
	return RS_REP(&m)->status;
}
