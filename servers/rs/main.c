// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS, the reincarnation server: it starts the system's services (the
 * drivers and the servers that may fail), gives each exactly the
 * privileges its policy file grants, and brings each back when it fails.
 *
 * RS is every service's parent and manager: it makes each instance as a
 * held copy of itself (SYS_FORK with FORK_HELD) and execs the program
 * in it (start.c), so the kernel tells RS -- not PM -- when an instance
 * exits, takes a CPU exception or is sent a signal (failure.c).  Hangs
 * it finds itself: a service with a heartbeat period is pinged every
 * period and must answer (timer.c; the server library answers).  What
 * happens after a failure is the policy's recovery part: a recovery
 * script decides (script.c), or RS restarts the service at once, then
 * with an exponential back-off while it keeps failing, until a restart
 * limit.  Every restart is a fresh process with a new endpoint.
 *
 * The loop: notifications from SYSTEM (kernel news), CLOCK (the 100 ms
 * tick) and services (heartbeat answers); requests from `service` and
 * from services (request.c).
 */
#include <string.h>

#include "rs.h"

struct service svc[NR_SERVICES];

struct service *svc_by_label(const char *label)
{
	for (int i = 0; i < NR_SERVICES; i++)
		if (svc[i].used && !strcmp(svc[i].label, label))
			return &svc[i];
	return 0;
}

struct service *svc_by_ep(endpoint_t ep)
{
	for (int i = 0; i < NR_SERVICES; i++)
		if (svc[i].used && svc[i].ep == ep && ep != NONE)
			return &svc[i];
	return 0;
}

int main(void)
{
	svc_boot_processes();
	svc_tick(); /* starts the alarm */
	for (;;) {
		message_t m;
		int st;
		if (ipc_receive(ANY, &m, &st) < 0)
			continue;
		if (IPC_IS_NOTIFY(st)) {
			if (m.m_source == SYSTEM)
				svc_kernel_news();
			else if (m.m_source == CLOCK)
				svc_tick();
			else
				svc_heartbeat(m.m_source);
			continue;
		}
		rs_request(&m);
	}
}
