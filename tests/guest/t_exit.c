// SPDX-License-Identifier: BSD-2-Clause
/*
 * Ends QEMU for a test program that may not.  A test booted under a
 * real server's name (guest/ds boots t_ds as "rs") has that server's
 * privileges, which rightly leave out SYS_REBOOT; its t_finish() then
 * sends the verdict here, and this helper, which has every call, passes
 * it to the debug-exit device.  It waits forever otherwise.
 */
#include <string.h>

#include "tlib.h"

int main(void)
{
	for (;;) {
		message_t m;
		if (ipc_receive(ANY, &m, 0) != 0 || m.m_type != T_EXIT_REQUEST)
			continue;
		int code =
			m.m_u.u32[0] == T_EXIT_PASS ? T_EXIT_PASS : T_EXIT_FAIL;
		sys_reboot(RB_DEBUG_EXIT, code);
	}
}
