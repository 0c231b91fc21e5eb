// SPDX-License-Identifier: BSD-2-Clause
/*
 * A core server that dies is reported (guest test "core_death").  The
 * process booted as "ds" is p_crash, which faults at once; the kernel
 * must end it -- nobody manages a core server -- and say so in one
 * console line, which the harness looks for:
 *     kernel: core server ds has died (status 142); ...
 * This program only waits for the process to be gone.
 */
#include "tlib.h"

int main(void)
{
	t_case = "core";
	uint64_t end = t_ticks() + 500;
	while (proc_find("ds") != NONE) {
		T_ASSERT(t_ticks() < end);
		message_t m;
		T_EQ(sys_setalarm(1, 0), 0);
		T_EQ(ipc_receive(CLOCK, &m, 0), 0);
	}
	t_pass();
	t_finish();
}
