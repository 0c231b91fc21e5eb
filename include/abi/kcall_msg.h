/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Argument layouts for the kernel calls, one struct per call, each
 * overlaid on the 56-byte message payload (checked below).  "in" fields
 * are read by the kernel, "out" fields written by it.
 */
#pragma once

#include <stdint.h>

#include "endpoint.h"
#include "message.h"

struct kc_diag {      /* SYS_DIAG */
	uint32_t buf; /* in: address of the text */
	uint32_t len; /* in: its length (at most KC_DIAG_MAX) */
};
#define KC_DIAG_MAX 1024

struct kc_exit {	/* SYS_EXIT */
	endpoint_t who; /* in: SELF, or a process the caller manages */
	int32_t status; /* in: exit status reported to the manager */
};

#define FORK_HELD 1 /* the child waits for the caller instead of running */
struct kc_fork {    /* SYS_FORK */
	endpoint_t child;  /* out: the child's endpoint (NONE in the child) */
	endpoint_t parent; /* in: SELF, or a process awaiting our reply */
	uint32_t flags;	   /* in: FORK_HELD */
};

/* What a manager learns about a process it manages (SYS_GETKSIG). */
#define KSIG_NONE 0
#define KSIG_FAULT 1  /* CPU exception: the process is stopped */
#define KSIG_EXIT 2   /* it ended by itself */
#define KSIG_SIGNAL 3 /* signals were raised for it: status = bitmap */
struct kc_getksig {
	endpoint_t who;	     /* out: the process, or NONE if nothing pending */
	int32_t kind;	     /* out: KSIG_* */
	int32_t vector;	     /* out: CPU exception vector (KSIG_FAULT) */
	uint32_t eip;	     /* out: faulting instruction */
	uint32_t addr;	     /* out: faulting address (page faults) */
	int32_t status;	     /* out: exit status (KSIG_EXIT) */
	char name[16];	     /* out: process name */
	uint32_t user_ticks; /* out: ticks it ran (KSIG_EXIT) */
};

struct kc_setalarm {	/* SYS_SETALARM */
	uint32_t ticks; /* in: ticks from now; 0 cancels */
	uint32_t left;	/* out: ticks that were left on the old alarm */
};

struct kc_times {	     /* SYS_TIMES */
	uint64_t ticks;	     /* out: clock ticks since boot */
	uint64_t tsc;	     /* out: time-stamp counter now */
	uint32_t hz;	     /* out: clock ticks per second */
	uint32_t tsc_khz;    /* out: TSC ticks per millisecond */
	uint32_t user_ticks; /* out: ticks the caller ran */
	uint32_t boot_time;  /* out: wall clock at boot (s since 1970) */
};

#define GI_LOG 1	 /* the kernel log ring (oldest first) */
#define GI_PROCTAB 2	 /* an array of struct kinfo_proc */
#define GI_COUNTERS 3	 /* struct kinfo_counters */
#define GI_SELF 4	 /* the caller's own struct kinfo_proc */
#define GI_MODULES 5	 /* struct kinfo_module for each boot data module */
#define GI_CMDLINE 6	 /* the kernel's command line, NUL-terminated */
#define GI_PRIV 7	 /* struct kinfo_priv of process `who` */
#define GI_DMA 8	 /* a struct kinfo_dma for each DMA region */
#define KCMDLINE_MAX 256 /* longer command lines are cut short */
struct kc_getinfo {
	uint32_t what;	 /* in: GI_* */
	uint32_t buf;	 /* in: where to copy to */
	uint32_t len;	 /* in: room at buf */
	uint32_t copied; /* out: bytes copied */
	endpoint_t who;	 /* in: GI_PRIV: whose record */
};

/* Kinds of denial, counted per process and globally (GI_COUNTERS). */
#define DENY_TRAP 0  /* an IPC primitive */
#define DENY_IPC 1   /* an IPC target */
#define DENY_KCALL 2 /* a kernel call */
#define DENY_PORT 3  /* an I/O port */
#define DENY_IRQ 4   /* an IRQ line */
#define DENY_GRANT 5 /* a memory grant */
#define DENY_MEM 6   /* a physical memory range */
#define NR_DENY_KINDS 7

