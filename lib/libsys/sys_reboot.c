// SPDX-License-Identifier: BSD-2-Clause
/* sys_reboot: halt, power off, reset, or leave QEMU with a code. */
#include "libsys.h"

int sys_reboot(uint32_t how, uint32_t code)
{
	message_t m;
	struct kc_reboot *a = KC_ARGS(&m, kc_reboot);
	a->how = how;
	a->code = code;
	return kcall(SYS_REBOOT, &m);
}
