// SPDX-License-Identifier: BSD-2-Clause
/*
 * p_svc: a service for the RS tests (t_rs.c), started by RS with one of
 * these modes as its argument:
 *   serve      answer SVC_PING; SVC_HANG makes it loop forever
 *   exit       say RS_INIT, then exit at once (a service that keeps
 *              failing: RS must back off and give up at its limit)
 *   deny EP    serve, after trying four things its policy does not
 *              grant -- port 0x80, IRQ 5, the VIRCOPY kernel call, a
 *              message to endpoint EP -- and noting each refusal
 * In every mode it first looks for the state blob a predecessor saved
 * (SVC_SAVE) and reports what it found in each SVC_REPLY.  Everything
 * else (the heartbeat, RS_FI) the server library handles.
 */
#include <stdlib.h>
#include <string.h>

#include "libsys.h"
#include "proto/rs.h"
#include "svc.h"

static uint32_t try_forbidden(endpoint_t ep)
{
	uint32_t seen = 0, in;
	int hook;
	message_t m;
	char a, b;
	if (sys_devio(0x80, DIO_OUT | DIO_BYTE, 0, &in) == -EPERM)
		seen |= SVC_DENIED_PORT;
	if (sys_irqctl(IRQ_SETPOLICY, 5, 0, 1, &hook) == -EPERM)
		seen |= SVC_DENIED_IRQ;
	if (sys_vircopy(SELF, &a, SELF, &b, 1) == -ECALLDENIED)
		seen |= SVC_DENIED_KCALL;
	memset(&m, 0, sizeof(m));
	if (ipc_sendnb(ep, &m) == -EIPCDENIED)
		seen |= SVC_DENIED_IPC;
	return seen;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "serve";
	uint32_t start = (uint32_t)sef_startup("svc"), denied = 0, state = 0;
	if (sef_state_restore(&state, sizeof(state)) != sizeof(state))
		state = 0;
	if (!strcmp(mode, "exit"))
		return 1;
	if (!strcmp(mode, "deny") && argc > 2)
		denied = try_forbidden((endpoint_t)atoi(argv[2]));
	for (;;) {
		message_t m;
		if (sef_receive(ANY, &m, 0) < 0)
			continue;
		if (m.m_type == SVC_HANG)
			for (;;)
				__asm__ volatile("" ::: "memory");
		endpoint_t from = m.m_source;
		if (m.m_type == SVC_SAVE) {
			uint32_t v = m.m_u.u32[0];
			memset(&m, 0, sizeof(m));
			m.m_type = SVC_REPLY;
			m.m_u.u32[0] = (uint32_t)sef_state_save(&v, sizeof(v));
			ipc_sendnb(from, &m);
			continue;
		}
		if (m.m_type != SVC_PING)
			continue;
		memset(&m, 0, sizeof(m));
		m.m_type = SVC_REPLY;
		m.m_u.u32[0] = start;
		m.m_u.u32[1] = sef_restarts();
		m.m_u.u32[2] = denied;
		m.m_u.u32[3] = state;
		ipc_sendnb(from, &m);
	}
}
