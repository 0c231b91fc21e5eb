/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The process-manager protocol: processes, signals, ids, memory, time.
 * Every request is a SENDREC; the reply (PM_REPLY) begins with the
 * status, >= 0 or a negative errno.  Each request's payload is its
 * member of union pm_req (none for the calls that carry nothing); the
 * replies that say more are members of union pm_rep.
 *
 *   PM_FORK        (nothing) -> the child's pid in the parent, 0 in
 *                  the child
 *   PM_WAITPID     waitpid: pid (-1 any child, 0 own group, < -1 group
 *                  -pid), options (PM_WNOHANG, PM_WUNTRACED)
 *                  -> waitpid reply: pid, wstatus (status = pid); 0 with
 *                  WNOHANG and none ready.  Without WNOHANG the reply
 *                  waits for a child.
 *   PM_GETPID      (nothing) -> getpid reply: ppid, pgrp (status = pid)
 *   PM_EXEC        exec: grant/len = the path, then argc argument
 *                  strings, then envc environment strings, each
 *                  NUL-terminated -> no reply on success: the new
 *                  program starts
 *   PM_KILL        kill: pid (> 0 one, 0 own group, -1 all, < -1 a
 *                  group), sig (0: only check)
 *   PM_SIGACTION   sigaction: sig, handler, mask, flags, tramp (the C
 *                  library's return path), set = 1 to set
 *                  -> sigaction reply: the old handler, mask, flags
 *   PM_SIGPROCMASK sigprocmask: how (SIG_BLOCK 1, SIG_UNBLOCK 2,
 *                  SIG_SETMASK 0, or 3: only read), mask
 *                  -> mask reply: the old mask
 *   PM_SIGSUSPEND  sigsuspend: mask: wait for a signal with this mask
 *                  -> EINTR
 *   PM_SIGPENDING  (nothing) -> mask reply: the pending signals
 *   PM_SIGRETURN   sigreturn: mask: a handler ended; its saved mask is
 *                  back
 *   PM_ALARM       alarm: seconds (0 cancels) -> seconds left of the old
 *   PM_SLEEP       sleep: ms -> 0, or EINTR with a sleep reply: left_ms
 *   PM_BRK         brk: addr = the new break (0: ask) -> brk reply: brk
 *   PM_GETIDS      (nothing) -> getids reply: uid, euid, gid, egid
 *   PM_SETUID      setuid: id (also the effective one)
 *   PM_SETGID      setgid: id (also the effective one)
 *   PM_SETSID      (nothing) -> the new session (and group) id
 *   PM_SETPGID     setpgid: pid (0: self), pgid (0: pid)
 *   PM_TIMES       (nothing) -> times reply: child_user, the ticks its
 *                  ended children ran (a process learns its own from
 *                  SYS_TIMES)
 *   PM_PROCS       procs: grant/len, filled with struct pm_procinfo
 *                  -> count
 *   PM_REBOOT      reboot: how = RB_* (root only): sync, then halt or
 *                  reboot
 *
 * A process ends with SYS_EXIT (the C library's _exit): the kernel
 * tells PM, its manager.  CPU exceptions arrive the same way and become
 * SIGSEGV, SIGILL or SIGFPE.
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
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

struct pm_waitpid {
	int32_t pid;
	int32_t options; /* PM_WNOHANG, PM_WUNTRACED */
};
MSG_FITS(struct pm_waitpid);

struct pm_exec {
	grant_id_t grant; /* path, arguments, environment */
	uint32_t len;
	uint32_t argc, envc;
};
MSG_FITS(struct pm_exec);

struct pm_kill {
	int32_t pid;
	int32_t sig;
};
MSG_FITS(struct pm_kill);

struct pm_sigaction {
	int32_t sig;
	uint32_t set; /* 1: install handler, mask, flags */
	uint32_t handler, mask, flags;
	uint32_t tramp; /* where a handler returns to */
};
MSG_FITS(struct pm_sigaction);

struct pm_sigprocmask {
	int32_t how;
	uint32_t mask;
};
MSG_FITS(struct pm_sigprocmask);

/* A signal mask: PM_SIGSUSPEND, PM_SIGRETURN. */
struct pm_sigmask {
	uint32_t mask;
};
MSG_FITS(struct pm_sigmask);

struct pm_alarm {
	int32_t seconds;
};
MSG_FITS(struct pm_alarm);

struct pm_sleep {
	int32_t ms;
};
MSG_FITS(struct pm_sleep);

struct pm_brk {
	uint32_t addr; /* 0: ask */
};
MSG_FITS(struct pm_brk);

/* An id: PM_SETUID, PM_SETGID. */
struct pm_setid {
	int32_t id;
};
MSG_FITS(struct pm_setid);

struct pm_setpgid {
	int32_t pid;
	int32_t pgid;
};
MSG_FITS(struct pm_setpgid);

struct pm_procs {
	grant_id_t grant; /* room for struct pm_procinfo entries */
	uint32_t len;
};
MSG_FITS(struct pm_procs);

struct pm_reboot {
	int32_t how; /* RB_* */
};
MSG_FITS(struct pm_reboot);

/* PM_FORK, PM_GETPID, PM_SIGPENDING, PM_GETIDS, PM_SETSID and PM_TIMES
 * carry nothing. */
union pm_req {
	struct pm_waitpid waitpid;
	struct pm_exec exec;
	struct pm_kill kill;
	struct pm_sigaction sigaction;
	struct pm_sigprocmask sigprocmask;
	struct pm_sigmask sigsuspend;
	struct pm_sigmask sigreturn;
	struct pm_alarm alarm;
	struct pm_sleep sleep;
	struct pm_brk brk;
	struct pm_setid setuid;
	struct pm_setid setgid;
	struct pm_setpgid setpgid;
	struct pm_procs procs;
	struct pm_reboot reboot;
};
MSG_FITS(union pm_req);

/* The replies; each begins with the status. */
struct pm_waitpid_reply {
	int32_t status;	 /* the pid too */
	int32_t pid;	 /* who changed */
	int32_t wstatus; /* how */
};
MSG_FITS(struct pm_waitpid_reply);

struct pm_getpid_reply {
	int32_t status; /* the pid */
	int32_t ppid, pgrp;
};
MSG_FITS(struct pm_getpid_reply);

struct pm_sigaction_reply {
	int32_t status;
	uint32_t handler, mask, flags; /* the old ones */
};
MSG_FITS(struct pm_sigaction_reply);

/* PM_SIGPROCMASK (the old mask), PM_SIGPENDING (the pending ones). */
struct pm_mask_reply {
	int32_t status;
	uint32_t mask;
};
MSG_FITS(struct pm_mask_reply);

struct pm_sleep_reply {
	int32_t status;
	uint32_t left_ms; /* EINTR: what was left */
};
MSG_FITS(struct pm_sleep_reply);

struct pm_brk_reply {
	int32_t status;
	uint32_t brk;
};
MSG_FITS(struct pm_brk_reply);

struct pm_getids_reply {
	int32_t status;
	uint32_t uid, euid, gid, egid;
};
MSG_FITS(struct pm_getids_reply);

struct pm_times_reply {
	int32_t status;
	uint32_t child_user; /* ticks of its ended children */
};
MSG_FITS(struct pm_times_reply);

union pm_rep {
	int32_t status; /* every reply */
	struct pm_waitpid_reply waitpid;
	struct pm_getpid_reply getpid;
	struct pm_sigaction_reply sigaction;
	struct pm_mask_reply sigprocmask;
	struct pm_mask_reply sigpending;
	struct pm_sleep_reply sleep;
	struct pm_brk_reply brk;
	struct pm_getids_reply getids;
	struct pm_times_reply times;
};
MSG_FITS(union pm_rep);

/* What `ps` learns of each process (PM_PROCS). */
struct pm_procinfo {
	int32_t pid, ppid, pgrp, uid;
	int32_t ep;
	char state; /* R running or ready, S waiting, T stopped, Z zombie */
	char name[15];
	uint32_t denied; /* what the kernel refused it, all kinds */
};

#define PM_REQ(m) ((union pm_req *)(void *)(m)->m_u.b)
#define PM_REP(m) ((union pm_rep *)(void *)(m)->m_u.b)
