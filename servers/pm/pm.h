/* SPDX-License-Identifier: BSD-2-Clause */
/* The process manager's parts (main.c has the overview). */
#pragma once

#include "libsys.h"
#include "proto/pm.h"

struct mproc {
	endpoint_t ep; /* NONE: the slot is free */
	int pid, ppid;
	int zombie;
	int wstatus;
	int waiting; /* the parent is blocked in PM_WAITPID */
	int wait_pid;
};

void pm_ended(struct mproc *p, int wstatus);
/* exec.c: 1 when the process needs no reply (started, or ended), else
 * a negative error for it. */
int pm_exec(struct mproc *p, const struct pm_request *q);