struct kinfo_proc {
	endpoint_t ep;
	uint32_t flags; /* the kernel's run-state bits; 0 = runnable */
	int32_t prio;
	uint32_t user_ticks;
	endpoint_t manager;
	char name[16];
	uint32_t denied[NR_DENY_KINDS]; /* denials of this process, by kind */
};

/* A boot module that holds data, not a program (its name ends in
 * ".img"): the RAM disk image, for instance. */
struct kinfo_module {
	char name[16];
	uint32_t base; /* physical */
	uint32_t len;
};
#define BOOT_DATA_MAX 4

struct kinfo_counters {
	uint64_t ipc_calls;    /* IPC traps */
	uint64_t kernel_calls; /* kernel-call traps */
	uint64_t faults;       /* CPU exceptions in processes */
	uint64_t ticks;
	uint64_t denied[NR_DENY_KINDS]; /* all denials, by kind */
	uint64_t denials_unlogged;	/* over the log's rate limit */
	uint64_t dma_quarantined;	/* DMA pages ever quarantined (dma.h) */
	uint64_t dma_released;		/* ... and released from quarantine */
};

/* A DMA region (kernel/dma.h): its owner, first frame and size. */
#define DMA_LIVE 1	  /* the owner is alive */
#define DMA_QUARANTINED 2 /* the owner is dead; not yet released */
struct kinfo_dma {
	endpoint_t owner;
	uint32_t phys;
	uint32_t pages;
	uint32_t state; /* DMA_* */
};

#define RB_HALT 0
#define RB_POWEROFF 1
#define RB_REBOOT 2
#define RB_DEBUG_EXIT 3 /* QEMU's isa-debug-exit, for tests; else halt */
struct kc_reboot {
	uint32_t how;  /* in: RB_* */
	uint32_t code; /* in: exit code for RB_DEBUG_EXIT */
};

struct kc_setgrant {	/* SYS_SETGRANT */
	uint32_t addr;	/* in: the table (struct grant_entry[count]) */
	uint32_t count; /* in: entries; 0 unregisters */
};

struct kc_safecopy { /* SYS_SAFECOPYFROM, SYS_SAFECOPYTO, SYS_SAFEMEMSET */
	endpoint_t granter; /* in: who made the grant */
	int32_t gid;	    /* in: its grant id */
	uint32_t offset;    /* in: where in the grant */
	uint32_t addr;	    /* in: the caller's buffer (MEMSET: the byte) */
	uint32_t len;	    /* in: bytes */
};

/* Port I/O: direction and width, or'ed together. */
#define DIO_IN 0x0
#define DIO_OUT 0x1
#define DIO_BYTE 0x0
#define DIO_WORD 0x2
#define DIO_LONG 0x4
#define DIO_FLAGS 0x7

struct kc_devio {	/* SYS_DEVIO */
	uint32_t port;	/* in */
	uint32_t flags; /* in: DIO_* */
	uint32_t value; /* in: for output; out: what was read */
};

struct kc_vdevio {	/* SYS_VDEVIO */
	uint32_t flags; /* in: DIO_* for every pair */
	uint32_t pairs; /* in: address of struct dio_pair[count] */
	uint32_t count; /* in: at most VDEVIO_MAX */
};
struct dio_pair {
	uint32_t port;
	uint32_t value; /* output, or filled in on input */
};
#define VDEVIO_MAX 64

struct kc_sdevio { /* SYS_SDEVIO: rep ins/outs, bytes or words */
	uint32_t port;
	uint32_t flags;	    /* DIO_IN/OUT | DIO_BYTE/WORD */
	endpoint_t granter; /* SELF: addr is in the caller's memory */
	int32_t gid;
	uint32_t offset; /* into the grant, or the caller's address */
	uint32_t len;	 /* bytes, a multiple of the width, <= 64 KiB */
};
#define SDEVIO_MAX 65536

