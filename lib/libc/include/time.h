/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * newlib's <time.h>, which declares nanosleep() and clock_gettime()
 * only for targets with _POSIX_TIMERS, and CLOCK_MONOTONIC only with
 * _POSIX_MONOTONIC_CLOCK; Samsara's libc has them (lib/libc/time.c:
 * CLOCK_REALTIME and CLOCK_MONOTONIC).
 */
#pragma once

#include_next <time.h>

#ifndef _POSIX_TIMERS
int nanosleep(const struct timespec *want, struct timespec *left);
int clock_gettime(clockid_t id, struct timespec *ts);
#endif

#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC ((clockid_t)4)
#endif
