/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Per-driver policy files (/etc/system.d/LABEL.conf, from
 * drivers/LABEL/LABEL.conf) and their parser, lib/libpolicy.  The same
 * code runs in the reincarnation server, which installs what a file
 * grants with PRIVCTL, and in the host tool tools/policycheck, which
 * checks every file at build time.  The manual page is
 * docs/man/policy.5.md.
 *
 * A file holds one block, `driver`, `server` or `program` (enum
 * policy_kind):
 *
 *	# a comment runs to the end of the line
 *	driver tty {
 *		ipc     vfs rs;              # labels it may send to; "users":
 *		                             # user processes may call it
 *		kernel  DEVIO IRQCTL;        # names from abi/kcalls.h
 *		io      0x3f8:8 0x60;        # BASE[:COUNT] port ranges
 *		irq     1 4;                 # IRQ lines 0..15
 *		memory  0xb8000:0x8000;      # BASE:LENGTH physical ranges,
 *		                             # or boot: the boot data modules
 *		pci device 10ec:8139;        # VVVV:DDDD, hex
 *		pci class  02/00;            # CC[/SS[/PP]], hex
 *		heartbeat 1000;              # ping period, ms
 *		restart   always;            # or never
 *		backoff   100 10000;         # first and longest wait, ms
 *		limit     10 60;             # at most 10 restarts in 60 s
 *		script    /etc/rs.tty;       # run as: /bin/sh PATH LABEL REASON COUNT
 *		copy      yes;               # restart from a copy in RAM
 *		reset     driver;            # or none, or pci
 *		priority  1;                 # its queue, if a boot process
 *	};
 *
 * The first six keywords are the isolation policy: a keyword left out
 * grants nothing, and each may repeat (the values add up).  The rest
 * are the recovery policy and the boot priority: each may appear once,
 * and a keyword left out takes the default set by policy_parse (no
 * heartbeat, restart always, backoff 100 10000, no limit, no script, no
 * copy, reset driver, priority 3).
 *
 * policy_parse() checks the whole text before it changes *out: on an
 * error it writes one line "FILE:LINE: what is wrong" (no newline) to
 * err, leaves *out alone and returns -1.  It needs no heap, no stdio and
 * no global state, so it links into the host tools and into RS alike.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abi/ipc.h"
#include "abi/kcall_msg.h"
#include "abi/kcalls.h"

#define POLICY_LABEL_MAX 16 /* labels: 1..15 of [a-z0-9_-], and a NUL */
#define POLICY_MAX_IPC 16
#define POLICY_MAX_IO PRIV_MAX_IO
#define POLICY_MAX_MEM PRIV_MAX_MEM
#define POLICY_MAX_PCI_DEV 8
#define POLICY_MAX_PCI_CLASS 4
#define POLICY_SCRIPT_MAX 128 /* an absolute path of 127 bytes, a NUL */
#define POLICY_ERR_MAX 256    /* fits any message if FILE is < 128 bytes */
#define POLICY_USERS "users"  /* in `ipc`: ordinary user processes */

/* What the block describes: its first word. */
enum policy_kind {
	POLICY_DRIVER,	/* a driver or service that RS starts, watches and
			 * restarts (at boot RS adopts it) */
	POLICY_SERVER,	/* a core server of the boot image: nothing restarts
			 * it, and the kernel reports its end */
	POLICY_PROGRAM, /* a boot program that runs on its own (init, the
			 * test programs of a test build) */
};

#define POLICY_PRIORITY_MAX 7	  /* the kernel's NR_QUEUES - 1 */
#define POLICY_PRIORITY_DEFAULT 3 /* the servers' queue */

/* The kernel calls every process holds, whatever its policy says: end
 * itself, read the clock, register its grant table and copy through
 * grants made to it (the user record has exactly these, kernel/priv.h). */
#define POLICY_EVERY_CALL                                                      \
	(KCALL_BIT(SYS_EXIT) | KCALL_BIT(SYS_TIMES) |                          \
	 KCALL_BIT(SYS_SETGRANT) | KCALL_BIT(SYS_SAFECOPYFROM) |               \
	 KCALL_BIT(SYS_SAFECOPYTO))

enum policy_restart {
	POLICY_RESTART_ALWAYS, /* after every failure (the default) */
	POLICY_RESTART_NEVER,  /* the driver stays down when it fails */
};

enum policy_reset {
	POLICY_RESET_NONE,   /* the device needs no reset */
	POLICY_RESET_DRIVER, /* the driver resets it when it starts */
	POLICY_RESET_PCI,    /* reset through the PCI bus first */
};

/* Which parts of a "pci class" were given. */
#define POLICY_PCI_CLASS 0x1
#define POLICY_PCI_SUBCLASS 0x2
#define POLICY_PCI_PROGIF 0x4

struct policy_io {
	uint16_t first, last; /* inclusive, like struct priv_desc */
};

struct policy_pci_dev {
	uint16_t vendor, device;
};

struct policy_pci_class {
	uint8_t class, subclass, progif;
	uint8_t mask; /* POLICY_PCI_*: the parts to match */
};

struct policy {
	enum policy_kind kind;
	char label[POLICY_LABEL_MAX];
	uint32_t line; /* where "driver LABEL" is, for messages */

	/* Isolation. */
	uint32_t nr_ipc;
	char ipc[POLICY_MAX_IPC][POLICY_LABEL_MAX]; /* each label once */
	bool users;	/* `ipc users`: PRIV_SERVER | PRIV_TO_USERS */
	uint32_t calls; /* KCALL_BIT(SYS_x) */
	uint32_t nr_io;
	struct policy_io io[POLICY_MAX_IO];
	uint32_t irqs; /* bit n: IRQ line n */
	uint32_t nr_mem;
	struct priv_mem mem[POLICY_MAX_MEM];
	bool boot_data; /* "memory boot": RS adds the boot data modules */
	uint32_t nr_pci_dev;
	struct policy_pci_dev pci_dev[POLICY_MAX_PCI_DEV];
	uint32_t nr_pci_class;
	struct policy_pci_class pci_class[POLICY_MAX_PCI_CLASS];

	/* Recovery. */
	uint32_t heartbeat_ms; /* 0: no heartbeat */
	enum policy_restart restart;
	uint32_t backoff_first_ms, backoff_max_ms;
	uint32_t limit_count, limit_window_s; /* 0 0: no limit */
	char script[POLICY_SCRIPT_MAX];	      /* "": none */
	bool copy;
	enum policy_reset reset;

	/* Boot.  The scheduling queue of a boot process (0 most urgent);
	 * a process RS starts later runs in RS's queue. */
	uint32_t priority;
};

/* Parse `len` bytes of `text`, read from `file` (used in messages).
 * 0 and *out filled in, or -1 and the message in err. */
int policy_parse(const char *file, const char *text, size_t len,
		 struct policy *out, char *err, size_t errlen);

/* The privileges a policy grants, as PRIVCTL_SET takes them: every IPC
 * primitive (what a process may reach is what `ipc` says), the kernel
 * calls named plus POLICY_EVERY_CALL, IRQ lines, port and memory
 * ranges, and with `ipc users` the flags PRIV_SERVER and PRIV_TO_USERS.
 * The IPC targets are left empty: the endpoints of the labels in
 * p->ipc (and of RS and DS, which every policy may reach) only the
 * installer can look up; so are the boot data modules of `memory boot`.
 * RS (servers/rs/priv.c) and the boot table's generator
 * (tools/mkboottable.c) both start from this record. */
void policy_to_priv(const struct policy *p, struct priv_desc *d);
