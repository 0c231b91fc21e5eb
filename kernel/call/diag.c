// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_DIAG: append the caller's text to the kernel log (and COM1).
 * The only output a process has before the console driver exists.
 */
#include "abi/errno.h"
#include "kcall.h"
#include "lib.h"
#include "vm.h"

int do_diag(struct proc *caller, message_t *m)
{
	struct kc_diag *a = KC_ARGS(m, kc_diag);
	char buf[KC_DIAG_MAX];
	if (a->len > KC_DIAG_MAX)
		return -E2BIG;
	if (as_read(caller->pd, a->buf, buf, a->len) < 0)
		return -EFAULT;
	klog_write(buf, a->len);
	return 0;
}
