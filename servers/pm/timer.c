// SPDX-License-Identifier: BSD-2-Clause
/*
 * Alarms (alarm(2): SIGALRM after so many seconds) and sleeps
 * (nanosleep: PM holds the reply until the time is up).  PM keeps the
 * deadlines in its table and one kernel alarm (SYS_SETALARM) for the
 * earliest; the CLOCK notification brings timer_expired.  The same
 * alarm brings the retry of signals that could not be delivered yet.
 */
#include "pm.h"

static bool retry;

static uint32_t hz(void)
{
	struct kc_times t;
	return sys_times(&t) == 0 && t.hz ? t.hz : 100;
}

int do_alarm(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	const struct pm_alarm *q = &req->alarm;
	uint64_t now = pm_now(), h = hz();
	uint32_t left = 0;
	if (q->seconds < 0)
		return -EINVAL;
	if (p->alarm_at > now)
		left = (uint32_t)((p->alarm_at - now + h - 1) / h);
	p->alarm_at = q->seconds ? now + (uint64_t)q->seconds * h : 0;
	return (int)left;
}

int do_sleep(struct mproc *p, const union pm_req *req, union pm_rep *rep)
{
	(void)rep;
	const struct pm_sleep *q = &req->sleep;
	if (q->ms < 0)
		return -EINVAL;
	uint64_t ticks = ((uint64_t)q->ms * hz() + 999) / 1000;
	if (ticks == 0)
		return 0;
	p->sleep_until = pm_now() + ticks;
	p->block = B_SLEEP;
	return REPLY_LATER;
}

void timer_retry_soon(void)
{
	retry = true;
}

void timer_expired(void)
{
	uint64_t now = pm_now();
	retry = false;
	for (int i = 0; i < NR_MPROCS; i++) {
		struct mproc *p = &mp[i];
		if (p->ep == NONE || p->zombie)
			continue;
		if (p->block == B_SLEEP && p->sleep_until <= now) {
			p->block = B_NONE;
			pm_reply(p, 0);
		}
		if (p->alarm_at && p->alarm_at <= now) {
			p->alarm_at = 0;
			sig_raise(p, SIGALRM);
		}
	}
}

void timer_arm(void)
{
	uint64_t now = pm_now(), first = retry ? now + 1 : UINT64_MAX;
	for (int i = 0; i < NR_MPROCS; i++) {
		struct mproc *p = &mp[i];
		if (p->ep == NONE || p->zombie)
			continue;
		if (p->block == B_SLEEP && p->sleep_until < first)
			first = p->sleep_until;
		if (p->alarm_at && p->alarm_at < first)
			first = p->alarm_at;
	}
	if (first != UINT64_MAX)
		sys_setalarm(first > now ? (uint32_t)(first - now) : 1, 0);
	else
		sys_setalarm(0, 0);
}
