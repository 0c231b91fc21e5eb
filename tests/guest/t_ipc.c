// SPDX-License-Identifier: BSD-2-Clause
/*
 * IPC semantics, one case per boot: t_ipc CASE.
 *
 *   pingpong  10,000 SENDREC round trips with a checked payload
 *   specific  RECEIVE from one endpoint leaves the others queued
 *   any       RECEIVE from ANY takes senders in arrival order
 *   notify    NOTIFY never blocks, coalesces per sender, all senders
 *             are seen, and a receiver can tell it from a message
 *   sendnb    SENDNB to a process that is not receiving fails at once
 *   reply     a server's reply by SENDNB (as ipc_reply sends it) reaches
 *             a SENDREC caller, at once or late; a caller that made the
 *             request with SEND, which the busy server took from its
 *             queue later and answered at once, never gets it
 *   dead      send to a dead endpoint; a blocked sender is woken when
 *             its receiver dies; a stale endpoint is refused
 *   cycle     three processes sending in a ring: one is refused with
 *             ELOCKED and all of them finish
 *   badptr    message pointers that are unmapped, in the kernel,
 *             read-only, or straddle the end of the address space
 */
#include <string.h>

#include "tlib.h"

static endpoint_t parent;

static void fill(message_t *m, uint32_t seed)
{
	for (int i = 0; i < MSG_PAYLOAD / 4; i++)
		m->m_u.u32[i] = seed * 2654435761u + (uint32_t)i;
}

static bool check(const message_t *m, uint32_t seed)
{
	for (int i = 0; i < MSG_PAYLOAD / 4; i++)
		if (m->m_u.u32[i] != seed * 2654435761u + (uint32_t)i)
			return false;
	return true;
}

/* Serve n requests: reply with the payload's seed plus one. */
static int echo_server(void *arg)
{
	int n = (int)(intptr_t)arg;
	for (int i = 0; i < n; i++) {
		message_t m;
		int status;
		if (ipc_receive(ANY, &m, &status) != 0 || m.m_source != parent)
			return 1;
		if (IPC_STATUS_CALL(status) != SENDREC || !check(&m, m.m_type))
			return 2;
		m.m_type++;
		fill(&m, (uint32_t)m.m_type);
		if (ipc_send(parent, &m) != 0)
			return 3;
	}
	return 0;
}

static void case_pingpong(void)
{
	const int n = 10000;
	endpoint_t srv = t_spawn(echo_server, (void *)(intptr_t)n);
	for (int i = 0; i < n; i++) {
		message_t m;
		m.m_type = i * 7;
		fill(&m, (uint32_t)m.m_type);
		T_EQ(ipc_sendrec(srv, &m), 0);
		T_EQ(m.m_source, srv);
		T_EQ(m.m_type, i * 7 + 1);
		T_ASSERT(check(&m, (uint32_t)m.m_type));
	}
	struct kc_getksig k = t_reap();
	T_EQ(k.who, srv);
	T_EQ(k.kind, KSIG_EXIT);
	T_EQ(k.status, 0);
}

/* Send one message with the given type to the parent, then exit. */
static int send_type(void *arg)
{
	message_t m;
	m.m_type = (int)(intptr_t)arg;
	fill(&m, (uint32_t)m.m_type);
	return ipc_send(parent, &m) == 0 ? 0 : 1;
}

static void reap_all(int n)
{
	for (int i = 0; i < n; i++) {
		struct kc_getksig k = t_reap();
		T_EQ(k.kind, KSIG_EXIT);
		T_EQ(k.status, 0);
	}
}

static void case_specific(void)
{
	endpoint_t a = t_spawn(send_type, (void *)101);
	t_wait_blocked(a);
	endpoint_t b = t_spawn(send_type, (void *)202);
	t_wait_blocked(b);
	endpoint_t c = t_spawn(send_type, (void *)303);
	t_wait_blocked(c);
	message_t m;
	int status;
	/* Take the middle one first: a and c stay queued. */
	T_EQ(ipc_receive(b, &m, &status), 0);
	T_EQ(m.m_source, b);
	T_EQ(m.m_type, 202);
	T_EQ(IPC_STATUS_CALL(status), SEND);
	T_ASSERT(check(&m, 202));
	T_EQ(ipc_receive(c, &m, &status), 0);
	T_EQ(m.m_source, c);
	T_EQ(m.m_type, 303);
	T_EQ(ipc_receive(a, &m, &status), 0);
	T_EQ(m.m_source, a);
	T_EQ(m.m_type, 101);
	reap_all(3);
}

