/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The test service p_svc and the RS test t_rs talk with these messages
 * (a private test protocol, not a system one).
 *
 *   SVC_PING  -> SVC_REPLY: u32[0] = what sef_startup said (RS_FRESH or
 *                RS_RESTARTED), u32[1] = sef_restarts(), u32[2] = the
 *                "deny" mode's findings (bit per refusal seen), u32[3] =
 *                the state blob this instance found at start (0: none)
 *   SVC_HANG  the service loops forever: no reply, no heartbeat
 *   SVC_SAVE  u32[0] -> saved as the state blob (sef_state_save);
 *             SVC_REPLY u32[0] = what that returned
 */
#pragma once

#define SVC_PING 0x7e01
#define SVC_HANG 0x7e02
#define SVC_SAVE 0x7e03
#define SVC_REPLY 0x7e80

/* What "deny" mode tried, each refused as it must be. */
#define SVC_DENIED_PORT 0x1
#define SVC_DENIED_IRQ 0x2
#define SVC_DENIED_KCALL 0x4
#define SVC_DENIED_IPC 0x8
#define SVC_DENIED_ALL 0xf
