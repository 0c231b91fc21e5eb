/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Kernel-call dispatch.  Handlers (kernel/call/NAME.c) have the form
 *     int do_NAME(struct proc *caller, message_t *m)
 * and get the caller's message already copied in.  They validate every
 * argument before acting, and return 0 or a negative error; the message
 * (with any results) is copied back afterwards.  A handler that ended
 * its caller returns KC_GONE: there is nobody to answer.
 */
#pragma once

#include "abi/kcall_msg.h"
#include "abi/kcalls.h"
#include "proc.h"

#define KC_GONE 1

#define KCALL_DECL(NAME, name) int do_##name(struct proc *caller, message_t *m);
KCALL_LIST(KCALL_DECL)
#undef KCALL_DECL

const char *kcall_name(uint32_t nr); /* "DIAG", ... */
void kcall_trap(struct proc *caller, uint32_t nr, uint32_t msg);
