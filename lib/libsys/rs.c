// SPDX-License-Identifier: BSD-2-Clause
/*
 * The reincarnation server's client calls: see include/rsclient.h.  A
 * request carries a label or a grant; call() sends it and gives back
 * the status and the endpoint of the reply.
 */
#include <string.h>

#include "libsys.h"
#include "rsclient.h"

static int call(endpoint_t rs, int type, const union rs_req *q, endpoint_t *ep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*RS_REQ(&m) = *q;
	int r = ipc_sendrec(rs, &m);
	if (r < 0)
		return r;
	if (ep)
		*ep = RS_REP(&m)->reply.ep;
	return RS_REP(&m)->reply.status;
}

/* A request naming one service: the label is the first field of each. */
static int by_label(endpoint_t rs, int type, const char *label, uint32_t kind)
{
	if (strlen(label) >= RS_LABEL_MAX)
		return -ENAMETOOLONG;
	union rs_req q;
	memset(&q, 0, sizeof(q));
	if (type == RS_FI) {
		strcpy(q.fi.label, label);
		q.fi.kind = kind;
	} else {
		strcpy(q.down.label, label);
	}
	return call(rs, type, &q, 0);
}

/* A request with a buffer granted to RS for this call only. */
static int with_buf(endpoint_t rs, int type, const void *buf, uint32_t len,
		    uint32_t access, endpoint_t *ep)
{
	grant_id_t g = grant_create(rs, buf, len, access);
	if (g < 0)
		return g;
	union rs_req q;
	memset(&q, 0, sizeof(q));
	q.up.grant = g;
	q.up.len = len;
	int r = call(rs, type, &q, ep);
	grant_revoke(g);
	return r;
}

int rs_up(endpoint_t rs, const struct rs_up *u, endpoint_t *ep)
{
	return with_buf(rs, RS_UP, u, sizeof(*u), GF_READ, ep);
}

int rs_down(endpoint_t rs, const char *label)
{
	return by_label(rs, RS_DOWN, label, 0);
}

int rs_restart(endpoint_t rs, const char *label)
{
	return by_label(rs, RS_RESTART, label, 0);
}

int rs_refresh(endpoint_t rs, const char *label)
{
	return by_label(rs, RS_REFRESH, label, 0);
}

int rs_list(endpoint_t rs, struct rs_info *out, uint32_t max)
{
	return with_buf(rs, RS_LIST, out, max * (uint32_t)sizeof(*out),
			GF_WRITE, 0);
}

int rs_fi(endpoint_t rs, const char *label, uint32_t kind)
{
	return by_label(rs, RS_FI, label, kind);
}
