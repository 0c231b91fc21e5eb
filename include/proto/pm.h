/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The process-manager protocol (fork(2), wait(2) and friends).  Every
 * request is a SENDREC; the reply (PM_REPLY) carries status >= 0 or a
 * negative errno.
 *
 *   PM_FORK     -> the child's pid in the parent, 0 in the child
 *   PM_WAITPID  pid (-1: any child), options (WNOHANG = 1)
 *               -> pid, and the wait status; 0 with WNOHANG and none
 *               ready; ECHILD with no such child.  Without WNOHANG the
 *               reply waits until a child ends.
 *   PM_GETPID   -> pid, and ppid in the reply
 *   PM_EXEC     grant/len = the path, then argc argument strings, then
 *               envc environment strings, each NUL-terminated
 *               -> no reply on success: the new program starts
 *
 * A process ends with SYS_EXIT (the C library's _exit): the kernel
 * tells PM, its manager, which records the status for the parent.  A
 * process that faults is ended by PM with the matching signal.
 */
#pragma once

#include <stdint.h>

#include "abi/message.h"

#define PM_BASE 0x000
#define PM_FORK (PM_BASE + 1)
#define PM_WAITPID (PM_BASE + 2)
#define PM_GETPID (PM_BASE + 3)
#define PM_EXEC (PM_BASE + 4)
#define PM_EXEC_MAX 4096 /* path, arguments and environment */
#define PM_REPLY (PM_BASE + 0x80)

#define PM_WNOHANG 1

struct pm_request {
	int32_t pid;
	int32_t options;
	int32_t grant; /* PM_EXEC */
	uint32_t len;
	uint32_t argc, envc;
};

struct pm_reply {
	int32_t status;
	int32_t pid;	 /* PM_WAITPID: who ended; PM_GETPID: ppid */
	int32_t wstatus; /* PM_WAITPID */
};

#define PM_REQ(m) ((struct pm_request *)(void *)(m)->m_u.b)
#define PM_REP(m) ((struct pm_reply *)(void *)(m)->m_u.b)
