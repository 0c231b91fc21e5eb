/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The clock: HZ ticks a second from the 8254, quanta, and alarms.
 * An alarm that expires reaches its process as a notification from CLOCK.
 */
#pragma once

#include <stdint.h>

#define HZ 100

extern uint64_t clock_ticks;
extern uint32_t tsc_khz;   /* TSC ticks per millisecond, measured at boot */
extern uint32_t boot_time; /* wall clock at boot, seconds since 1970 */

uint32_t rtc_read(void); /* arch/i386/rtc.c */

void clock_init(void);
void clock_tick(void);
void clock_alarm_changed(uint64_t at);
