/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The process-manager protocol: processes, signals, ids, memory, time.
 * Every request is a SENDREC; the reply (PM_REPLY) carries status >= 0
 * or a negative errno, and the extra results named below in a..d.
 *
 *   PM_FORK        -> the child's pid in the parent, 0 in the child
 *   PM_WAITPID     pid (-1 any child, 0 own group, < -1 group -pid),
 *                  options (PM_WNOHANG, PM_WUNTRACED)
 *                  -> pid, wstatus; 0 with WNOHANG and none ready.
 *                  Without WNOHANG the reply waits for a child.
 *   PM_GETPID      -> pid; a = ppid, b = process group
 *   PM_EXEC        grant/len = the path, then argc argument strings,
 *                  then envc environment strings, each NUL-terminated
 *                  -> no reply on success: the new program starts
 *   PM_KILL        pid (> 0 one, 0 own group, -1 all, < -1 a group),
 *                  arg = signal (0: only check)
 *   PM_SIGACTION   arg = signal, handler, mask, flags, tramp (the C
 *                  library's return path), options = 1 to set
 *                  -> a = old handler, b = old mask, c = old flags
 *   PM_SIGPROCMASK options = how (SIG_BLOCK 1, SIG_UNBLOCK 2,
 *                  SIG_SETMASK 0, or 3: only read), mask -> a = old
 *   PM_SIGSUSPEND  mask: wait for a signal with this mask -> EINTR
 *   PM_SIGPENDING  -> a = pending signals
 *   PM_SIGRETURN   mask: a handler ended; its saved mask is back
 *   PM_ALARM       arg = seconds (0 cancels) -> seconds left of the old
 *   PM_SLEEP       arg = milliseconds -> 0, or EINTR with a = ms left
 *   PM_BRK         arg = new break (0: ask) -> a = the break
 *   PM_GETIDS      -> a = uid, b = euid, c = gid, d = egid
 *   PM_SETUID      arg = uid (also the effective one)
 *   PM_SETGID      arg = gid
 *   PM_SETSID      -> the new session (and group) id
 *   PM_SETPGID     pid (0: self), arg = group (0: pid)
 *   PM_TIMES       -> c = the ticks its ended children ran (a process
 *                  learns its own from SYS_TIMES)
 *   PM_PROCS       grant/len: filled with struct pm_procinfo -> count
 *   PM_REBOOT      arg = RB_* (root only): sync, then halt or reboot
 *
 * A process ends with SYS_EXIT (the C library's _exit): the kernel
 * tells PM, its manager.  CPU exceptions arrive the same way and become
 * SIGSEGV, SIGILL or SIGFPE.
 */
#pragma once

#include <stdint.h>

#include "abi/message.h"

#define PM_BASE 0x000
#define PM_FORK (PM_BASE + 1)
#define PM_WAITPID (PM_BASE + 2)
#define PM_GETPID (PM_BASE + 3)
#define PM_EXEC (PM_BASE + 4)
#define PM_KILL (PM_BASE + 5)
#define PM_SIGACTION (PM_BASE + 6)
#define PM_SIGPROCMASK (PM_BASE + 7)
#define PM_SIGSUSPEND (PM_BASE + 8)
#define PM_SIGPENDING (PM_BASE + 9)
#define PM_SIGRETURN (PM_BASE + 10)
#define PM_ALARM (PM_BASE + 11)
#define PM_SLEEP (PM_BASE + 12)
#define PM_BRK (PM_BASE + 13)
#define PM_GETIDS (PM_BASE + 14)
#define PM_SETUID (PM_BASE + 15)
#define PM_SETGID (PM_BASE + 16)
#define PM_SETSID (PM_BASE + 17)
#define PM_SETPGID (PM_BASE + 18)
#define PM_TIMES (PM_BASE + 19)
#define PM_PROCS (PM_BASE + 20)
#define PM_REBOOT (PM_BASE + 21)
#define PM_EXEC_MAX 4096 /* path, arguments and environment */
#define PM_REPLY (PM_BASE + 0x80)

#define PM_WNOHANG 1
#define PM_WUNTRACED 2

struct pm_request {
	int32_t pid;
	int32_t options;
	int32_t grant;
	uint32_t len;
	uint32_t argc, envc;
	int32_t arg;
	uint32_t handler, mask, flags, tramp;
};

struct pm_reply {
	int32_t status;
	int32_t pid;	 /* PM_WAITPID: who changed */
	int32_t wstatus; /* PM_WAITPID */
	uint32_t a, b, c, d;
};

/* What `ps` learns of each process (PM_PROCS). */
struct pm_procinfo {
	int32_t pid, ppid, pgrp, uid;
	int32_t ep;
	char state; /* R running or ready, S waiting, T stopped, Z zombie */
	char name[15];
	uint32_t denied; /* what the kernel refused it, all kinds */
};

_Static_assert(sizeof(struct pm_request) <= MSG_PAYLOAD, "fits");
_Static_assert(sizeof(struct pm_reply) <= MSG_PAYLOAD, "fits");

#define PM_REQ(m) ((struct pm_request *)(void *)(m)->m_u.b)
#define PM_REP(m) ((struct pm_reply *)(void *)(m)->m_u.b)
