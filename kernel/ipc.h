/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Message passing (see abi/ipc.h for the primitives' contract).
 *
 * ipc_trap() returns the result for the caller, or IPC_SUSPEND when the
 * caller blocked: its result is then written into its saved registers by
 * whoever later unblocks it (a partner, or ipc_cleanup() when the partner
 * dies).
 */
#pragma once

#include "proc.h"

#define IPC_SUSPEND 1 /* not an error and not 0: the caller blocked */

int ipc_trap(struct proc *caller, uint32_t prim, endpoint_t peer, uint32_t msg);
void notify_from_kernel(struct proc *dst, endpoint_t src, uint32_t arg);
void ipc_cleanup(struct proc *dying);
