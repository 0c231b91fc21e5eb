/* SPDX-License-Identifier: BSD-2-Clause */
/* Global event counters, read by GETINFO(GI_COUNTERS). */
#pragma once

#include "abi/kcall_msg.h"

extern struct kinfo_counters counters;
