// SPDX-License-Identifier: BSD-2-Clause
/*
 * Counting and logging denials (see deny.h).
 */
#include "deny.h"

#include "clock.h"
#include "counters.h"
#include "kcall.h"
#include "lib.h"

static const char *const kind_names[NR_DENY_KINDS] = {
	"IPC primitive", "IPC target", "kernel call", "I/O port",
	"IRQ line",	 "grant",      "memory range"};

static uint64_t window_start; /* tick at which the current second began */
static uint32_t logged_in_window;

int deny(struct proc *p, int kind, uint32_t resource, int error)
{
	p->denied[kind]++;
	counters.denied[kind]++;
	if (clock_ticks - window_start >= HZ) {
		window_start = clock_ticks;
		logged_in_window = 0;
	}
	if (logged_in_window >= DENY_LOG_PER_SEC) {
		counters.denials_unlogged++;
		return error;
	}
	logged_in_window++;
	if (kind == DENY_KCALL)
		kprintf("denied: %s (ep %d) kernel call %s (error %d)\n",
			p->name, p->ep, kcall_name(resource), error);
	else
		kprintf("denied: %s (ep %d) %s 0x%x (error %d)\n", p->name,
			p->ep, kind_names[kind], resource, error);
	return error;
}
