// SPDX-License-Identifier: BSD-2-Clause
/*
 * Pipes: a ring buffer of PIPE_SIZE bytes inside VFS, with a read end
 * and a write end (each an open file, so dup and fork share them).
 *
 * POSIX's rules: a read of an empty pipe waits, or returns 0 (end of
 * file) once no writer is left; a write of at most PIPE_ATOMIC bytes is
 * never interleaved with other writes (it waits until it fits whole);
 * a longer one moves what fits and waits for the rest.  A write with no
 * reader left gets EPIPE and raises SIGPIPE.  With O_NONBLOCK the waits
 * become EAGAIN (or a short count).
 */
#include <string.h>

#include "vfs.h"

#define NR_PIPES 64
#define PIPE_SIZE 4096
#define PIPE_ATOMIC 512 /* PIPE_BUF */
#define SIGPIPE 13

struct pipe {
	bool used;
	uint32_t head, count;
	int readers, writers;
	uint8_t buf[PIPE_SIZE];
};

static struct pipe pipes[NR_PIPES];

int do_pipe(struct vproc *p, const union vfs_req *req, union vfs_rep *rep)
{
	(void)req;
	struct pipe *pp = 0;
	for (int i = 0; i < NR_PIPES && !pp; i++)
		if (!pipes[i].used)
			pp = &pipes[i];
	if (!pp)
		return -ENFILE;
	struct filp *r = filp_new(FK_PIPE, VO_RDONLY);
	if (!r)
		return -ENFILE;
	r->refs = 1; /* so the next filp_new passes it by */
	struct filp *w = filp_new(FK_PIPE, VO_WRONLY);
	if (!w) {
		r->refs = 0;
		return -ENFILE;
	}
	int rfd = fd_install(p, r, 0);
	int wfd = rfd < 0 ? rfd : fd_install(p, w, 0);
	if (wfd < 0) {
		if (rfd >= 0)
			p->fd[rfd] = 0;
		r->refs = 0;
		return -EMFILE;
	}
	memset(pp, 0, sizeof(*pp) - sizeof(pp->buf));
	pp->used = true;
	pp->readers = pp->writers = 1;
	w->refs = 1;
	r->pipe = w->pipe = pp;
	rep->pipe.rfd = rfd;
	rep->pipe.wfd = wfd;
	return 0;
}

void pipe_close(struct pipe *pp, uint32_t flags)
{
	if ((flags & VO_ACCMODE) == VO_RDONLY)
		pp->readers--;
	else
		pp->writers--;
	if (!pp->readers && !pp->writers)
		pp->used = false;
	wait_changed();
}

int pipe_ready(struct pipe *pp, uint32_t flags, int ops)
{
	int ready = 0;
	if ((flags & VO_ACCMODE) == VO_RDONLY) {
		if (pp->count || !pp->writers)
			ready |= ops & CDEV_SEL_RD;
	} else if (pp->count < PIPE_SIZE || !pp->readers) {
		ready |= ops & CDEV_SEL_WR;
	}
	return ready;
}

/* Move n bytes between the ring at `at` and the program's grant. */
static int copy(struct vproc *p, struct pipe *pp, bool out, uint32_t at,
		grant_id_t g, uint32_t goff, uint32_t n)
{
	uint32_t first = n < PIPE_SIZE - at ? n : PIPE_SIZE - at;
	for (int part = 0; part < 2 && n; part++) {
		uint32_t len = part ? n - first : first;
		uint8_t *buf = pp->buf + (part ? 0 : at);
		int r = out ? sys_safecopyto(p->ep, g, goff, buf, len)
			    : sys_safecopyfrom(p->ep, g, goff, buf, len);
		if (r < 0)
			return -EFAULT;
		goff += len;
	}
	return 0;
}

static int pipe_read(struct vproc *p, struct pipe *pp, struct filp *f,
		     const struct vfs_io *q)
{
	if (q->len == 0)
		return 0;
	if (pp->count == 0) {
		if (!pp->writers)
			return 0;
		return f->flags & VO_NONBLOCK ? -EAGAIN : REPLY_LATER;
	}
	uint32_t n = q->len < pp->count ? q->len : pp->count;
	if (copy(p, pp, true, pp->head, q->grant, 0, n) < 0)
		return -EFAULT;
	pp->head = (pp->head + n) % PIPE_SIZE;
	pp->count -= n;
	wait_changed();
	return (int)n;
}

static int pipe_write(struct vproc *p, struct pipe *pp, struct filp *f,
		      const struct vfs_io *q, uint32_t *done)
{
	if (!pp->readers) {
		sys_kill(p->ep, SIGPIPE);
		return *done ? (int)*done : -EPIPE;
	}
	uint32_t left = q->len - *done, room = PIPE_SIZE - pp->count;
	if (left == 0)
		return (int)q->len;
	if (room == 0 || (q->len <= PIPE_ATOMIC && room < left)) {
		if (f->flags & VO_NONBLOCK)
			return *done ? (int)*done : -EAGAIN;
		return REPLY_LATER;
	}
	uint32_t n = left < room ? left : room;
	uint32_t tail = (pp->head + pp->count) % PIPE_SIZE;
	if (copy(p, pp, false, tail, q->grant, *done, n) < 0)
		return *done ? (int)*done : -EFAULT;
	pp->count += n;
	*done += n;
	wait_changed();
	if (*done == q->len)
		return (int)q->len;
	return f->flags & VO_NONBLOCK ? (int)*done : REPLY_LATER;
}

static int attempt(struct vproc *p, struct filp *f, int type,
		   const struct vfs_io *q)
{
	if (type == VFS_READ)
		return pipe_read(p, f->pipe, f, q);
	return pipe_write(p, f->pipe, f, q, &p->wdone);
}

int pipe_rw(struct vproc *p, struct filp *f, int type, const struct vfs_io *q)
{
	p->wdone = 0;
	int r = attempt(p, f, type, q);
	if (r != REPLY_LATER)
		return r;
	p->wfilp = f;
	return wait_begin(p, W_PIPE, type, q);
}

void pipe_retry(struct vproc *p)
{
	int r = attempt(p, p->wfilp, p->wtype, &p->wio);
	if (r != REPLY_LATER)
		wait_end(p, r);
}
