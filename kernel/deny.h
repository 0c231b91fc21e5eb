/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Denials are visible: every refusal of a privilege check goes through
 * deny(), which counts it for the process and globally (both read back
 * through GETINFO) and logs one line naming the process, the kind and
 * the resource -- at most DENY_LOG_PER_SEC lines a second, the rest only
 * counted, so a driver gone mad cannot flood the log.  deny() returns the
 * error for the caller to hand back.
 */
#pragma once

#include <stdint.h>

#include "abi/kcall_msg.h"
#include "proc.h"

#define DENY_LOG_PER_SEC 20

int deny(struct proc *p, int kind, uint32_t resource, int error);
