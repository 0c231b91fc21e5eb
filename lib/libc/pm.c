// SPDX-License-Identifier: BSD-2-Clause
/*
 * Process calls as messages to PM (proto/pm.h): fork, wait, exec, ids,
 * sessions and groups, times, the process list (getprocs), reboot.
 * _exit is a kernel call (the kernel tells PM).
 */
#include <string.h>
#include <sys/procs.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libc.h"

int pm_call(int type, const union pm_req *q, union pm_rep *rep)
{
	endpoint_t ep = libc_pm();
	if (ep == NONE)
		return -ENOSYS;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*PM_REQ(&m) = *q;
	if (ipc_sendrec(ep, &m) < 0)
		return -EIO;
	if (rep)
		*rep = *PM_REP(&m);
	return PM_REP(&m)->status;
}

/* A call that carries nothing. */
static int bare(int type, union pm_rep *rep)
{
	union pm_req q;
	memset(&q, 0, sizeof(q));
	return pm_call(type, &q, rep);
}

void _exit(int status)
{
	for (;;)
		sys_exit(SELF, status);
}

pid_t fork(void)
{
	libc_vfs(); /* the child may not be allowed to look them up */
	return libc_ret(bare(PM_FORK, 0));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	union pm_req q = {.waitpid = {.pid = pid}};
	union pm_rep rep;
	if (options & ~(WNOHANG | WUNTRACED))
		return libc_ret(-EINVAL);
	q.waitpid.options = (options & WNOHANG ? PM_WNOHANG : 0) |
			    (options & WUNTRACED ? PM_WUNTRACED : 0);
	/* A child once reaped cannot be put back: check first. */
	int r = status ? libc_writable(status, sizeof(*status)) : 0;
	if (r == 0)
		r = pm_call(PM_WAITPID, &q, &rep);
	if (r < 0)
		return libc_ret(r);
	int ws = (int)rep.waitpid.wstatus;
	if (r > 0 && status && libc_out(status, &ws, sizeof(ws)) < 0)
		return libc_ret(-EFAULT);
	return r;
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

pid_t getpid(void)
{
	int r = bare(PM_GETPID, 0);
	return r < 0 ? 1 : r; /* no PM: the only process there is */
}

pid_t getppid(void)
{
	union pm_rep rep;
	return bare(PM_GETPID, &rep) < 0 ? 0 : (pid_t)rep.getpid.ppid;
}

pid_t getpgrp(void)
{
	union pm_rep rep;
	return bare(PM_GETPID, &rep) < 0 ? 0 : (pid_t)rep.getpid.pgrp;
}

static struct pm_getids_reply ids(void)
{
	union pm_rep rep;
	if (bare(PM_GETIDS, &rep) < 0)
		return (struct pm_getids_reply){0};
	return rep.getids;
}

uid_t getuid(void)
{
	return (uid_t)ids().uid;
}

uid_t geteuid(void)
{
	return (uid_t)ids().euid;
}

gid_t getgid(void)
{
	return (gid_t)ids().gid;
}

gid_t getegid(void)
{
	return (gid_t)ids().egid;
}

int setuid(uid_t uid)
{
	union pm_req q = {.setuid = {.id = (int32_t)uid}};
	return libc_ret(pm_call(PM_SETUID, &q, 0));
}

int setgid(gid_t gid)
{
	union pm_req q = {.setgid = {.id = (int32_t)gid}};
	return libc_ret(pm_call(PM_SETGID, &q, 0));
}

pid_t setsid(void)
{
	return libc_ret(bare(PM_SETSID, 0));
}

int setpgid(pid_t pid, pid_t pgid)
{
	union pm_req q = {.setpgid = {.pid = pid, .pgid = pgid}};
	return libc_ret(pm_call(PM_SETPGID, &q, 0));
}

clock_t times(struct tms *t)
{
	union pm_rep rep;
	struct kc_times kt;
	if (bare(PM_TIMES, &rep) < 0 || sys_times(&kt) < 0)
		return (clock_t)-1;
	struct tms mine = {(clock_t)kt.user_ticks, 0,
			   (clock_t)rep.times.child_user, 0};
	if (libc_ret(libc_out(t, &mine, sizeof(mine))) < 0)
		return (clock_t)-1;
	return (clock_t)kt.ticks;
}

int reboot(int how);

int reboot(int how)
{
	union pm_req q = {.reboot = {.how = how}};
	return libc_ret(pm_call(PM_REBOOT, &q, 0));
}

int getprocs(struct pm_procinfo *buf, int max)
{
	if (max < 0 || !buf)
		return libc_ret(-EINVAL);
	uint32_t len = (uint32_t)max * sizeof(*buf);
	grant_id_t g = libc_grant(libc_pm(), buf, len, GF_WRITE);
	if (g < 0)
		return libc_ret(g);
	union pm_req q = {.procs = {.grant = g, .len = len}};
	int r = pm_call(PM_PROCS, &q, 0);
	grant_revoke(g);
	return libc_ret(r);
}

/* Pack the path, then argv, then envp, NUL after each.  Every pointer
 * is the program's, so each is read with the kernel's check (user.c):
 * a bad one is EFAULT before PM hears of the exec. */
static int pack(char *block, uint32_t *len, const char *s)
{
	int n = libc_str_in(block + *len, s, PM_EXEC_MAX - *len);
	if (n < 0)
		return n == -ENAMETOOLONG ? -E2BIG : n;
	*len += (uint32_t)n + 1;
	return 0;
}

static int pack_all(char *block, uint32_t *len, char *const v[],
		    uint32_t *count)
{
	for (*count = 0; v; (*count)++) {
		char *s;
		int r = libc_in(&s, &v[*count], sizeof(s));
		if (r < 0 || !s)
			return r;
		r = pack(block, len, s);
		if (r < 0)
			return r;
	}
	return 0;
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	static char block[PM_EXEC_MAX];
	_Static_assert(PM_EXEC_MAX > VFS_PATH_MAX, "room for the path");
	uint32_t argc = 0, envc = 0;
	int r = libc_path_in(block, path);
	if (r < 0)
		return libc_ret(r);
	uint32_t len = (uint32_t)r + 1;
	r = pack_all(block, &len, argv, &argc);
	if (r == 0)
		r = pack_all(block, &len, envp, &envc);
	if (r < 0)
		return libc_ret(r);
	endpoint_t ep = libc_pm();
	grant_id_t g = grant_create(ep, block, len, GF_READ);
	if (g < 0)
		return libc_ret(g);
	union pm_req q = {
		.exec = {.grant = g, .len = len, .argc = argc, .envc = envc}};
	r = pm_call(PM_EXEC, &q, 0); /* returns only on failure */
	grant_revoke(g);
	return libc_ret(r < 0 ? r : -EIO);
}

endpoint_t getprocs_boot(const char *name)
{
	static struct pm_procinfo procs[96];
	int n = getprocs(procs, 96);
	for (int i = 0; i < n; i++)
		if (!strcmp(procs[i].name, name) && procs[i].ppid == 0)
			return procs[i].ep;
	return NONE;
}
