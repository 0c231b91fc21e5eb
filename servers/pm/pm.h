/* SPDX-License-Identifier: BSD-2-Clause */
/* The process manager's parts (main.c has the overview). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "libsys.h"
#include "proto/pm.h"
#include "vfsclient.h"

#define NR_MPROCS 128
#define PROCS_PER_USER 48 /* fork fails with EAGAIN beyond this */
#define INIT_PID 1
#define NSIG 32

/* Signal numbers (newlib's). */
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGFPE 8
#define SIGKILL 9
#define SIGBUS 10
#define SIGSEGV 11
#define SIGSYS 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGURG 16
#define SIGSTOP 17
#define SIGTSTP 18
#define SIGCONT 19
#define SIGCHLD 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGIO 23
#define SIGWINCH 28
#define SIGUSR1 30
#define SIGUSR2 31
#define SIG_DFL_H 0u
#define SIG_IGN_H 1u
#define SA_NOCLDSTOP_F 0x1
#define SA_RESETHAND_F 0x4000 /* newlib: not defined; ours */
#define SA_NODEFER_F 0x8000
#define BIT(sig) (1u << (sig))

struct sigact {
	uint32_t handler, mask, flags;
};

enum pm_block { B_NONE, B_WAIT, B_SIGSUSPEND, B_SLEEP };

struct mproc {
	endpoint_t ep; /* NONE: the slot is free */
	int pid, ppid, pgrp, sid;
	int uid, euid, gid, egid;
	bool zombie, stopped;
	bool managed;	    /* forked by PM: it may be signalled and exec'd */
	endpoint_t manager; /* not managed: its kernel manager (RS), or NONE */
	int wstatus;
	bool stop_news; /* stopped, and the parent has not waited for it */
	/* Blocked in a call to PM, answered later: */
	enum pm_block block;
	int wait_pid, wait_options;
	uint64_t sleep_until;
	/* Signals: */
	struct sigact act[NSIG];
	uint32_t tramp, mask, saved_mask, pending;
	uint64_t alarm_at; /* 0: none */
	/* Memory: */
	uint32_t brk_base, brk, brk_mapped;
	/* Accounting: */
	uint32_t child_user;
	char name[16];
};

/* A request's handler: checks the request, acts, and returns the
 * status of the reply (main.c sends it with the rest of rep), or
 * REPLY_LATER when the answer comes later or never (a wait, a sleep,
 * an exec that started the program). */
#define PM_HANDLER(name)                                                       \
	int name(struct mproc *p, const union pm_req *req, union pm_rep *rep)

/* main.c */
extern struct mproc mp[NR_MPROCS];
void pm_reply(struct mproc *p, int status); /* a reply of status alone */
struct mproc *pm_by_pid(int pid);
struct mproc *pm_by_ep(endpoint_t ep);
uint64_t pm_now(void);

/* proc.c: life and death. */
struct mproc *proc_new(endpoint_t ep);
PM_HANDLER(do_fork);
PM_HANDLER(do_waitpid);
void proc_ended(struct mproc *p, int wstatus, uint32_t user_ticks);
void proc_terminate(struct mproc *p, int sig); /* end it by a signal */
void proc_child_changed(struct mproc *c);      /* tell the parent */

/* signal.c */
void sig_raise(struct mproc *p, int sig);
void sig_deliver(struct mproc *p); /* act on pending signals */
void sig_retry_all(void);
PM_HANDLER(do_kill);
PM_HANDLER(do_sigaction);
PM_HANDLER(do_sigprocmask);
PM_HANDLER(do_sigsuspend);
PM_HANDLER(do_sigpending);
PM_HANDLER(do_sigreturn);
void sig_fault(struct mproc *p, int sig); /* a CPU exception */
void sig_exec(struct mproc *p);		  /* handlers back to default */

/* frame.c: running a handler in the process. */
int frame_push(struct mproc *p, int sig, uint32_t saved_mask);
bool frame_safe(struct mproc *p); /* not inside an IPC call */

/* timer.c: alarms and sleeps. */
PM_HANDLER(do_alarm);
PM_HANDLER(do_sleep);
void timer_expired(void);
void timer_arm(void);
void timer_retry_soon(void); /* a signal could not go yet */

/* misc.c: ids, groups, memory, times, reboot. */
PM_HANDLER(do_getpid);
PM_HANDLER(do_getids);
PM_HANDLER(do_setuid);
PM_HANDLER(do_setgid);
PM_HANDLER(do_setsid);
PM_HANDLER(do_setpgid);
PM_HANDLER(do_brk);
PM_HANDLER(do_times);
PM_HANDLER(do_reboot);

/* procs.c: the boot processes in PM's table, the list for ps. */
void proc_boot(void); /* enter new boot processes, forget ended ones */
PM_HANDLER(do_procs);

/* exec.c: a negative error for the process, or REPLY_LATER when it
 * needs no reply (started, or ended). */
PM_HANDLER(do_exec);
