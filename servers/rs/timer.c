// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS's clock: a CLOCK notification every TICK_MS, or a quarter of the
 * shortest heartbeat period if that is shorter, so that a hang is found
 * at most a quarter period late.  On each tick it
 *   - pings every running service that has a heartbeat period, once a
 *     period, with a NOTIFY (the server library answers with one);
 *   - ends a service whose last answer is two periods old
 *     ("no-heartbeat"): it is hung, or too busy to be of use;
 *   - delivers a fault injection its service was too busy to take;
 *   - starts the services whose back-off wait is over;
 *   - collects recovery scripts that have finished.
 * A service is pinged only once it has said RS_INIT, so a slow start
 * is not a hang.  Nor is RS's own lateness: if a whole period passed
 * without a tick (RS waited for PM, say, which waited for VFS), the
 * missing answers are not held against the service; its two periods
 * start afresh.
 */
#include <string.h>

#include "rs.h"

#define TICK_MS 100

static uint32_t tick_ticks(void)
{
	if (pci_pending())
		return 1; /* an instance may be held for PCI */
	uint32_t ms = TICK_MS;
	for (int i = 0; i < NR_SERVICES; i++)
		if (svc[i].used && svc[i].ep != NONE &&
		    svc[i].pol.heartbeat_ms && svc[i].pol.heartbeat_ms / 4 < ms)
			ms = svc[i].pol.heartbeat_ms / 4;
	struct kc_times t;
	uint32_t n = sys_times(&t) == 0 ? t.hz * ms / 1000 : 1;
	return n ? n : 1;
}

void svc_heartbeat(endpoint_t from)
{
	struct service *s = svc_by_ep(from);
	if (s)
		s->alive_ms = clock_ms();
}

/* Fault injection (RS_FI) goes by a non-blocking send, which fails
 * while the service is busy rather than waiting for it: so it is tried
 * again on every tick until that instance takes it (or is gone). */
void svc_inject(struct service *s)
{
	if (!s->fi_pending || s->ep != s->fi_ep) {
		s->fi_pending = false;
		return;
	}
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = RS_FI;
	RS_REQ(&m)->fi.kind = s->fi_kind;
	if (ipc_sendnb(s->ep, &m) == 0)
		s->fi_pending = false;
}

/* gap: the time since RS's previous tick. */
static void watch(struct service *s, uint64_t now, uint64_t gap)
{
	uint32_t period = s->pol.heartbeat_ms;
	if (s->ep == NONE || s->state != SVC_RUNNING || period == 0)
		return;
	if (gap >= period) {
		s->alive_ms = now; /* RS itself was stuck: a fresh chance */
	} else if (now - s->alive_ms >= 2 * (uint64_t)period) {
		svc_end(s, "no-heartbeat");
		return;
	}
	if (now - s->ping_ms >= period) {
		s->ping_ms = now;
		ipc_notify(s->ep);
	}
}

void svc_tick(void)
{
	static uint64_t last;
	uint64_t now = clock_ms(), gap = last ? now - last : 0;
	last = now;
	for (int i = 0; i < NR_SERVICES; i++) {
		struct service *s = &svc[i];
		if (!s->used)
			continue;
		watch(s, now, gap);
		svc_inject(s);
		if (s->state == SVC_WAITING && now >= s->restart_at_ms)
			svc_restart(s);
	}
	script_reap();
	pci_flush();
	sys_setalarm(tick_ticks(), 0);
}
