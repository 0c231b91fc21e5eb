// SPDX-License-Identifier: BSD-2-Clause
/*
 * VFS: the virtual file system server.
 *
 * Programs open, read and write files by path and descriptor here.  VFS
 * keeps each process's descriptors, working directory and file-mode
 * mask (fd.c, proc.c), resolves paths a component at a time (path.c)
 * and hands the work to the right place: the file server for files and
 * directories (file.c, names.c, attr.c through fsio.c), a character
 * driver for device files (cdev.c), its own buffers for pipes (pipe.c),
 * INET for sockets (sock.c).
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

void vfs_answer(endpoint_t to, int status)
{
	ipc_reply(to, VFS_REPLY, &status, sizeof(status));
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

/* The two calls too small for a file of their own. */
static int do_umask(struct vproc *p, const union vfs_req *req,
		    union vfs_rep *rep)
{
	(void)rep;
	int old = p->umask;
	p->umask = (uint16_t)(req->umask.mask & 0777);
	return old;
}

static int do_sync(struct vproc *p, const union vfs_req *req,
		   union vfs_rep *rep)
{
	(void)p, (void)req, (void)rep;
	return mount_sync();
}

static int (*const calls[])(struct vproc *p, const union vfs_req *req,
			    union vfs_rep *rep) = {
	[VFS_OPEN - VFS_BASE] = do_open,
	[VFS_CLOSE - VFS_BASE] = do_close,
	[VFS_READ - VFS_BASE] = do_read,
	[VFS_WRITE - VFS_BASE] = do_write,
	[VFS_LSEEK - VFS_BASE] = do_lseek,
	[VFS_FSTAT - VFS_BASE] = do_fstat,
	[VFS_STAT - VFS_BASE] = do_stat,
	[VFS_MKDIR - VFS_BASE] = do_mkdir,
	[VFS_UNLINK - VFS_BASE] = do_unlink,
	[VFS_RMDIR - VFS_BASE] = do_rmdir,
	[VFS_GETDENTS - VFS_BASE] = do_getdents,
	[VFS_FTRUNCATE - VFS_BASE] = do_ftruncate,
	[VFS_SYNC - VFS_BASE] = do_sync,
	[VFS_DUP - VFS_BASE] = do_dup,
	[VFS_FCNTL - VFS_BASE] = do_fcntl,
	[VFS_PIPE - VFS_BASE] = do_pipe,
	[VFS_CHDIR - VFS_BASE] = do_chdir,
	[VFS_FCHDIR - VFS_BASE] = do_fchdir,
	[VFS_GETCWD - VFS_BASE] = do_getcwd,
	[VFS_CHMOD - VFS_BASE] = do_chmod,
	[VFS_FCHMOD - VFS_BASE] = do_fchmod,
	[VFS_CHOWN - VFS_BASE] = do_chown,
	[VFS_UMASK - VFS_BASE] = do_umask,
	[VFS_ACCESS - VFS_BASE] = do_access,
	[VFS_LINK - VFS_BASE] = do_link,
	[VFS_RENAME - VFS_BASE] = do_rename,
	[VFS_UTIME - VFS_BASE] = do_utime,
	[VFS_MKNOD - VFS_BASE] = do_mknod,
	[VFS_IOCTL - VFS_BASE] = do_ioctl,
	[VFS_SELECT - VFS_BASE] = do_select,
	[VFS_STATVFS - VFS_BASE] = do_statvfs,
	[VFS_TRUNCATE - VFS_BASE] = do_truncate,
	[VFS_MOUNT - VFS_BASE] = do_mount,
	[VFS_UMOUNT - VFS_BASE] = do_umount,
	[VFS_GETMNT - VFS_BASE] = do_getmnt,
	[VFS_FSTATVFS - VFS_BASE] = do_fstatvfs,
	[VFS_SOCKET - VFS_BASE] = do_socket,
	[VFS_BIND - VFS_BASE] = do_bind,
	[VFS_CONNECT - VFS_BASE] = do_connect,
	[VFS_LISTEN - VFS_BASE] = do_listen,
	[VFS_ACCEPT - VFS_BASE] = do_accept,
	[VFS_SENDTO - VFS_BASE] = do_sendto,
	[VFS_RECVFROM - VFS_BASE] = do_recvfrom,
	[VFS_SHUTDOWN - VFS_BASE] = do_shutdown,
	[VFS_SETSOCKOPT - VFS_BASE] = do_setsockopt,
	[VFS_GETSOCKOPT - VFS_BASE] = do_getsockopt,
	[VFS_GETSOCKNAME - VFS_BASE] = do_getsockname,
	[VFS_GETPEERNAME - VFS_BASE] = do_getpeername,
	/* PM's only: */
	[VFS_PM_FORK - VFS_BASE] = do_pm_fork,
	[VFS_PM_EXIT - VFS_BASE] = do_pm_exit,
	[VFS_PM_EXEC - VFS_BASE] = do_pm_exec,
	[VFS_PM_UNPAUSE - VFS_BASE] = do_pm_unpause,
	[VFS_PM_SETID - VFS_BASE] = do_pm_setid,
	[VFS_PM_PGRP - VFS_BASE] = do_pm_pgrp,
	[VFS_PM_EXECOPEN - VFS_BASE] = do_pm_execopen,
};

/* One request: its handler's status, or REPLY_LATER. */
static int handle(const message_t *m, union vfs_rep *rep)
{
	union vfs_req q = *VFS_REQ(m);
	if (m->m_type >= VFS_PM_FORK && m->m_type < VFS_REPLY &&
	    !proc_is_pm(m->m_source))
		return -EPERM;
	int (*fn)(struct vproc *, const union vfs_req *, union vfs_rep *) =
		CALL_IN(calls, VFS_BASE, m->m_type);
	return fn ? fn(vproc_of(m->m_source), &q, rep) : -ENOSYS;
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
		union vfs_rep rep;
		memset(&rep, 0, sizeof(rep));
		int r = handle(&m, &rep);
		if (r != REPLY_LATER) {
			rep.status = r;
			ipc_reply(m.m_source, VFS_REPLY, &rep, sizeof(rep));
		}
		wait_run();
	}
}
