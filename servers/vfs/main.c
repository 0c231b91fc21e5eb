// SPDX-License-Identifier: BSD-2-Clause
/*
 * VFS: the virtual file system server.
 *
 * Programs open, read and write files by path and descriptor here.  VFS
 * keeps each process's descriptors, working directory and file-mode
 * mask (fd.c, proc.c), resolves paths a component at a time (path.c)
 * and hands the work to the right place: the file server for files and
 * directories (file.c, names.c, attr.c through fsio.c), a character
 * driver for device files (cdev.c), its own buffers for pipes (pipe.c).
 * The tree is the root volume with more volumes mounted on it
 * (mount.c).
 *
 * VFS never waits for anyone who might wait for it.  It calls the file
 * server and drivers with SENDREC, but they answer at once; a call that
 * has to wait (an empty pipe, a terminal with no line yet, select) is
 * parked in the caller's vproc (wait.c) and answered later.  PM tells
 * VFS about forks, exits, execs and signals with notices (proc.c), and
 * has it open the program file of an exec as the exec'ing process
 * would (open.c); VFS never calls PM.
 */
#include <string.h>

#include "vfs.h"

static struct vproc procs[NR_PROCS];

void vfs_answer(endpoint_t to, int status, const struct vfs_reply *rep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = VFS_REPLY;
	if (rep)
		*VFS_REP(&m) = *rep;
	VFS_REP(&m)->status = status;
	ipc_sendnb(to, &m);
}

struct vproc *vproc_by_ep(endpoint_t ep)
{
	if (ep < 0 || EP_SLOT(ep) >= NR_PROCS)
		return 0;
	struct vproc *p = &procs[EP_SLOT(ep)];
	return p->ep == ep ? p : 0;
}

struct vproc *vproc_next(int *slot)
{
	while (*slot < NR_PROCS) {
		struct vproc *p = &procs[(*slot)++];
		if (p->ep != NONE)
			return p;
	}
	return 0;
}

struct vproc *vproc_of(endpoint_t ep)
{
	struct vproc *p = &procs[EP_SLOT(ep)];
	if (p->ep != ep)
		proc_reset(p, ep);
	return p;
}

static int handle_fd_call(struct vproc *p, int type,
			  const struct vfs_request *q, struct vfs_reply *rep)
{
	switch (type) {
	case VFS_CLOSE:
		return fd_close(p, q->fd);
	case VFS_READ:
	case VFS_WRITE:
		return do_rw(p, type, q);
	case VFS_LSEEK:
		return do_lseek(p, q, rep);
	case VFS_FSTAT:
		return do_stat(p, type, q, rep);
	case VFS_GETDENTS:
		return do_getdents(p, q);
	case VFS_FTRUNCATE:
		return do_truncate(p, type, q);
	case VFS_DUP:
		return do_dup(p, q);
	case VFS_FCNTL:
		return do_fcntl(p, q);
	case VFS_FCHDIR:
		return do_chdir(p, type, q);
	case VFS_FCHMOD:
		return do_attr(p, type, q);
	case VFS_FSTATVFS:
		return do_statvfs(p, type, q, rep);
	case VFS_IOCTL: {
		struct filp *f = fd_get(p, q->fd);
		if (!f)
			return -EBADF;
		return f->kind == FK_CDEV ? cdev_ioctl(p, f, q) : -ENOTTY;
	}
	case VFS_SELECT:
		return do_select(p, q);
	case VFS_PIPE:
		return do_pipe(p, rep);
	default:
		return -ENOSYS;
	}
}

static int handle(struct vproc *p, int type, const struct vfs_request *q,
		  struct vfs_reply *rep)
{
	switch (type) {
	case VFS_OPEN:
		return do_open(p, q);
	case VFS_MKNOD:
		return do_mknod(p, q);
	case VFS_STAT:
		return do_stat(p, type, q, rep);
	case VFS_MKDIR:
	case VFS_UNLINK:
	case VFS_RMDIR:
		return do_named(p, type, q);
	case VFS_LINK:
	case VFS_RENAME:
		return do_two_names(p, type, q);
	case VFS_TRUNCATE:
		return do_truncate(p, type, q);
	case VFS_CHDIR:
		return do_chdir(p, type, q);
	case VFS_GETCWD:
		return do_getcwd(p, q);
	case VFS_CHMOD:
	case VFS_CHOWN:
	case VFS_UTIME:
		return do_attr(p, type, q);
	case VFS_UMASK: {
		int old = p->umask;
		p->umask = (uint16_t)(q->mode & 0777);
		return old;
	}
	case VFS_ACCESS:
		return do_access(p, q);
	case VFS_STATVFS:
		return do_statvfs(p, type, q, rep);
	case VFS_SYNC:
		return mount_sync();
	case VFS_MOUNT:
		return do_mount(p, q);
	case VFS_UMOUNT:
		return do_umount(p, q);
	case VFS_GETMNT:
		return do_getmnt(p, q);
	default:
		return handle_fd_call(p, type, q, rep);
	}
}

static void notified(const message_t *m)
{
	if (m->m_source == CLOCK) {
		select_timers(NOTIFY_TICKS(m));
		return;
	}
	if (!driver_ds_news(m->m_source))
		cdev_news(m->m_source);
}

int main(void)
{
	for (int i = 0; i < NR_PROCS; i++)
		procs[i].ep = NONE;
	root_mount(proc_find("fs"));
	for (;;) {
		message_t m;
		int status;
		if (ipc_receive(ANY, &m, &status) != 0)
			continue;
		if (IPC_IS_NOTIFY(status)) {
			notified(&m);
			wait_run();
			continue;
		}
		if (m.m_source < 0 || EP_SLOT(m.m_source) >= NR_PROCS)
			continue;
		struct vfs_request q = *VFS_REQ(&m);
		struct vfs_reply rep;
		memset(&rep, 0, sizeof(rep));
		int r;
		if (m.m_type >= VFS_PM_FORK && m.m_type < VFS_REPLY)
			r = proc_notice(m.m_source, m.m_type, &q, &rep);
		else
			r = handle(vproc_of(m.m_source), m.m_type, &q, &rep);
		if (r != SUSPEND)
			vfs_answer(m.m_source, r, &rep);
		wait_run();
	}
}
