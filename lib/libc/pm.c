// SPDX-License-Identifier: BSD-2-Clause
/*
 * Process calls as messages to PM (proto/pm.h): fork, wait, waitpid,
 * getpid, getppid.  _exit is a kernel call (syscalls.c): the kernel
 * tells PM.
 */
#include <errno.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proto/pm.h"
#include "server.h"

static endpoint_t pm = NONE;

static int pm_call(int type, struct pm_request *q, struct pm_reply *rep)
{
	endpoint_t ep = libc_server("pm", &pm);
	if (ep == NONE)
		return -ENOSYS;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*PM_REQ(&m) = *q;
	if (ipc_sendrec(ep, &m) < 0)
		return -EIO;
	*rep = *PM_REP(&m);
	return rep->status;
}

static int fail(int r)
{
	errno = -r;
	return -1;
}

pid_t fork(void)
{
	struct pm_request q = {0};
	struct pm_reply rep;
	int r = pm_call(PM_FORK, &q, &rep);
	return r < 0 ? fail(r) : r;
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	struct pm_request q = {pid, options & WNOHANG ? PM_WNOHANG : 0};
	struct pm_reply rep;
	if (options & ~WNOHANG)
		return fail(-EINVAL);
	int r = pm_call(PM_WAITPID, &q, &rep);
	if (r < 0)
		return fail(r);
	if (r > 0 && status)
		*status = rep.wstatus;
	return r;
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

pid_t getpid(void)
{
	struct pm_request q = {0};
	struct pm_reply rep;
	int r = pm_call(PM_GETPID, &q, &rep);
	return r < 0 ? 1 : r; /* no PM: the only process there is */
}

pid_t getppid(void)
{
	struct pm_request q = {0};
	struct pm_reply rep;
	return pm_call(PM_GETPID, &q, &rep) < 0 ? 0 : rep.pid;
}
