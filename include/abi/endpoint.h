/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Endpoints: how processes name each other in IPC.
 *
 * An endpoint is (generation, slot) packed into one int:
 *     endpoint = generation * EP_SLOTS + slot
 * The slot indexes the kernel's process table.  Each time a slot is reused
 * its generation goes up, so an endpoint kept by some other process after
 * its owner died no longer matches the slot's current endpoint: the kernel
 * refuses it (EDEADEPT) rather than delivering to a stranger.  Boot
 * processes start at generation 0, so their endpoint equals their slot.
 *
 * The kernel's own sources of notifications have small negative endpoints;
 * ANY, NONE and SELF are special values that never name a process.
 */
#pragma once

#define NR_PROCS 96	   /* process table slots */
#define EP_SLOTS 1024	   /* slot space per generation (>= NR_PROCS) */
#define EP_MAX_GEN 0x1fff0 /* generations wrap to 1 after this */

#define HARDWARE (-1) /* interrupts arrive as notifications from here */
#define CLOCK (-2)    /* alarms */
#define SYSTEM (-3)   /* kernel signals: faults, exits of managed procs */
#define NR_KERNEL_EPS 3

#define ANY 0x7ffffff0	/* RECEIVE from anybody */
#define NONE 0x7ffffff1 /* no process */
#define SELF 0x7ffffff2 /* the caller (kernel calls only) */

#define EP_MAKE(gen, slot) ((gen)*EP_SLOTS + (slot))
#define EP_SLOT(ep) ((ep) % EP_SLOTS)
#define EP_GEN(ep) ((ep) / EP_SLOTS)