static void case_any(void)
{
	endpoint_t e[3];
	for (int i = 0; i < 3; i++) {
		e[i] = t_spawn(send_type, (void *)(intptr_t)(10 + i));
		t_wait_blocked(e[i]);
	}
	for (int i = 0; i < 3; i++) {
		message_t m;
		int status;
		T_EQ(ipc_receive(ANY, &m, &status), 0);
		T_EQ(m.m_source, e[i]); /* FIFO: first blocked, first served */
		T_EQ(m.m_type, 10 + i);
		T_ASSERT(check(&m, (uint32_t)(10 + i)));
	}
	reap_all(3);
}

/* Notify the parent `arg` times in a row, then send one message. */
static int notifier(void *arg)
{
	for (int i = 0; i < (int)(intptr_t)arg; i++)
		if (ipc_notify(parent) != 0)
			return 1;
	message_t m;
	m.m_type = NOTIFY_MESSAGE; /* pretending to be a notification */
	return ipc_send(parent, &m) == 0 ? 0 : 2;
}

static void case_notify(void)
{
	endpoint_t e[3];
	for (int i = 0; i < 3; i++) {
		e[i] = t_spawn(notifier, (void *)(intptr_t)(5 * (i + 1)));
		t_wait_blocked(e[i]); /* it notified, then blocked sending */
	}
	/* Each sender's notifications coalesced into one. */
	bool seen[3] = {false, false, false};
	for (int n = 0; n < 3; n++) {
		message_t m;
		int status;
		T_EQ(ipc_receive(ANY, &m, &status), 0);
		T_ASSERT(IPC_IS_NOTIFY(status));
		T_EQ(m.m_type, NOTIFY_MESSAGE);
		for (int i = 0; i < 3; i++)
			if (m.m_source == e[i]) {
				T_ASSERT(!seen[i]);
				seen[i] = true;
			}
	}
	T_ASSERT(seen[0] && seen[1] && seen[2]);
	/* Now only the real messages are left: not notifications. */
	for (int n = 0; n < 3; n++) {
		message_t m;
		int status;
		T_EQ(ipc_receive(ANY, &m, &status), 0);
		T_EQ(IPC_STATUS_CALL(status), SEND);
		T_EQ(m.m_type, NOTIFY_MESSAGE);
	}
	reap_all(3);
	/* Notifying a process that never receives does not block. */
	endpoint_t sleeper = t_spawn(send_type, (void *)1);
	t_wait_blocked(sleeper);
	for (int i = 0; i < 1000; i++)
		T_EQ(ipc_notify(sleeper), 0);
	message_t m;
	T_EQ(ipc_receive(sleeper, &m, 0), 0);
	reap_all(1);
}

static int receive_once(void *arg)
{
	(void)arg;
	message_t m;
	int status;
	if (ipc_receive(parent, &m, &status) != 0)
		return 1;
	return m.m_type == 77 && IPC_STATUS_CALL(status) == SENDNB ? 0 : 2;
}

static void case_sendnb(void)
{
	/* The child is blocked sending to us, so it is not receiving. */
	endpoint_t busy = t_spawn(send_type, (void *)5);
	t_wait_blocked(busy);
	message_t m;
	m.m_type = 1;
	T_EQ(ipc_sendnb(busy, &m), -ENOTREADY);
	T_EQ(ipc_receive(busy, &m, 0), 0);
	reap_all(1);
	/* A child waiting in RECEIVE takes a SENDNB at once. */
	endpoint_t rx = t_spawn(receive_once, 0);
	t_wait_blocked(rx);
	m.m_type = 77;
	T_EQ(ipc_sendnb(rx, &m), 0);
	reap_all(1);
}

/* Let `ticks` clock ticks pass (none for 0), not receiving meanwhile. */
static int nap(uint32_t ticks)
{
	message_t t;
	if (ticks == 0)
		return 0;
	if (sys_setalarm(ticks, 0) != 0)
		return -1;
	return ipc_receive(CLOCK, &t, 0);
}

/* A server of one request, arg = BEFORE * 100 + AFTER: busy (not
 * receiving) for BEFORE ticks, so that the parent's request waits in
 * its queue; then it takes the request, lets AFTER ticks pass, answers
 * by SENDNB as every server does (ipc_reply), and exits with what
 * SENDNB said (0: delivered, ENOTREADY: the parent was not waiting). */
static int one_reply(void *arg)
{
	int before = (int)(intptr_t)arg / 100, after = (int)(intptr_t)arg % 100;
	message_t m;
	if (nap((uint32_t)before) != 0 || ipc_receive(parent, &m, 0) != 0 ||
	    nap((uint32_t)after) != 0)
		return 100;
	m.m_type++;
	return -ipc_sendnb(parent, &m);
}

