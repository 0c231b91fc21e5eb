// SPDX-License-Identifier: BSD-2-Clause
/*
 * MEMORY: the driver of devices that are just memory.  Its block side
 * (blk.c) serves the boot RAM disk to the file server; its character
 * side (chr.c) serves /dev/null, /dev/zero and /dev/kmsg to VFS.  One
 * loop takes both kinds of request; each is answered at once.
 */
#include "memory.h"
#include "libsys.h"

int main(void)
{
	memory_map_ramdisk();
	for (;;) {
		message_t m;
		int status;
		if (ipc_receive(ANY, &m, &status) != 0)
			continue;
		if (IPC_IS_NOTIFY(status))
			continue;
		if (!chardriver_handle(&memory_chr_ops, &m, status))
			blockdriver_handle(&memory_blk_ops, &m);
	}
}
