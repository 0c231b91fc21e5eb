/* SPDX-License-Identifier: BSD-2-Clause */
/* The process manager's parts (main.c has the overview). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "libsys.h"
#include "proto/pm.h"
#include "proto/vfs.h"

#define EDONTREPLY 0x40000001 /* a handler's "answered later, or never" */
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

/* main.c */
extern struct mproc mp[NR_MPROCS];
void pm_reply(struct mproc *p, int status, const struct pm_reply *rep);
struct mproc *pm_by_pid(int pid);
struct mproc *pm_by_ep(endpoint_t ep);
uint64_t pm_now(void);
/* A request to VFS (its reply in rep if not 0) -> status. */
int vfs_send(int type, const struct vfs_request *q, struct vfs_reply *rep);
int vfs_notice(int type, endpoint_t ep, endpoint_t ep2, uint32_t mode,
	       int32_t arg);

/* proc.c: life and death. */
struct mproc *proc_new(endpoint_t ep);
void do_fork(struct mproc *p);
void do_waitpid(struct mproc *p, const struct pm_request *q);
void proc_ended(struct mproc *p, int wstatus, uint32_t user_ticks);
void proc_terminate(struct mproc *p, int sig); /* end it by a signal */
void proc_child_changed(struct mproc *c);      /* tell the parent */

/* signal.c */
void sig_raise(struct mproc *p, int sig);
void sig_deliver(struct mproc *p); /* act on pending signals */
void sig_retry_all(void);
int do_kill(struct mproc *p, const struct pm_request *q);
int do_sigaction(struct mproc *p, const struct pm_request *q,
		 struct pm_reply *rep);
int do_sigprocmask(struct mproc *p, const struct pm_request *q,
		   struct pm_reply *rep);
int do_sigsuspend(struct mproc *p, const struct pm_request *q);
void sig_fault(struct mproc *p, int sig); /* a CPU exception */
void sig_exec(struct mproc *p);		  /* handlers back to default */

/* frame.c: running a handler in the process. */
int frame_push(struct mproc *p, int sig, uint32_t saved_mask);
bool frame_safe(struct mproc *p); /* not inside an IPC call */

/* timer.c: alarms and sleeps. */
int do_alarm(struct mproc *p, const struct pm_request *q);
int do_sleep(struct mproc *p, const struct pm_request *q);
void timer_expired(void);
void timer_arm(void);
void timer_retry_soon(void); /* a signal could not go yet */

/* misc.c: ids, groups, memory, times, reboot. */
int do_misc(struct mproc *p, int type, const struct pm_request *q,
	    struct pm_reply *rep);

/* procs.c: the boot processes in PM's table, the list for ps. */
void proc_boot(void); /* enter new boot processes, forget ended ones */
int do_procs(struct mproc *p, const struct pm_request *q);

/* exec.c: 1 when the process needs no reply (started, or ended), else
 * a negative error for it. */
int pm_exec(struct mproc *p, const struct pm_request *q);
