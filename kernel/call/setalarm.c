// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_SETALARM: one alarm per process, `ticks` clock ticks from now
 * (0 cancels).  It arrives as a notification from CLOCK.  Returns the
 * ticks that were left on the alarm it replaces.
 */
#include "clock.h"
#include "kcall.h"

int do_setalarm(struct proc *caller, message_t *m)
{
	struct kc_setalarm *a = KC_ARGS(m, kc_setalarm);
	uint64_t at = a->ticks ? clock_ticks + a->ticks : 0;
	a->left = caller->alarm_at > clock_ticks
			  ? (uint32_t)(caller->alarm_at - clock_ticks)
			  : 0;
	caller->alarm_at = at;
	clock_alarm_changed(at);
	return 0;
}