static int reaped_status(void)
{
	struct kc_getksig k = t_reap();
	T_EQ(k.kind, KSIG_EXIT);
	return k.status;
}

static void case_reply(void)
{
	/* SENDREC is one call: the caller waits for the reply from the
	 * moment the server takes its request, so the answer lands whether
	 * the request waited in the server's queue and is answered at once
	 * (500) or the server takes its time (5). */
	const int servers[] = {500, 5};
	message_t m;
	memset(&m, 0, sizeof(m));
	for (int i = 0; i < 2; i++) {
		m.m_type = 40 + i;
		endpoint_t srv =
			t_spawn(one_reply, (void *)(intptr_t)servers[i]);
		T_EQ(ipc_sendrec(srv, &m), 0);
		T_EQ(m.m_source, srv);
		T_EQ(m.m_type, 41 + i);
		T_EQ(reaped_status(), 0);
	}
	/* SEND, then RECEIVE, are two calls.  The server, busy when the
	 * SEND came, takes it from its queue later and answers in the same
	 * breath: the caller is runnable again but not yet in its RECEIVE,
	 * and the answer is lost -- a RECEIVE from the server now would
	 * wait for ever (t_reap here instead). */
	m.m_type = 50;
	endpoint_t srv = t_spawn(one_reply, (void *)500);
	T_EQ(ipc_send(srv, &m), 0);
	T_EQ(reaped_status(), ENOTREADY);
}

static int exit_now(void *arg)
{
	return (int)(intptr_t)arg;
}

/* Block receiving from the parent until `arg` ticks pass, then exit: the
 * parent is blocked sending to someone else by then. */
static int die_later(void *arg)
{
	message_t m;
	sys_setalarm((uint32_t)(intptr_t)arg, 0);
	ipc_receive(CLOCK, &m, 0);
	return 0;
}

static int blocked_sender(void *arg)
{
	endpoint_t victim = (endpoint_t)(intptr_t)arg;
	message_t m;
	m.m_type = 1;
	int r = ipc_send(victim, &m);
	return r == -EDEADSRCDST ? 0 : 100 - r;
}

static void case_dead(void)
{
	message_t m;
	/* A process that ended: its endpoint is dead. */
	endpoint_t gone = t_spawn(exit_now, (void *)0);
	reap_all(1);
	T_EQ(ipc_send(gone, &m), -EDEADEPT);
	T_EQ(ipc_sendrec(gone, &m), -EDEADEPT);
	T_EQ(ipc_notify(gone), -EDEADEPT);
	T_EQ(ipc_receive(gone, &m, 0), -EDEADEPT);

	/* A slot reused: the new process has another endpoint (generation),
	 * the old one stays dead. */
	endpoint_t reuse = t_spawn(die_later, (void *)20);
	T_EQ(EP_SLOT(reuse), EP_SLOT(gone));
	T_ASSERT(reuse != gone);
	T_EQ(ipc_send(gone, &m), -EDEADEPT);

	/* We ourselves, blocked in SENDREC on a peer that dies. */
	T_EQ(ipc_sendrec(reuse, &m), -EDEADSRCDST);
	reap_all(1);

	/* A sender blocked on a receiver that dies is woken. */
	endpoint_t victim = t_spawn(die_later, (void *)20);
	endpoint_t sender = t_spawn(blocked_sender, (void *)(intptr_t)victim);
	t_wait_blocked(sender);
	reap_all(2); /* status 0: the sender saw EDEADSRCDST */

	/* Not endpoints at all. */
	T_EQ(ipc_send(ANY, &m), -EBADEPT);
	T_EQ(ipc_send(-77, &m), -EBADEPT);
	T_EQ(ipc_send(EP_MAKE(3, NR_PROCS + 5), &m), -EBADEPT);
	T_EQ(ipc_send(CLOCK, &m), -EBADEPT);
}

struct ring {
	endpoint_t next;
	bool drain; /* receive one message after sending */
};

static int ring_member(void *arg)
{
	struct ring *r = arg;
	message_t m;
	m.m_type = 9;
	int s = ipc_send(r->next, &m);
	if (s != 0)
		return 100 - s;
	if (r->drain && ipc_receive(ANY, &m, 0) != 0)
		return 99;
	return 0;
}

