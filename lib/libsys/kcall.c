// SPDX-License-Identifier: BSD-2-Clause
/* kcall: trap into the kernel with call `nr` and its argument message. */
#include "libsys.h"

int kcall(int nr, message_t *m)
{
	return kcall_raw((uint32_t)nr, (uint32_t)(uintptr_t)m);
}
