// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sockets: VFS's side of proto/sock.h.
 *
 * A socket is an open file (FK_SOCK) that names the INET instance that
 * made it (filp.drv) and INET's number for it (filp.dev).  Reading,
 * writing, ioctl, select and the last close go to INET as character-
 * device requests on that number (cdev.c), so descriptors, dup, fork,
 * O_NONBLOCK and select work as for any device; the calls here are
 * the ones a file does not have.  INET is found and followed like a
 * driver (driver.c, MAJOR_INET): when the instance dies its sockets
 * are broken for good (EIO), and new ones go to the next instance.
 *
 * Calls that may wait (connect, accept, sendto, recvfrom) are kept by
 * INET, which sends the result as CDEV_DONE news; the caller waits in
 * W_CDEV like a terminal read (cdev.c finishes it), and a signal
 * cancels it.  An accepted socket gets its descriptor when INET's
 * answer comes (sock_accepted); if the caller has no free descriptor
 * by then the new socket is closed and the caller gets EMFILE.
 * Addresses and option values travel inline; the program's buffers for
 * data and returned addresses are passed to INET as indirect grants.
 */
#include "sockclient.h"
#include "vfs.h"

static endpoint_t inet_now(void)
{
	return dev_driver(DEV_MAKE(MAJOR_INET, 0));
}

static int sock_of(struct vproc *p, int32_t fd, struct filp **out)
{
	struct filp *f = fd_get(p, fd);
	if (!f)
		return -EBADF;
	if (f->kind != FK_SOCK)
		return -ENOTSOCK;
	if (f->drv == NONE)
		return -EIO;
	*out = f;
	return 0;
}

/* A new open file and descriptor for INET's socket `sock`. */
static int install(struct vproc *p, endpoint_t inet, uint32_t sock,
		   uint32_t flags)
{
	uint32_t nonblock = flags & VFS_SOCK_NONBLOCK ? VO_NONBLOCK : 0;
	struct filp *f = filp_new(FK_SOCK, VO_RDWR | nonblock);
	int fd = f ? fd_install(p, f, 0) : -ENFILE;
	if (fd < 0) {
		cdev_answered(inet, cdev_req_close(inet, sock));
		return fd;
	}
	f->refs = 1;
	f->drv = inet;
	f->dev = sock;
	if (flags & VFS_SOCK_CLOEXEC)
		p->cloexec |= 1ull << fd;
	return fd;
}

static bool has_free_fd(const struct vproc *p)
{
	for (int fd = 0; fd < VFS_OPEN_MAX; fd++)
		if (!p->fd[fd])
			return true;
	return false;
}

int do_socket(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_socket *q = &req->socket;
	const int32_t flags = VFS_SOCK_NONBLOCK | VFS_SOCK_CLOEXEC;
	endpoint_t inet = inet_now();
	if (inet == NONE)
		return -EAFNOSUPPORT;
	if (!has_free_fd(p))
		return -EMFILE;
	int r = cdev_answered(inet, sock_req_create(inet, p->ep, q->domain,
						    q->type & ~flags,
						    q->protocol, p->uid));
	if (r < 0)
		return r;
	return install(p, inet, (uint32_t)r, (uint32_t)(q->type & flags));
}

/* A call INET kept: p waits for its news (cdev.c: finished). */
static int kept(struct vproc *p, struct filp *f, int type, grant_id_t g,
		grant_id_t g2)
{
	p->wdriver = f->drv;
	p->wgrant = g;
	p->wgrant2 = g2;
	p->wfilp = f;
	return wait_begin(p, W_CDEV, type, 0);
}

static grant_id_t pass_on(struct vproc *p, endpoint_t inet, grant_id_t g,
			  uint32_t len, uint32_t access)
{
	if (len == 0)
		return GRANT_INVALID;
	return grant_create_indirect(inet, p->ep, g, 0, len, access);
}

static void revoke(grant_id_t g)
{
	if (g != GRANT_INVALID)
		grant_revoke(g);
}

/* What a kept call's result becomes: grants go; an accepted socket
 * gets its descriptor. */
int sock_finished(struct vproc *p, int status)
{
	revoke(p->wgrant);
	revoke(p->wgrant2);
	p->wgrant = p->wgrant2 = GRANT_INVALID;
	if (p->wtype == VFS_ACCEPT && status >= 0)
		return install(p, p->wdriver, (uint32_t)status, p->wflags);
	return status;
}

/* What INET did with a call that may wait: kept, it waits with its
 * grants (sock_finished ends it); answered, its grants go now. */
static int kept_or_done(struct vproc *p, struct filp *f, int type, int r,
			grant_id_t g, grant_id_t ga)
{
	if (r == REPLY_LATER)
		return kept(p, f, type, g, ga);
	revoke(g);
	revoke(ga);
	return r;
}

int do_bind(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_sockaddr *q = &req->bind;
	struct filp *f;
	int r = sock_of(p, q->fd, &f);
	if (r < 0)
		return r;
	if (q->addr_len > VFS_SOCK_ADDR_MAX)
		return -EINVAL;
	return cdev_answered(
		f->drv, sock_req_bind(f->drv, f->dev, q->addr, q->addr_len));
}

