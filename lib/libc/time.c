// SPDX-License-Identifier: BSD-2-Clause
/*
 * Time: the clock (gettimeofday, from the kernel's tick count and the
 * wall-clock time it read at boot) and sleeping (PM holds the reply
 * until the time is up; a signal ends the sleep early with EINTR).
 * clock_gettime has CLOCK_REALTIME (gettimeofday's clock, to the tick)
 * and CLOCK_MONOTONIC, finer than a tick: the CPU's time-stamp counter
 * (libsys's clock_us), for measuring intervals such as ping's.
 */
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "libc.h"

int gettimeofday(struct timeval *tv, void *tz)
{
	(void)tz;
	struct kc_times kt;
	if (sys_times(&kt) < 0 || kt.hz == 0)
		return libc_ret(-EIO);
	struct timeval now = {
		(time_t)(kt.boot_time + kt.ticks / kt.hz),
		(suseconds_t)(kt.ticks % kt.hz * (1000000 / kt.hz))};
	return libc_ret(libc_out(tv, &now, sizeof(now)));
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
	struct timeval now;
	struct timespec t;
	if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC)
		return libc_ret(-EINVAL);
	if (id == CLOCK_REALTIME) {
		if (gettimeofday(&now, 0) < 0)
			return -1;
		t.tv_sec = now.tv_sec;
		t.tv_nsec = (long)now.tv_usec * 1000;
	} else {
		uint64_t us = clock_us();
		t.tv_sec = (time_t)(us / 1000000);
		t.tv_nsec = (long)(us % 1000000) * 1000;
	}
	return libc_ret(libc_out(ts, &t, sizeof(t)));
}

time_t time(time_t *t)
{
	struct timeval now;
	if (gettimeofday(&now, 0) < 0)
		return (time_t)-1;
	if (t && libc_ret(libc_out(t, &now.tv_sec, sizeof(*t))) < 0)
		return (time_t)-1;
	return now.tv_sec;
}

int nanosleep(const struct timespec *want, struct timespec *left)
{
	struct timespec w;
	int r = libc_in(&w, want, sizeof(w));
	if (r < 0)
		return libc_ret(r);
	if (w.tv_nsec < 0 || w.tv_nsec >= 1000000000 || w.tv_sec < 0)
		return libc_ret(-EINVAL);
	uint64_t ms = (uint64_t)w.tv_sec * 1000 +
		      ((uint64_t)w.tv_nsec + 999999) / 1000000;
	union pm_req q = {
		.sleep = {.ms = ms > 0x7fffffff ? 0x7fffffff : (int32_t)ms}};
	union pm_rep rep;
	r = pm_call(PM_SLEEP, &q, &rep);
	if (r == -EINTR && left) {
		uint32_t left_ms = rep.sleep.left_ms;
		struct timespec l = {(time_t)(left_ms / 1000),
				     (long)(left_ms % 1000) * 1000000};
		if (libc_out(left, &l, sizeof(l)) < 0)
			r = -EFAULT;
	}
	return libc_ret(r);
}

unsigned sleep(unsigned secs)
{
	struct timespec t = {(time_t)secs, 0}, left = {0, 0};
	if (nanosleep(&t, &left) < 0)
		return (unsigned)left.tv_sec + (left.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t us)
{
	struct timespec t = {(time_t)(us / 1000000),
			     (long)(us % 1000000) * 1000};
	return nanosleep(&t, 0);
}
