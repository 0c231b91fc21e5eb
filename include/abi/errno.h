/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Error numbers returned by the kernel (negated: a call returns 0 or -E...).
 *
 * The classic ones keep the values newlib uses, so user code can compare
 * against <errno.h>.  The ones from 200 up are Samsara's own: they tell
 * apart the ways an IPC can fail, so that a server can react to each.
 */
#pragma once

#ifndef EPERM
#define EPERM 1	  /* not allowed */
#define ENOENT 2  /* no such thing */
#define ESRCH 3	  /* no such process */
#define EINTR 4	  /* interrupted */
#define EIO 5	  /* input/output error */
#define E2BIG 7	  /* argument too long */
#define ENOEXEC 8 /* bad executable */
#define EAGAIN 11 /* try again */
#define ENOMEM 12 /* out of memory */
#define EFAULT 14 /* bad address */
#define EBUSY 16  /* busy */
#define EINVAL 22 /* invalid argument */
#define ENOSPC 28 /* no room left */
#define ENOSYS 88 /* not implemented */
#endif

#define ENOTREADY 201	/* SENDNB: the destination is not receiving */
#define EDEADSRCDST 202 /* the peer died while the caller was blocked */
#define ELOCKED 208	/* the call would close a cycle of blocked procs */
#define EBADCALL 209	/* no such IPC primitive or kernel call */
#define ECALLDENIED 210 /* kernel call not in the caller's privileges */
#define ETRAPDENIED 211 /* IPC primitive not in the caller's privileges */
#define EIPCDENIED 213	/* IPC target not in the caller's privileges */
#define EDEADEPT 215	/* the endpoint names no living process */
#define EBADEPT 216	/* the value is not an endpoint at all */
