// SPDX-License-Identifier: BSD-2-Clause
/*
 * MEMORY: the driver of devices that are just memory.  Its block side
 * (blk.c) serves the boot RAM disk to the file server; its character
 * side (chr.c) serves /dev/null, /dev/zero and /dev/kmsg to VFS.  One
 * loop takes both kinds of request; each is answered at once.
 *
 * The kernel starts it from a boot module (the root file system is on
 * its RAM disk), and RS adopts it as it does TTY: sef_receive answers
 * RS's heartbeats.  A restarted instance is loaded from RS's copy in
 * RAM and maps the same RAM disks again -- they live in physical memory,
 * so nothing written to them is lost; the file server finds the new
 * instance in DS and repeats the request that failed.
 */
#include "memory.h"
#include "libsys.h"

int main(int argc, char **argv)
{
	peer_args(argc, argv); /* clients=: a test that plays FS or VFS */
	sef_startup("memory");
	memory_map_ramdisk();
	for (;;) {
		message_t m;
		int status;
		if (sef_receive(ANY, &m, &status) != 0)
			continue;
		if (IPC_IS_NOTIFY(status))
			continue;
		if (!chardriver_handle(&memory_chr_ops, &m, status))
			blockdriver_handle(&memory_blk_ops, &m);
	}
}
