/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * newlib's <time.h>, which declares nanosleep() only for targets with
 * _POSIX_TIMERS; Samsara's libc has it (lib/libc/time.c).
 */
#pragma once

#include_next <time.h>

#ifndef _POSIX_TIMERS
int nanosleep(const struct timespec *want, struct timespec *left);
#endif