#define IRQ_SETPOLICY 1	 /* hook `irq`; notifications carry bit `id` */
#define IRQ_RMPOLICY 2	 /* remove hook `hook` (the line is masked) */
#define IRQ_ENABLE 3	 /* unmask the hooked line */
#define IRQ_DISABLE 4	 /* mask it */
#define IRQ_REENABLE 0x1 /* policy: unmask again at once after each IRQ */
struct kc_irqctl {	 /* SYS_IRQCTL */
	uint32_t op;	 /* in: IRQ_* */
	uint32_t irq;	 /* in: SETPOLICY: the line */
	uint32_t policy; /* in: SETPOLICY: IRQ_REENABLE or 0 */
	uint32_t id;	 /* in: SETPOLICY: 0..31, the bit in notifications */
	int32_t hook;	 /* out: SETPOLICY's hook; in: the others */
};

/* A privilege record as PRIVCTL_SET installs it.  What it leaves out is
 * not allowed: a zeroed record allows nothing at all. */
#define PRIV_SYSTEM 0x1	  /* a system process (its own record) */
#define PRIV_SERVER 0x2	  /* ordinary user processes may SENDREC to it */
#define PRIV_TO_USERS 0x4 /* may send to ordinary user processes */
#define PRIV_MAX_TARGETS 32
#define PRIV_MAX_IO 8
#define PRIV_MAX_MEM 4
struct priv_mem {
	uint32_t base, len; /* a physical range MAPPHYS may map */
};
struct priv_io {
	uint16_t first, last; /* ports, inclusive */
};

struct priv_desc {
	uint32_t flags; /* PRIV_SERVER, PRIV_TO_USERS (PRIV_SYSTEM implied) */
	uint32_t traps; /* bit n: IPC primitive n */
	uint32_t calls; /* bit n: kernel call n */
	uint32_t irqs;	/* bit n: IRQ line n */
	uint32_t nr_targets;
	endpoint_t targets[PRIV_MAX_TARGETS]; /* may send to (and back) */
	uint32_t nr_io;
	struct priv_io io[PRIV_MAX_IO];
	uint32_t nr_mem;
	struct priv_mem mem[PRIV_MAX_MEM];
};

/* A process's privileges as the kernel holds them (GI_PRIV): what
 * PRIVCTL or the boot table installed, and the IPC targets as a bit per
 * process-table slot (EP_SLOT of an endpoint).  A user process has
 * flags without PRIV_SYSTEM, and its targets do not apply. */
struct kinfo_priv {
	endpoint_t ep;
	uint32_t flags; /* PRIV_* */
	uint32_t traps, calls, irqs;
	uint32_t nr_io;
	struct priv_io io[PRIV_MAX_IO];
	uint32_t nr_mem;
	struct priv_mem mem[PRIV_MAX_MEM];
	uint32_t ipc_to[(NR_PROCS + 31) / 32];
};

#define PRIVCTL_SET 1	/* install the record at `desc` for `who` */
#define PRIVCTL_USER 2	/* make `who` an ordinary user process */
struct kc_privctl {	/* SYS_PRIVCTL */
	endpoint_t who; /* in */
	uint32_t op;	/* in: PRIVCTL_* */
	uint32_t desc;	/* in: address of a struct priv_desc */
};

/* SYS_PRIVADD: the PCI driver hands a claimed device's resources to
 * its driver, all of them or none. */
struct priv_add {
	uint32_t nr_io;
	struct priv_io io[PRIV_MAX_IO];
	uint32_t nr_mem;
	struct priv_mem mem[PRIV_MAX_MEM];
	uint32_t irqs; /* bit n: IRQ line n */
};
struct kc_privadd {
	endpoint_t who; /* in: a system process, not the caller */
	uint32_t add;	/* in: address of a struct priv_add */
};

#define DMA_MAX (4u << 20)	 /* DMAALLOC: bytes in one call */
#define DMA_POOL_MAX (16u << 20) /* all DMA memory, live and quarantined */
#define DMA_REGIONS 32		 /* ... in at most this many pieces */
struct kc_mem {			 /* SYS_DMAALLOC, SYS_UMAP, SYS_MAPPHYS */
	uint32_t vaddr;	 /* in: where in the caller (page-aligned, except
			 * UMAP) */
	uint32_t len;	 /* in: bytes */
	uint32_t phys;	 /* DMAALLOC, UMAP: out; MAPPHYS: in */
	uint32_t contig; /* UMAP out: bytes physically contiguous there */
};

