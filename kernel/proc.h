/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The process table.
 *
 * A slot holds everything the kernel knows about one process: its saved
 * registers, address space, endpoint, run state, scheduling and IPC state,
 * its privileges, and who manages it (the process told of its faults and
 * exit: later PM for user processes and RS for services).
 *
 * A process may run only when rts == 0.  Each bit says why it cannot:
 * RTS_SENDING / RTS_RECEIVING (blocked in IPC), RTS_STOPPED (it faulted;
 * its manager decides), RTS_ZOMBIE (it ended; its manager has not yet
 * collected the news), RTS_FREE (the slot is empty).
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "abi/endpoint.h"
#include "abi/kcall_msg.h"
#include "arch/i386/arch.h"

#define RTS_FREE 0x01
#define RTS_SENDING 0x02
#define RTS_RECEIVING 0x04
#define RTS_STOPPED 0x08
#define RTS_ZOMBIE 0x10
#define RTS_INIT 0x20 /* being set up, not yet started */

#define PROC_NAME_LEN 16
#define FPU_STATE_SIZE 108 /* fnsave format */
#define NOTIFY_WORDS ((NR_PROCS + 31) / 32)

/*
 * Privileges (priv.h has the checks).  A system process (PRIV_SYSTEM)
 * has its own record: the IPC primitives, kernel calls, IPC targets (a
 * bit per slot), I/O ports and IRQ lines it may use.  Every ordinary
 * user process holds the same user record: SENDREC only, to servers.
 */
#define NR_IO_RANGES 8

struct io_range {
	uint16_t first, last; /* inclusive */
};

struct priv {
	uint32_t flags;			       /* PRIV_* (abi/kcall_msg.h) */
	uint32_t ipc_to[(NR_PROCS + 31) / 32]; /* by slot, for PRIV_SYSTEM */
	uint32_t traps; /* bit n: IPC primitive n allowed */
	uint32_t calls; /* bit n: kernel call n allowed (abi/kcalls.h) */
	struct io_range io[NR_IO_RANGES]; /* ports it may use */
	int nr_io;
	uint32_t irqs;			   /* bit n: IRQ line n may be hooked */
	struct priv_mem mem[PRIV_MAX_MEM]; /* physical ranges to map */
	int nr_mem;
};

/* What the manager will learn through GETKSIG. */
struct ksig {
	int kind; /* KSIG_NONE, KSIG_FAULT, KSIG_EXIT */
	int vector;
	uint32_t eip, addr;
	int status;
};

struct proc {
	struct trapframe regs; /* user registers while not running */
	uint32_t pd;	       /* page directory (physical) */
	endpoint_t ep;
	uint32_t gen;
	uint32_t rts;
	char name[PROC_NAME_LEN];
	struct priv priv;
	uint32_t grant_table; /* address of its grant entries (grant.c) */
	uint32_t grant_count;
	uint32_t denied[NR_DENY_KINDS]; /* denials, by kind (deny.c) */
	endpoint_t manager;
	bool core;    /* a core server of the boot image: its end is reported */
	bool devices; /* PRIVADD gave it a device: DMA quarantine (dma.h) */
	struct ksig ksig;
	uint32_t ksigs; /* signals raised by KILL, for the manager */

	/* scheduling (sched.c) */
	int prio;      /* its queue now: base_prio, or lower while it hogs */
	int base_prio; /* from the boot table, or its parent */
	int quantum, ticks_left;
	uint32_t user_ticks;
	struct proc *rq_next;

	/* IPC (ipc.c) */
	bool reply_pend;      /* in SENDREC: only the reply may end it */
	endpoint_t sendto;    /* while RTS_SENDING */
	endpoint_t getfrom;   /* while RTS_RECEIVING: an endpoint or ANY */
	uint32_t msg_uva;     /* the message buffer of the blocked call */
	struct proc *callers; /* FIFO of processes sending to this one */
	struct proc *q_next;  /* link in someone's callers queue */
	uint32_t notify_procs[NOTIFY_WORDS]; /* pending, by sender slot */
	uint32_t notify_kernel; /* pending from HARDWARE/CLOCK/SYSTEM */
	uint32_t notify_arg[NR_KERNEL_EPS]; /* their accumulated payloads */

	/* clock (clock.c) */
	uint64_t alarm_at; /* tick of the alarm; 0 = none */

	uint8_t fpu[FPU_STATE_SIZE]; /* x87 state while not running */
};

extern struct proc proc_table[NR_PROCS];
extern struct proc *current; /* running process, or 0 while idle */

struct proc *proc_alloc(void);
struct proc *ep_proc(endpoint_t ep);		/* a live process, or 0 */
int ep_check(endpoint_t ep, struct proc **out); /* 0, -EBADEPT, -EDEADEPT */
void proc_exit(struct proc *p, int status);
void proc_fault(struct proc *p, int vector, uint32_t addr);
void proc_free(struct proc *p);
void proc_set_result(struct proc *p, int result);
