/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel-call list: the one source of truth.
 *
 * Each X(NAME, name) line yields the call number SYS_NAME, the kernel's
 * dispatch-table entry do_name (kernel/call/name.c), the name used in
 * policy files and traces (kcall_names[]), and the library wrapper
 * sys_name (lib/libsys/sys_name.c).  Add a call here and nowhere else.
 *
 * A process traps with `int $KCALL_VECTOR` and eax = call number,
 * ebx = pointer to a message holding the arguments (layouts in
 * abi/kcall_msg.h).  The kernel checks the caller's kernel-call bitmap
 * before it reads the message, then copies the message in, runs the
 * handler, copies the message back (with any results) and returns
 * 0 or a negative error in eax.
 */
#pragma once

#define KCALL_LIST(X)                                                          \
	X(DIAG, diag)	      /* write text to the kernel log */               \
	X(EXIT, exit)	      /* end the caller or a process it manages */     \
	X(FORK, fork)	      /* copy the caller into a new process */         \
	X(GETKSIG, getksig)   /* a manager collects a kernel signal */         \
	X(SETALARM, setalarm) /* one-shot alarm as a CLOCK notification */     \
	X(TIMES, times)	      /* clock ticks, TSC and its rate */              \
	X(GETINFO, getinfo)   /* copy out kernel log or process table */       \
	X(REBOOT, reboot)     /* halt, power off or reboot the machine */      \
	X(SETGRANT, setgrant) /* register the caller's grant table */          \
	X(SAFECOPYFROM, safecopyfrom) /* copy from a grant */                  \
	X(SAFECOPYTO, safecopyto)     /* copy to a grant */                    \
	X(SAFEMEMSET, safememset)     /* fill a grant with a byte */           \
	X(DEVIO, devio)		      /* one port input or output */           \
	X(VDEVIO, vdevio)	      /* a vector of port operations */        \
	X(SDEVIO, sdevio)	      /* string I/O between port and grant */  \
	X(IRQCTL, irqctl)	      /* hook, enable, disable an IRQ line */  \
	X(PRIVCTL, privctl)	      /* set a process's privileges */         \
	X(PRIVADD, privadd)	      /* add one device resource to them */    \
	X(DMAALLOC, dmaalloc)	      /* contiguous memory for DMA */          \
	X(DMARELEASE, dmarelease)     /* free a dead holder's DMA memory */    \
	X(UMAP, umap)		      /* physical address of own memory */     \
	X(MAPPHYS, mapphys)	      /* map an allowed physical range */      \
	X(VIRCOPY, vircopy)	      /* copy between two processes */         \
	X(KILL, kill)	  /* a kernel signal for a process's manager */        \
	X(TRACE, trace)	  /* read or write another process */                  \
	X(MEMMAP, memmap) /* map or fill memory of a managed process */        \
	X(EXEC, exec)	  /* start a managed process on a new program */

enum kcall_nr {
#define KCALL_ENUM(NAME, name) SYS_##NAME,
	KCALL_LIST(KCALL_ENUM)
#undef KCALL_ENUM
		NR_KCALLS
};

#define KCALL_BIT(nr) (1u << (nr))
#define KCALLS_ALL ((1u << NR_KCALLS) - 1)
_Static_assert(NR_KCALLS <= 32, "kernel-call bitmap is one word");
