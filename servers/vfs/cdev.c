// SPDX-License-Identifier: BSD-2-Clause
/*
 * Character devices: VFS's side of proto/cdev.h.
 *
 * A device number is major << 8 | minor; the major picks the driver
 * (driver.c, which follows the data store).  An open file talks to the
 * instance that opened it (filp.drv) and to no other: once that one is
 * dead, every call is EIO.  Data moves straight between driver and program: VFS passes
 * the program's grant on as an indirect grant.  A request the driver
 * parks (CDEV_SUSPENDED) leaves the program waiting here (wait.c) until
 * the driver notifies VFS and hands over the result with CDEV_STATUS.
 */
#include <string.h>

#include "vfs.h"

/* One request to drv, answered at once.  A dead driver is forgotten (it
 * may come back as a new process) and the caller gets EIO. */
static int call(endpoint_t drv, uint32_t dev, int type, struct cdev_request *rq,
		struct cdev_reply *rep)
{
	if (drv == NONE)
		return -EIO;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	rq->minor = DEV_MINOR(dev);
	*CDEV_REQ(&m) = *rq;
	int r = ipc_sendrec(drv, &m);
	if (r < 0 || m.m_type != CDEV_REPLY) {
		driver_gone(drv);
		return -EIO;
	}
	if (rep)
		*rep = *CDEV_REP(&m);
	return CDEV_REP(&m)->status;
}

int cdev_open(struct vproc *p, struct filp *f)
{
	struct cdev_request rq = {
		.id = p->ep, .flags = f->flags, .pgrp = p->pgrp, .pid = p->pid};
	f->drv = dev_driver(f->dev);
	if (f->drv == NONE)
		return -ENXIO;
	int r = call(f->drv, f->dev, CDEV_OPEN, &rq, 0);
	if (r == -EIO && dev_driver(f->dev) != NONE) {
		f->drv = dev_driver(f->dev); /* a newer instance: once more */
		r = call(f->drv, f->dev, CDEV_OPEN, &rq, 0);
	}
	return r;
}

void cdev_close(struct filp *f)
{
	struct cdev_request rq = {.id = NONE};
	call(f->drv, f->dev, CDEV_CLOSE, &rq, 0);
}

int cdev_rw(struct vproc *p, struct filp *f, int type, const struct vfs_io *q)
{
	endpoint_t drv = f->drv;
	if (drv == NONE)
		return -EIO;
	if (q->len == 0)
		return 0;
	uint32_t access = type == VFS_READ ? GF_WRITE : GF_READ;
	grant_id_t g =
		grant_create_indirect(drv, p->ep, q->grant, 0, q->len, access);
	if (g < 0)
		return g;
	struct cdev_request rq = {.id = p->ep,
				  .grant = g,
				  .len = q->len,
				  .flags = f->flags & VO_NONBLOCK,
				  .pos = (uint64_t)f->pos};
	int r = call(drv, f->dev, type == VFS_READ ? CDEV_READ : CDEV_WRITE,
		     &rq, 0);
	if (r != CDEV_SUSPENDED) {
		grant_revoke(g);
		if (r > 0)
			f->pos += r;
		return r == -EPERM ? -EFAULT : r;
	}
	p->wdriver = drv;
	p->wgrant = g;
	p->wfilp = f;
	return wait_begin(p, W_CDEV, type, q);
}

int cdev_ioctl(struct vproc *p, struct filp *f, const struct vfs_ioctl *q)
{
	endpoint_t drv = f->drv;
	grant_id_t g = GRANT_INVALID;
	if (drv == NONE)
		return -EIO;
	if (q->len > 4096)
		return -EINVAL;
	if (q->len) {
		g = grant_create_indirect(drv, p->ep, q->grant, 0, q->len,
					  GF_READ | GF_WRITE);
		if (g < 0)
			return g;
	}
	struct cdev_request rq = {.id = p->ep,
				  .grant = g,
				  .len = q->len,
				  .request = q->request,
				  .pgrp = p->pgrp,
				  .pid = p->pid};
	int r = call(drv, f->dev, CDEV_IOCTL, &rq, 0);
	if (q->len)
		grant_revoke(g);
	return r == -EPERM && q->len ? -EFAULT : r;
}

int cdev_select(struct filp *f, int ops, bool notify)
{
	struct cdev_request rq = {.id = NONE,
				  .flags = (uint32_t)ops |
					   (notify ? CDEV_SEL_NOTIFY : 0)};
	int r = call(f->drv, f->dev, CDEV_SELECT, &rq, 0);
	return r < 0 ? ops : r; /* a broken device is "ready": to fail */
}

void cdev_cancel(struct vproc *p)
{
	struct cdev_request rq = {.id = p->ep};
	int r = call(p->wdriver, p->wfilp->dev, CDEV_CANCEL, &rq, 0);
	grant_revoke(p->wgrant);
	wait_end(p, r == CDEV_SUSPENDED ? -EINTR : r);
}

/* A terminal's ^C: the signal goes to every process in the group, by
 * the kernel to their manager (PM), so VFS never calls PM. */
static void signal_group(int pgrp, int sig)
{
	int i = 0;
	if (pgrp <= 0 || sig <= 0 || sig > 31)
		return;
	for (struct vproc *p; (p = vproc_next(&i));)
		if (p->pgrp == pgrp)
			sys_kill(p->ep, (uint32_t)sig);
}

static void finished(endpoint_t drv, const struct cdev_reply *rep)
{
	struct vproc *p = vproc_by_ep(rep->id);
	if (!p || p->wait != W_CDEV || p->wdriver != drv)
		return; /* it was cancelled meanwhile */
	grant_revoke(p->wgrant);
	wait_end(p, rep->status == -EPERM ? -EFAULT : rep->status);
}

bool cdev_news(endpoint_t from)
{
	if (!driver_known(from))
		return false;
	for (int n = 0; n < 256; n++) {
		message_t msg;
		memset(&msg, 0, sizeof(msg));
		msg.m_type = CDEV_STATUS;
		if (ipc_sendrec(from, &msg) < 0)
			break;
		if (msg.m_type == CDEV_DONE)
			finished(from, CDEV_REP(&msg));
		else if (msg.m_type == CDEV_SEL_READY)
			wait_changed();
		else if (msg.m_type == CDEV_SIGNAL)
			signal_group(CDEV_REP(&msg)->id,
				     CDEV_REP(&msg)->status);
		else
			break;
	}
	return true;
}