int do_connect(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_sockaddr *q = &req->connect;
	struct filp *f;
	int r = sock_of(p, q->fd, &f);
	if (r < 0)
		return r;
	if (q->addr_len > VFS_SOCK_ADDR_MAX)
		return -EINVAL;
	r = cdev_answered(f->drv, sock_req_connect(f->drv, f->dev, p->ep,
						   f->flags & VO_NONBLOCK,
						   q->addr, q->addr_len));
	return kept_or_done(p, f, VFS_CONNECT, r, GRANT_INVALID, GRANT_INVALID);
}

int do_listen(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	struct filp *f;
	int r = sock_of(p, req->listen.fd, &f);
	if (r < 0)
		return r;
	return cdev_answered(
		f->drv, sock_req_listen(f->drv, f->dev, req->listen.backlog));
}

int do_accept(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_accept *q = &req->accept;
	const uint32_t flags = VFS_SOCK_NONBLOCK | VFS_SOCK_CLOEXEC;
	struct filp *f;
	int r = sock_of(p, q->fd, &f);
	if (r < 0)
		return r;
	if (q->flags & ~flags || q->len > VFS_SOCK_ADDR_MAX)
		return -EINVAL;
	if (!has_free_fd(p))
		return -EMFILE;
	grant_id_t g = pass_on(p, f->drv, q->grant, q->len, GF_WRITE);
	if (g < 0 && g != GRANT_INVALID)
		return g;
	r = cdev_answered(f->drv,
			  sock_req_accept(f->drv, f->dev, p->ep,
					  f->flags & VO_NONBLOCK, g, q->len));
	p->wflags = q->flags;
	if (r == REPLY_LATER)
		return kept(p, f, VFS_ACCEPT, g, GRANT_INVALID);
	revoke(g);
	if (r < 0)
		return r;
	return install(p, f->drv, (uint32_t)r, q->flags);
}

int do_sendto(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_sendto *q = &req->sendto;
	struct filp *f;
	int r = sock_of(p, q->fd, &f);
	if (r < 0)
		return r;
	if (q->addr_len > VFS_SOCK_ADDR_MAX || q->len > 0x7fffffff)
		return -EINVAL;
	grant_id_t g = pass_on(p, f->drv, q->grant, q->len, GF_READ);
	if (g < 0 && g != GRANT_INVALID)
		return g;
	r = cdev_answered(f->drv,
			  sock_req_sendto(f->drv, f->dev, p->ep,
					  f->flags & VO_NONBLOCK, g, q->len,
					  q->msg_flags, q->addr, q->addr_len));
	return kept_or_done(p, f, VFS_SENDTO, r, g, GRANT_INVALID);
}

int do_recvfrom(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_recvfrom *q = &req->recvfrom;
	struct filp *f;
	int r = sock_of(p, q->fd, &f);
	if (r < 0)
		return r;
	if (q->addr_len > VFS_SOCK_ADDR_MAX || q->len > 0x7fffffff)
		return -EINVAL;
	grant_id_t g = pass_on(p, f->drv, q->grant, q->len, GF_WRITE);
	if (g < 0 && g != GRANT_INVALID)
		return g;
	grant_id_t ga =
		pass_on(p, f->drv, q->addr_grant, q->addr_len, GF_WRITE);
	if (ga < 0 && ga != GRANT_INVALID) {
		revoke(g);
		return ga;
	}
	r = cdev_answered(f->drv,
			  sock_req_recvfrom(f->drv, f->dev, p->ep,
					    f->flags & VO_NONBLOCK, g, q->len,
					    q->msg_flags, ga, q->addr_len));
	return kept_or_done(p, f, VFS_RECVFROM, r, g, ga);
}

int do_shutdown(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	struct filp *f;
	int r = sock_of(p, req->shutdown.fd, &f);
	if (r < 0)
		return r;
	return cdev_answered(
		f->drv, sock_req_shutdown(f->drv, f->dev, req->shutdown.how));
}

int do_setsockopt(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)rep;
	const struct vfs_setsockopt *q = &req->setsockopt;
	struct filp *f;
	int r = sock_of(p, q->fd, &f);
	if (r < 0)
		return r;
	if (q->len > VFS_SOCK_OPT_MAX)
		return -EINVAL;
	return cdev_answered(f->drv,
			     sock_req_setopt(f->drv, f->dev, q->level, q->name,
					     q->value, q->len));
}

int do_getsockopt(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	const struct vfs_getsockopt *q = &req->getsockopt;
	struct vfs_sockopt_reply *out = &rep->getsockopt;
	struct filp *f;
	int r = sock_of(p, q->fd, &f);
	if (r < 0)
		return r;
	out->len = q->len > VFS_SOCK_OPT_MAX ? VFS_SOCK_OPT_MAX : q->len;
	return cdev_answered(f->drv,
			     sock_req_getopt(f->drv, f->dev, q->level, q->name,
					     out->value, &out->len));
}

static int getname(struct vproc *p, int32_t fd, int peer,
		   struct vfs_sockname_reply *out)
{
	struct filp *f;
	int r = sock_of(p, fd, &f);
	if (r < 0)
		return r;
	return cdev_answered(f->drv,
			     sock_req_getname(f->drv, f->dev, peer, out->addr,
					      &out->addr_len));
}

int do_getsockname(struct vproc *p, const union vfs_req *req,
		   union vfs_rep *rep)
{
	return getname(p, req->getsockname.fd, 0, &rep->getsockname);
}

int do_getpeername(struct vproc *p, const union vfs_req *req,
		   union vfs_rep *rep)
{
	return getname(p, req->getpeername.fd, 1, &rep->getpeername);
}
