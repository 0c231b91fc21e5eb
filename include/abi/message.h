/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The IPC message: 64 bytes, the same for every primitive.
 *
 * The header is the source endpoint and a type.  The kernel writes
 * m_source itself when it delivers a message, so a receiver can trust it:
 * no process can pretend to be another.  The type and the 56-byte payload
 * belong to the protocol in use (one header per protocol in
 * include/proto/).  Bulk data never travels in messages; it moves through
 * memory grants.
 */
#pragma once

#include <stdint.h>

typedef int32_t endpoint_t;

#define MSG_SIZE 64
#define MSG_PAYLOAD 56

typedef struct message {
	endpoint_t m_source; /* stamped by the kernel on delivery */
	int32_t m_type;	     /* protocol-defined request or reply type */
	union {
		uint8_t b[MSG_PAYLOAD];
		uint32_t u32[MSG_PAYLOAD / 4];
		int32_t i32[MSG_PAYLOAD / 4];
		uint64_t u64[MSG_PAYLOAD / 8];
	} m_u;
} message_t;

_Static_assert(sizeof(message_t) == MSG_SIZE, "message must be 64 bytes");

/* Every protocol's payload struct is checked against the payload size:
 * MSG_FITS(struct fs_lookup); after its definition. */
#define MSG_FITS(type)                                                         \
	_Static_assert(sizeof(type) <= MSG_PAYLOAD, #type " fits a message")

/*
 * A notification reaches its receiver as a message of this type, and the
 * IPC status word (see ipc.h) says NOTIFY, so a receiver can tell it from a
 * message that merely claims this type.  Payload of a notification:
 *   u32[0]  what the source has pending (HARDWARE: IRQ hook bits;
 *           SYSTEM: kernel-signal flag); 0 for process notifications
 *   u64[1]  the clock tick at delivery
 */
#define NOTIFY_MESSAGE 0x1000
#define NOTIFY_ARG(m) ((m)->m_u.u32[0])
#define NOTIFY_TICKS(m) ((m)->m_u.u64[1])
