// SPDX-License-Identifier: BSD-2-Clause
/*
 * A service's state, changed in one place (the diagram is in rs.h).
 * Every other file asks for a change through svc_set_state, so a reader
 * who wants to know how a service got where it is looks here and at the
 * console lines it prints: a change that is news (a service that stays
 * down, waits to restart, could not be restarted) says why; the routine
 * steps of a start (HELD, STARTING, RUNNING) say nothing.
 */
#include <stdarg.h>
#include <stdio.h>

#include "rs.h"

void svc_set_state(struct service *s, enum svc_state st, const char *why, ...)
{
	s->state = st;
	if (!why)
		return;
	char text[96];
	va_list ap;
	va_start(ap, why);
	vsnprintf(text, sizeof(text), why, ap);
	va_end(ap);
	printf("rs: %s %s\n", s->label, text);
}

uint32_t svc_public_state(const struct service *s)
{
	static const uint32_t shown[] = {
		[SVC_NEW] = RS_STATE_STARTING,
		[SVC_HELD] = RS_STATE_STARTING,
		[SVC_STARTING] = RS_STATE_STARTING,
		[SVC_RUNNING] = RS_STATE_RUNNING,
		[SVC_WAITING] = RS_STATE_WAITING,
		[SVC_SCRIPT] = RS_STATE_SCRIPT,
		[SVC_DOWN] = RS_STATE_DOWN,
		[SVC_FAILED] = RS_STATE_FAILED,
	};
	return shown[s->state];
}
