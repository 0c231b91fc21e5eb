// SPDX-License-Identifier: BSD-2-Clause
/*
 * Character devices: VFS's side of proto/cdev.h.
 *
 * A device number is major << 8 | minor; the major picks the driver
 * (driver.c, which follows the data store).  An open file talks to the
 * instance that opened it (filp.drv) and to no other: once that one is
 * dead, every call is EIO.  Data moves straight between driver and program: VFS passes
 * the program's grant on as an indirect grant.  A request the driver
 * parks (REPLY_LATER from the client library, cdevclient.h) leaves the
 * program waiting here (wait.c) until the driver notifies VFS and hands
 * over the result with its news.
 */
#include "cdevclient.h"
#include "vfs.h"

/* The driver's answer r from drv.  A dead driver is forgotten (it may
 * come back as a new process) and the caller gets EIO. */
int cdev_answered(endpoint_t drv, int r)
{
	if (r != CDEV_DEAD)
		return r;
	driver_gone(drv);
	return -EIO;
}

/* The minor a request names: a socket's is INET's number for it. */
static uint32_t minor_of(const struct filp *f)
{
	return f->kind == FK_SOCK ? f->dev : DEV_MINOR(f->dev);
}

static int open_on(struct vproc *p, struct filp *f)
{
	return cdev_answered(f->drv, cdev_req_open(f->drv, minor_of(f), p->ep,
						   f->flags, p->pgrp, p->pid));
}

int cdev_open(struct vproc *p, struct filp *f)
{
	f->drv = dev_driver(f->dev);
	if (f->drv == NONE)
		return -ENXIO;
	int r = open_on(p, f);
	if (r == -EIO && dev_driver(f->dev) != NONE) {
		f->drv = dev_driver(f->dev); /* a newer instance: once more */
		r = open_on(p, f);
	}
	return r;
}

void cdev_close(struct filp *f)
{
	cdev_answered(f->drv, cdev_req_close(f->drv, minor_of(f)));
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
	uint32_t minor = minor_of(f), flags = f->flags & VO_NONBLOCK;
	uint64_t pos = (uint64_t)f->pos;
	int r = type == VFS_READ ? cdev_req_read(drv, minor, p->ep, g, q->len,
						 flags, pos)
				 : cdev_req_write(drv, minor, p->ep, g, q->len,
						  flags, pos);
	r = cdev_answered(drv, r);
	if (r != REPLY_LATER) {
		grant_revoke(g);
		if (r > 0)
			f->pos += r;
		return r;
	}
	p->wdriver = drv;
	p->wgrant = g;
	p->wgrant2 = GRANT_INVALID;
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
	int r = cdev_answered(drv, cdev_req_ioctl(drv, minor_of(f), p->ep,
						  q->request, g, q->len,
						  p->pgrp, p->pid));
	if (q->len)
		grant_revoke(g);
	return r;
}

int cdev_select(struct filp *f, int ops, bool notify)
{
	uint32_t want = (uint32_t)ops | (notify ? CDEV_SEL_NOTIFY : 0);
	int r = cdev_answered(f->drv,
			      cdev_req_select(f->drv, minor_of(f), want));
	return r < 0 ? ops : r; /* a broken device is "ready": to fail */
}

void cdev_cancel(struct vproc *p)
{
	endpoint_t drv = p->wdriver;
	int r = cdev_answered(drv,
			      cdev_req_cancel(drv, minor_of(p->wfilp), p->ep));
	wait_end(p, cdev_wait_result(p, r == REPLY_LATER ? -EINTR : r));
}

int cdev_wait_result(struct vproc *p, int status)
{
	if (p->wfilp && p->wfilp->kind == FK_SOCK)
		return sock_finished(p, status);
	grant_revoke(p->wgrant);
	return status;
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

static void finished(endpoint_t drv, endpoint_t id, int status)
{
	struct vproc *p = vproc_by_ep(id);
	if (!p || p->wait != W_CDEV || p->wdriver != drv)
		return; /* it was cancelled meanwhile */
	wait_end(p, cdev_wait_result(p, status));
}

static void changed(endpoint_t drv, uint32_t minor, uint32_t ops)
{
	(void)drv, (void)minor, (void)ops;
	wait_changed();
}

static void signalled(endpoint_t drv, int pgrp, int sig)
{
	(void)drv;
	signal_group(pgrp, sig);
}

bool cdev_news(endpoint_t from)
{
	static const struct cdev_news news = {finished, changed, signalled};
	if (!driver_known(from))
		return false;
	cdev_req_status(from, &news);
	return true;
}
