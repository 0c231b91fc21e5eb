// SPDX-License-Identifier: BSD-2-Clause
/*
 * The character-device protocol's client calls (see include/cdevclient.h).
 * Each builds its request's payload struct and goes through call(),
 * which sends it and takes the driver's CDEV_REPLY; the driver's
 * "answered later" (CDEV_SUSPENDED) becomes REPLY_LATER here, so the
 * client speaks libsys's word for it.
 */
#include <stdbool.h>
#include <string.h>

#include "cdevclient.h"
#include "libsys.h"

#define NEWS_MAX 256

static int call(endpoint_t drv, int type, const void *q, uint32_t len)
{
	if (drv == NONE)
		return CDEV_DEAD;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	memcpy(m.m_u.b, q, len);
	if (ipc_sendrec(drv, &m) < 0 || m.m_type != CDEV_REPLY)
		return CDEV_DEAD;
	int r = CDEV_REP(&m)->reply.status;
	return r == CDEV_SUSPENDED ? REPLY_LATER : r;
}

int cdev_req_open(endpoint_t drv, uint32_t minor, endpoint_t id, uint32_t flags,
		  int pgrp, int pid)
{
	struct cdev_open q = {minor, id, flags, pgrp, pid};
	return call(drv, CDEV_OPEN, &q, sizeof(q));
}

int cdev_req_close(endpoint_t drv, uint32_t minor)
{
	struct cdev_close q = {minor};
	return call(drv, CDEV_CLOSE, &q, sizeof(q));
}

int cdev_req_read(endpoint_t drv, uint32_t minor, endpoint_t id,
		  grant_id_t grant, uint32_t len, uint32_t flags, uint64_t pos)
{
	struct cdev_rw q = {minor, id, grant, len, flags, pos};
	return call(drv, CDEV_READ, &q, sizeof(q));
}

int cdev_req_write(endpoint_t drv, uint32_t minor, endpoint_t id,
		   grant_id_t grant, uint32_t len, uint32_t flags, uint64_t pos)
{
	struct cdev_rw q = {minor, id, grant, len, flags, pos};
	return call(drv, CDEV_WRITE, &q, sizeof(q));
}

int cdev_req_ioctl(endpoint_t drv, uint32_t minor, endpoint_t id,
		   uint32_t request, grant_id_t grant, uint32_t len, int pgrp,
		   int pid)
{
	struct cdev_ioctl q = {minor, id, grant, len, request, pgrp, pid};
	return call(drv, CDEV_IOCTL, &q, sizeof(q));
}

int cdev_req_cancel(endpoint_t drv, uint32_t minor, endpoint_t id)
{
	struct cdev_cancel q = {minor, id};
	return call(drv, CDEV_CANCEL, &q, sizeof(q));
}

int cdev_req_select(endpoint_t drv, uint32_t minor, uint32_t ops)
{
	struct cdev_select q = {minor, ops};
	return call(drv, CDEV_SELECT, &q, sizeof(q));
}

/* One item of news into its callback; false when there is none. */
static bool one_news(endpoint_t drv, const struct cdev_news *news)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_STATUS;
	if (ipc_sendrec(drv, &m) < 0)
		return false;
	const union cdev_rep *rep = CDEV_REP(&m);
	switch (m.m_type) {
	case CDEV_DONE:
		news->done(drv, rep->done.id, rep->done.status);
		return true;
	case CDEV_SEL_READY:
		news->select_ready(drv, rep->sel_ready.minor,
				   rep->sel_ready.ops);
		return true;
	case CDEV_SIGNAL:
		news->signal(drv, rep->signal.pgrp, rep->signal.sig);
		return true;
	default: /* CDEV_NO_STATUS, or nonsense */
		return false;
	}
}

int cdev_req_status(endpoint_t drv, const struct cdev_news *news)
{
	int n = 0;
	while (n < NEWS_MAX && one_news(drv, news))
		n++;
	return n;
}
