// SPDX-License-Identifier: BSD-2-Clause
/* sys_exec: start a managed process at eip with stack esp. */
#include <string.h>

#include "libsys.h"

int sys_exec(endpoint_t who, uint32_t eip, uint32_t esp, const char *name)
{
	message_t m;
	struct kc_exec *a = KC_ARGS(&m, kc_exec);
	a->who = who;
	a->eip = eip;
	a->esp = esp;
	strncpy(a->name, name, sizeof(a->name) - 1);
	a->name[sizeof(a->name) - 1] = 0;
	return kcall(SYS_EXEC, &m);
}