struct kc_dmarelease {	/* SYS_DMARELEASE (the PCI driver's) */
	endpoint_t who; /* in: a process that has ended, or ANY */
	uint32_t pages; /* out: how many were released */
};

struct kc_vircopy {	   /* SYS_VIRCOPY */
	endpoint_t src;	   /* in: SELF or a process */
	uint32_t src_addr; /* in */
	endpoint_t dst;	   /* in: SELF or a process */
	uint32_t dst_addr; /* in */
	uint32_t len;	   /* in */
};

struct kc_kill {	/* SYS_KILL */
	endpoint_t who; /* in: the process the signal is for */
	uint32_t sig;	/* in: 1 .. 31 */
};

#define T_READB 1  /* data = the byte at addr */
#define T_WRITEB 2 /* the byte at addr = data (even in read-only pages) */
#define T_READW 3  /* data = the 32-bit word at addr */
#define T_WRITEW 4 /* the word at addr = data */
#define T_GETREG 5 /* data = register number addr (T_REG_*) */
#define T_SETREG 6 /* register addr = data (eflags: user bits only) */
#define T_STOP 7   /* keep it from running */
#define T_RESUME 8 /* let a stopped process run again */
#define T_STATE 9  /* data = T_ST_* bits */
#define T_ST_SENDING 0x02
#define T_ST_RECEIVING 0x04
#define T_ST_STOPPED 0x08
#define T_REG_EAX 0
#define T_REG_EBX 1
#define T_REG_ECX 2
#define T_REG_EDX 3
#define T_REG_ESI 4
#define T_REG_EDI 5
#define T_REG_EBP 6
#define T_REG_ESP 7
#define T_REG_EIP 8
#define T_REG_EFLAGS 9
#define T_NR_REGS 10
struct kc_trace {	/* SYS_TRACE */
	uint32_t op;	/* in: T_* */
	endpoint_t who; /* in */
	uint32_t addr;	/* in: address or register number */
	uint32_t data;	/* in or out */
};

#define MM_WRITE 0x1 /* the pages are writable by the process */
#define MM_NEW 0x2   /* first replace its address space with an empty one */
#define MM_COPY 0x4  /* not a mapping: copy len bytes from src to vaddr */
struct kc_memmap {   /* SYS_MEMMAP (the process manager's) */
	endpoint_t who;
	uint32_t vaddr; /* page-aligned unless MM_COPY */
	uint32_t len;
	uint32_t flags; /* MM_* */
	uint32_t src;	/* MM_COPY: in the caller */
};

struct kc_exec { /* SYS_EXEC */
	endpoint_t who;
	uint32_t eip, esp;
	char name[16];
};

#define KC_CHECK(t)                                                            \
	_Static_assert(sizeof(struct t) <= MSG_PAYLOAD, #t " too big")
KC_CHECK(kc_diag);
KC_CHECK(kc_exit);
KC_CHECK(kc_fork);
KC_CHECK(kc_getksig);
KC_CHECK(kc_setalarm);
KC_CHECK(kc_times);
KC_CHECK(kc_getinfo);
KC_CHECK(kc_reboot);
KC_CHECK(kc_setgrant);
KC_CHECK(kc_safecopy);
KC_CHECK(kc_devio);
KC_CHECK(kc_vdevio);
KC_CHECK(kc_sdevio);
KC_CHECK(kc_irqctl);
KC_CHECK(kc_privctl);
KC_CHECK(kc_mem);
KC_CHECK(kc_dmarelease);
KC_CHECK(kc_vircopy);
KC_CHECK(kc_kill);
KC_CHECK(kc_trace);
KC_CHECK(kc_memmap);
KC_CHECK(kc_exec);

/* The payload of a kernel-call message seen as call arguments. */
#define KC_ARGS(m, t) ((struct t *)(void *)(m)->m_u.b)
