// SPDX-License-Identifier: BSD-2-Clause
/*
 * VFS: the virtual file system server.
 *
 * Programs open, read and write files by path and descriptor here; VFS
 * keeps the descriptors and open files (ops.c), resolves paths a
 * component at a time (path.c) and asks the file server for the rest
 * (fsio.c), letting file data flow straight between FS and the program.
 *
 * Today there is one file system (the FS server, found by name, mounted
 * at /) and descriptors belong to endpoints: the process manager will
 * tell VFS about forks and exits, and the console will give descriptors
 * 0-2 meaning; until then the C library keeps 0-2 for itself.
 */
#include <string.h>

#include "vfs.h"

static struct vproc procs[NR_PROCS];

/* The state for endpoint ep: fresh if the slot last served another. */
static struct vproc *vproc_of(endpoint_t ep)
{
	struct vproc *p = &procs[EP_SLOT(ep)];
	if (p->ep != ep) {
		for (int i = 0; i < OPEN_MAX; i++)
			if (p->fd[i])
				p->fd[i]->refs--;
		memset(p, 0, sizeof(*p));
		p->ep = ep;
	}
	return p;
}

int main(void)
{
	fs_set(proc_find("fs"));
	for (;;) {
		message_t m;
		int status;
		if (ipc_receive(ANY, &m, &status) != 0 || IPC_IS_NOTIFY(status))
			continue;
		if (m.m_source < 0 || EP_SLOT(m.m_source) >= NR_PROCS)
			continue;
		struct vfs_request q = *VFS_REQ(&m);
		struct vfs_reply rep;
		memset(&rep, 0, sizeof(rep));
		rep.status =
			vfs_handle(vproc_of(m.m_source), m.m_type, &q, &rep);
		endpoint_t client = m.m_source;
		m.m_type = VFS_REPLY;
		*VFS_REP(&m) = rep;
		ipc_sendnb(client, &m);
	}
}
