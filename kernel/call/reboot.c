// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_REBOOT: halt, power off or reset the machine, or (for the test
 * harness) leave QEMU through isa-debug-exit with a code.
 */
#include "abi/errno.h"
#include "arch/i386/arch.h"
#include "kcall.h"
#include "lib.h"

int do_reboot(struct proc *caller, message_t *m)
{
	struct kc_reboot *a = KC_ARGS(m, kc_reboot);
	if (a->how > RB_DEBUG_EXIT)
		return -EINVAL;
	kprintf("kernel: %s asked to %s\n", caller->name,
		(const char *[]){"halt", "power off", "reboot",
				 "exit"}[a->how]);
	switch (a->how) {
	case RB_POWEROFF:
		machine_poweroff();
	case RB_REBOOT:
		machine_reset();
	case RB_DEBUG_EXIT:
		machine_debug_exit(a->code);
	default:
		cpu_halt_forever();
	}
}
