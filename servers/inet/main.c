// SPDX-License-Identifier: BSD-2-Clause
/*
 * INET: the TCP/IP server.
 *
 * One single-threaded process whose protocol core is lwIP 2.1.3 (raw
 * API, NO_SYS=1: lwIP runs only when this loop calls it).  Programs
 * reach it only through VFS: a socket is a VFS descriptor, and VFS
 * sends INET the socket protocol (proto/sock.h) and character-device
 * requests for a socket's data (sock.c).  Below, INET speaks the
 * network-driver protocol (proto/ndev.h) to each Ethernet driver
 * (nic.c), which it finds in DS under "drv.net.*", and glues each to
 * an lwIP netif (ethif.c).  127.0.0.1 is lwIP's loopback interface.
 *
 * The loop: receive anything; a request is checked and answered at
 * once (a call that must wait is kept with its socket and finished as
 * news, never by blocking); a NOTIFY is a driver's news, DS's, or the
 * clock.  After every message lwIP's loopback queue and timers run,
 * kept calls whose sockets changed are retried, and the alarm is set
 * for the next lwIP timer or socket deadline.  INET never waits for a
 * driver's work: drivers answer at once and report completions by
 * NOTIFY (nic.c).
 */
#include <stdio.h>

#include "dsclient.h"
#include "inet.h"
#include "lwip/init.h"
#include "lwip/timeouts.h"

static void notified(const message_t *m)
{
	if (m->m_source == CLOCK) {
		sock_timers(clock_ms());
		return;
	}
	if (m->m_source == ds_endpoint()) {
		nic_ds_news();
		return;
	}
	nic_notified(m->m_source);
}

/* After each message: what lwIP and the kept calls have to do now,
 * and when to be woken next. */
static void after(void)
{
	netif_poll_all();
	sys_check_timeouts();
	sock_run();
	uint32_t sleep = sys_timeouts_sleeptime();
	uint64_t now = clock_ms(), d = sock_next_deadline();
	if (d && (d <= now || d - now < sleep))
		sleep = d <= now ? 1 : (uint32_t)(d - now);
	alarm_ms(sleep == SYS_TIMEOUTS_SLEEPTIME_INFINITE ? 0
		 : sleep				  ? sleep
							  : 1);
}

int main(int argc, char **argv)
{
	peer_args(argc, argv);
	sef_startup("inet");
	lwip_init();
	int r = ds_subscribe(NDEV_KEY_PREFIX "*", DSF_INITIAL);
	if (r < 0)
		printf("inet: cannot follow network drivers in DS (error %d)\n",
		       r);
	else
		nic_ds_news();
	printf("inet: lwIP %s, TCP/IP server up\n", LWIP_VERSION_STRING);
	for (;;) {
		message_t m;
		int st;
		after();
		if (sef_receive(ANY, &m, &st) != 0)
			continue;
		if (IPC_IS_NOTIFY(st))
			notified(&m);
		else if (!sock_handle(&m, st))
			ipc_reply(m.m_source, SOCK_REPLY,
				  &(struct sock_reply){-ENOSYS},
				  sizeof(struct sock_reply));
	}
}
