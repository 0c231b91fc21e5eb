/* SPDX-License-Identifier: BSD-2-Clause */
/* getprocs(): PM's process list (PM_PROCS), for ps: every process,
 * the boot drivers and servers included (lib/libc/pm.c). */
#pragma once

#include "proto/pm.h"

/* Fills buf with up to max entries; returns how many, or -1 (errno). */
int getprocs(struct pm_procinfo *buf, int max);

/* The endpoint of the boot server or driver called name (a process of
 * the boot image: its parent is the kernel), or NONE. */
endpoint_t getprocs_boot(const char *name);
