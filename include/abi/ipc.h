/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The IPC trap: primitives, register convention and status word.
 *
 * A process traps with `int $IPC_VECTOR` and
 *     eax = primitive, ebx = peer endpoint, ecx = message pointer.
 * On return eax = 0 or a negative error (abi/errno.h) and, after a
 * successful RECEIVE or SENDREC, ebx = the status word: the primitive that
 * delivered the message (IPC_STATUS_CALL).  That is how a receiver tells a
 * NOTIFY from an ordinary message.
 *
 *   SEND     block until the destination has taken the message
 *   RECEIVE  block until a message from the given endpoint (or ANY) arrives
 *   SENDREC  SEND, then RECEIVE from the same peer; only its reply (never a
 *            notification) ends the wait.  One call: the caller waits for
 *            the reply from the moment the peer takes the request, so a
 *            reply by SENDNB (ipc_reply) always reaches it -- a SEND and a
 *            later RECEIVE miss it whenever the peer answers in between
 *   NOTIFY   never blocks: sets a pending bit the receiver collects later;
 *            repeated notifications from one sender coalesce
 *   SENDNB   deliver only if the destination is waiting for it, else fail
 *            at once with ENOTREADY
 */
#pragma once

#define IPC_VECTOR 0x30
#define KCALL_VECTOR 0x31

#define SEND 1
#define RECEIVE 2
#define SENDREC 3
#define NOTIFY 4
#define SENDNB 5
#define IPC_NR_PRIMS 6	   /* primitives are 1 .. IPC_NR_PRIMS-1 */
#define IPC_TRAPS_ALL 0x3e /* a mask with every primitive's bit */

#define IPC_STATUS_CALL(status) ((status)&0xff)
#define IPC_IS_NOTIFY(status) (IPC_STATUS_CALL(status) == NOTIFY)
