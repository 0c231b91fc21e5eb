// SPDX-License-Identifier: BSD-2-Clause
/*
 * PM's notices and requests to VFS (vfsclient.h): one function each,
 * filling that request's member of union vfs_req and sending it with
 * SENDREC.  Only VFS_PM_EXECOPEN carries a buffer: the path, granted
 * to VFS for the one request and revoked after.
 */
#include <string.h>

#include "libsys.h"
#include "vfsclient.h"

static endpoint_t vfs_ep = NONE;

/* One request -> VFS's status; its reply in *rep if rep. */
static int call(int type, const union vfs_req *q, union vfs_rep *rep)
{
	if (vfs_ep == NONE)
		vfs_ep = proc_find("vfs");
	if (vfs_ep == NONE)
		return -ENOSYS;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*VFS_REQ(&m) = *q;
	int r = ipc_sendrec(vfs_ep, &m);
	if (r < 0)
		return r;
	if (rep)
		*rep = *VFS_REP(&m);
	return VFS_REP(&m)->status;
}

int vfs_pm_fork(endpoint_t parent, endpoint_t child, int pid)
{
	union vfs_req q = {
		.pm_fork = {.parent = parent, .child = child, .pid = pid}};
	return call(VFS_PM_FORK, &q, 0);
}

int vfs_pm_exit(endpoint_t ep)
{
	union vfs_req q = {.pm_exit = {.ep = ep}};
	return call(VFS_PM_EXIT, &q, 0);
}

int vfs_pm_exec(endpoint_t ep)
{
	union vfs_req q = {.pm_exec = {.ep = ep}};
	return call(VFS_PM_EXEC, &q, 0);
}

int vfs_pm_unpause(endpoint_t ep)
{
	union vfs_req q = {.pm_unpause = {.ep = ep}};
	return call(VFS_PM_UNPAUSE, &q, 0);
}

int vfs_pm_setid(endpoint_t ep, uint32_t euid, uint32_t egid)
{
	union vfs_req q = {.pm_setid = {.ep = ep, .euid = euid, .egid = egid}};
	return call(VFS_PM_SETID, &q, 0);
}

int vfs_pm_pgrp(endpoint_t ep, int pgrp)
{
	union vfs_req q = {.pm_pgrp = {.ep = ep, .pgrp = pgrp}};
	return call(VFS_PM_PGRP, &q, 0);
}

int vfs_pm_execopen(endpoint_t ep, const char *path, struct fs_stat *st)
{
	if (vfs_ep == NONE)
		vfs_ep = proc_find("vfs");
	uint32_t len = (uint32_t)strlen(path);
	grant_id_t g = grant_create(vfs_ep, path, len, GF_READ);
	if (g < 0)
		return g;
	union vfs_req q = {.pm_execopen = {.ep = ep, .grant = g, .len = len}};
	union vfs_rep rep;
	int r = call(VFS_PM_EXECOPEN, &q, &rep);
	grant_revoke(g);
	if (r >= 0)
		*st = rep.pm_execopen.st;
	return r;
}
