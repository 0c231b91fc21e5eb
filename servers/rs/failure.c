// SPDX-License-Identifier: BSD-2-Clause
/*
 * Failures, and what RS does about them.
 *
 * The kernel tells RS (the manager of every instance) with a SYSTEM
 * notification; SYS_GETKSIG then gives one piece of news at a time:
 *   KSIG_EXIT    it ended by itself: "exit", or "panic" if with
 *                RS_PANIC_STATUS (the server library's sef_panic); with
 *                RS_NODEV_STATUS (sef_no_device) its device is absent,
 *                and the service goes down, not restarted;
 *   KSIG_FAULT   a CPU exception: "crash" -- it is stopped, RS ends it;
 *   KSIG_SIGNAL  somebody signalled it (root's kill, through PM): a
 *                signal that ends a process ends it, "killed".
 * A hang is found by the heartbeat (timer.c): "no-heartbeat".
 *
 * Then the recovery policy decides (svc_failed): `restart never` leaves
 * the service failed; over `limit N SECONDS` it stays failed too; a
 * recovery script, if there is one, decides; else RS restarts at once
 * the first time and then backs off, waiting FIRST, 2*FIRST, 4*FIRST
 * ... up to MAX ms while the failures come in a row (a run longer than
 * MAX ms without failing ends the row).  An instance RS ends itself
 * for `service down` (svc_stop) or `service refresh` (svc_refresh) is
 * no failure: the service goes down, or a new instance starts at once.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "rs.h"

#define FATAL_SIGNALS                                                          \
	((1u << SIGHUP) | (1u << SIGINT) | (1u << SIGQUIT) | (1u << SIGILL) |  \
	 (1u << SIGABRT) | (1u << SIGFPE) | (1u << SIGKILL) |                  \
	 (1u << SIGSEGV) | (1u << SIGPIPE) | (1u << SIGTERM) |                 \
	 (1u << SIGUSR1) | (1u << SIGUSR2))

/* The running instance, if any, ends now.  An ending RS causes leaves
 * no news from the kernel, so the caller says what follows. */
static void end_instance(struct service *s)
{
	if (s->ep != NONE)
		sys_exit(s->ep, 0);
	pci_tell_gone(s, s->ep);
	s->ep = NONE;
}

void svc_end(struct service *s, const char *reason)
{
	end_instance(s);
	svc_failed(s, reason);
}

void svc_stop(struct service *s)
{
	bool running = s->ep != NONE;
	end_instance(s);
	svc_set_state(s, SVC_DOWN, 0);
	if (running)
		svc_unpublish(s);
}

void svc_refresh(struct service *s)
{
	end_instance(s);
	svc_restart(s);
}

void svc_restart(struct service *s)
{
	s->restarts++;
	int r = svc_start(s);
	if (r < 0)
		svc_set_state(s, SVC_FAILED,
			      "stays down: restart failed (error %d)", r);
}

void svc_failed(struct service *s, const char *reason)
{
	uint64_t now = clock_ms();
	const struct policy *p = &s->pol;
	s->ep = NONE;
	strncpy(s->reason, reason, sizeof(s->reason) - 1);
	printf("rs: %s failed: %s\n", s->label, reason);
	if (p->restart == POLICY_RESTART_NEVER) {
		svc_set_state(s, SVC_FAILED, "stays down (restart never)");
		return;
	}
	if (p->limit_count) {
		if (now - s->window_ms >= (uint64_t)p->limit_window_s * 1000) {
			s->window_ms = now;
			s->window_count = 0;
		}
		if (s->window_count >= p->limit_count) {
			svc_set_state(s, SVC_FAILED,
				      "stays down: %u restarts in %u s",
				      p->limit_count, p->limit_window_s);
			return;
		}
		s->window_count++;
	}
	if (p->script[0]) {
		if (script_run(s, reason) == 0) {
			svc_set_state(s, SVC_SCRIPT, 0);
			return;
		}
		printf("rs: %s: cannot run %s; restarting\n", s->label,
		       p->script);
	}
	if (now - s->started_ms > p->backoff_max_ms)
		s->in_row = 0; /* it had run well */
	uint32_t wait = 0;
	if (s->in_row > 0) {
		uint64_t w = (uint64_t)p->backoff_first_ms
			     << (s->in_row - 1 < 31 ? s->in_row - 1 : 31);
		wait = w > p->backoff_max_ms ? p->backoff_max_ms : (uint32_t)w;
	}
	s->in_row++;
	if (wait == 0) {
		svc_restart(s);
		return;
	}
	s->restart_at_ms = now + wait;
	svc_set_state(s, SVC_WAITING, "restarts in %u ms", wait);
}

/* The instance's news, to a reason. */
static void news(struct service *s, const struct kc_getksig *k)
{
	switch (k->kind) {
	case KSIG_EXIT:
		pci_tell_gone(s, s->ep);
		s->ep = NONE;
		if (k->status == RS_NODEV_STATUS) { /* sef_no_device */
			svc_set_state(s, SVC_DOWN, "no device");
			svc_unpublish(s);
			break;
		}
		svc_failed(s, k->status == RS_PANIC_STATUS ? "panic" : "exit");
		break;
	case KSIG_FAULT:
		svc_end(s, "crash");
		break;
	case KSIG_SIGNAL:
		if ((uint32_t)k->status & FATAL_SIGNALS)
			svc_end(s, "killed");
		break;
	}
}

void svc_kernel_news(void)
{
	struct kc_getksig k;
	while (sys_getksig(&k) == 0 && k.who != NONE) {
		struct service *s = svc_by_ep(k.who);
		if (s)
			news(s, &k);
		else if (k.kind == KSIG_FAULT)
			sys_exit(k.who, 0); /* a blank that never ran */
	}
}
