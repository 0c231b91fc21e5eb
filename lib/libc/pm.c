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
	struct pm_request q = {.pid = pid,
			       .options = options & WNOHANG ? PM_WNOHANG : 0};
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

/* Pack the path, then argv, then envp, NUL after each. */
static int pack(char *block, uint32_t *len, const char *s)
{
	size_t n = strlen(s) + 1;
	if (*len + n > PM_EXEC_MAX)
		return -E2BIG;
	memcpy(block + *len, s, n);
	*len += (uint32_t)n;
	return 0;
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	static char block[PM_EXEC_MAX];
	uint32_t len = 0, argc = 0, envc = 0;
	int r = pack(block, &len, path);
	for (; r == 0 && argv && argv[argc]; argc++)
		r = pack(block, &len, argv[argc]);
	for (; r == 0 && envp && envp[envc]; envc++)
		r = pack(block, &len, envp[envc]);
	if (r < 0)
		return fail(r);
	endpoint_t ep = libc_server("pm", &pm);
	grant_id_t g = grant_create(ep, block, len, GF_READ);
	if (g < 0)
		return fail(g);
	struct pm_request q = {
		.grant = g, .len = len, .argc = argc, .envc = envc};
	struct pm_reply rep;
	r = pm_call(PM_EXEC, &q, &rep); /* returns only on failure */
	grant_revoke(g);
	return fail(r < 0 ? r : -EIO);
}