static void case_cycle(void)
{
	/* b sends to us, a sends to b, and we close the ring by sending to
	 * a: a -> b -> us -> a.  Our send must be refused, not hang. */
	struct ring rb = {parent, true};
	endpoint_t b = t_spawn(ring_member, &rb);
	t_wait_blocked(b);
	struct ring ra = {b, false};
	endpoint_t a = t_spawn(ring_member, &ra);
	t_wait_blocked(a);
	message_t m;
	m.m_type = 9;
	T_EQ(ipc_send(a, &m), -ELOCKED);
	T_EQ(ipc_sendrec(a, &m), -ELOCKED);
	/* Waiting for a (which waits for b, which waits for us) would
	 * deadlock too. */
	T_EQ(ipc_receive(a, &m, 0), -ELOCKED);
	/* Taking b's message unwinds the ring: b then takes a's. */
	T_EQ(ipc_receive(b, &m, 0), 0);
	T_EQ(m.m_source, b);
	reap_all(2);
}

static void case_badptr(void)
{
	extern char _start[]; /* read-only text */
	const uint32_t bad[] = {
		0,	    /* null page */
		0x00000ff0, /* ends inside the null page */
		0x40000000, /* never mapped */
		0xc0000000, /* kernel */
		0xc0100000, /* kernel text */
		0xbfffffe0, /* straddles the end of user space */
		0xffffffe0, /* straddles the end of memory */
		0xfffffff8, /* wraps around */
	};
	endpoint_t peer = t_spawn(die_later, (void *)100000);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint32_t st;
		T_EQ(ipc_trap_raw(SEND, (uint32_t)peer, bad[i], &st), -EFAULT);
		T_EQ(ipc_trap_raw(SENDNB, (uint32_t)peer, bad[i], &st),
		     -EFAULT);
		T_EQ(ipc_trap_raw(SENDREC, (uint32_t)peer, bad[i], &st),
		     -EFAULT);
		T_EQ(ipc_trap_raw(RECEIVE, ANY, bad[i], &st), -EFAULT);
		T_EQ(kcall_raw(SYS_TIMES, bad[i]), -EFAULT);
	}
	/* Receiving into read-only memory is refused too. */
	uint32_t st;
	T_EQ(ipc_trap_raw(RECEIVE, ANY, (uint32_t)(uintptr_t)_start, &st),
	     -EFAULT);
	T_EQ(kcall_raw(SYS_TIMES, (uint32_t)(uintptr_t)_start), -EFAULT);
	/* A kernel call whose argument points into the kernel. */
	message_t m;
	struct kc_getinfo *g = KC_ARGS(&m, kc_getinfo);
	g->what = GI_LOG;
	g->buf = 0xc0001000;
	g->len = 100;
	T_EQ(kcall(SYS_GETINFO, &m), -EFAULT);
	struct kc_diag *d = KC_ARGS(&m, kc_diag);
	d->buf = 0xbffffff0;
	d->len = 64;
	T_EQ(kcall(SYS_DIAG, &m), -EFAULT);
	d->len = KC_DIAG_MAX + 1;
	T_EQ(kcall(SYS_DIAG, &m), -E2BIG);
	/* Bad primitive and kernel-call numbers. */
	T_EQ(ipc_trap_raw(0, (uint32_t)peer, (uint32_t)(uintptr_t)&m, &st),
	     -EBADCALL);
	T_EQ(ipc_trap_raw(99, (uint32_t)peer, (uint32_t)(uintptr_t)&m, &st),
	     -EBADCALL);
	T_EQ(kcall_raw(NR_KCALLS, (uint32_t)(uintptr_t)&m), -EBADCALL);
	T_EQ(kcall_raw(0xffffffff, (uint32_t)(uintptr_t)&m), -EBADCALL);
	/* Still alive and well: a real exchange works. */
	T_EQ(sys_exit(peer, 0), 0);
	peer = t_spawn(echo_server, (void *)1);
	m.m_type = 5;
	fill(&m, 5);
	T_EQ(ipc_sendrec(peer, &m), 0);
	T_EQ(m.m_type, 6);
	reap_all(1);
}

static const struct t_case_entry cases[] = {
	{"pingpong", case_pingpong}, {"specific", case_specific},
	{"any", case_any},	     {"notify", case_notify},
	{"sendnb", case_sendnb},     {"reply", case_reply},
	{"dead", case_dead},	     {"cycle", case_cycle},
	{"badptr", case_badptr},
};

int main(int argc, char **argv)
{
	/* Forked children learn our endpoint from this variable. */
	parent = t_self();
	t_run_case(argc, argv, cases, sizeof(cases) / sizeof(cases[0]));
}
