// SPDX-License-Identifier: BSD-2-Clause
/*
 * Time: the clock (gettimeofday, from the kernel's tick count and the
 * wall-clock time it read at boot) and sleeping (PM holds the reply
 * until the time is up; a signal ends the sleep early with EINTR).
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
	tv->tv_sec = (time_t)(kt.boot_time + kt.ticks / kt.hz);
	tv->tv_usec = (suseconds_t)(kt.ticks % kt.hz * (1000000 / kt.hz));
	return 0;
}

int nanosleep(const struct timespec *want, struct timespec *left)
{
	if (!want || want->tv_nsec < 0 || want->tv_nsec >= 1000000000 ||
	    want->tv_sec < 0)
		return libc_ret(-EINVAL);
	uint64_t ms = (uint64_t)want->tv_sec * 1000 +
		      ((uint64_t)want->tv_nsec + 999999) / 1000000;
	struct pm_request q = {.arg = ms > 0x7fffffff ? 0x7fffffff : (int)ms};
	struct pm_reply rep;
	int r = pm_call(PM_SLEEP, &q, &rep);
	if (r == -EINTR && left) {
		left->tv_sec = (time_t)(rep.a / 1000);
		left->tv_nsec = (long)(rep.a % 1000) * 1000000;
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
