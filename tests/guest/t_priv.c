// SPDX-License-Identifier: BSD-2-Clause
/*
 * Privilege records and PRIVCTL.  The parent forks children and sets
 * their privileges; each child then tries what it may and may not do
 * and reports.  Checked: a record allows exactly what it lists (IPC
 * primitives, targets, kernel calls); targets are symmetric and replace
 * the old ones; a zeroed record allows nothing at all; ordinary user
 * processes may only SENDREC, and only to servers; a process without
 * PRIVCTL cannot give itself or others privileges; every refusal is
 * counted, per process and globally.
 */
#include <string.h>

#include "tlib.h"

#define N 5

static endpoint_t parent, sibling;

static void wait_go(void)
{
	message_t m;
	while (ipc_receive(parent, &m, 0) != 0)
		;
}

static void go(endpoint_t child)
{
	message_t m;
	m.m_type = 1;
	T_EQ(ipc_send(child, &m), 0);
}

/* A: may SEND/RECEIVE/SENDREC, call DIAG/GETINFO/EXIT, reach the
 * parent only. */
static int limited(void *arg)
{
	(void)arg;
	wait_go();
	message_t m;
	memset(&m, 0, sizeof(m));
	int bad = 0;
	for (int i = 0; i < N; i++) {
		bad += ipc_send(sibling, &m) != -EIPCDENIED;
		bad += ipc_notify(parent) != -ETRAPDENIED;
		bad += kcall(SYS_TIMES, &m) != -ECALLDENIED;
		bad += sys_devio(0x70, DIO_IN, 0, 0) != -ECALLDENIED;
		bad += sys_privctl(sibling, PRIVCTL_USER, 0) != -ECALLDENIED;
	}
	struct kinfo_proc k;
	bad += sys_getinfo(GI_SELF, &k, sizeof(k), 0) != 0;
	bad += k.denied[DENY_IPC] != N || k.denied[DENY_TRAP] != N ||
	       k.denied[DENY_KCALL] != 3 * N;
	m.m_type = bad;
	bad += ipc_send(parent, &m) != 0; /* allowed */
	return bad;
}

/* Z: a zeroed record.  It can report only by how it faults. */
static int nothing(void *arg)
{
	(void)arg;
	wait_go();
	message_t m;
	int bad = 0;
	bad += ipc_sendrec(parent, &m) != -ETRAPDENIED;
	bad += ipc_trap_raw(RECEIVE, ANY, (uint32_t)(uintptr_t)&m, 0) !=
	       -ETRAPDENIED;
	bad += kcall(SYS_EXIT, &m) != -ECALLDENIED;
	bad += kcall(SYS_DIAG, &m) != -ECALLDENIED;
	if (bad)
		__asm__ volatile("int $3"); /* #GP: something was allowed */
	__asm__ volatile("ud2"); /* #UD: all refused, as it should be */
	return 0;
}

/* U: an ordinary user process. */
static int user(void *arg)
{
	(void)arg;
	wait_go();
	message_t m;
	int bad = 0;
	bad += ipc_send(parent, &m) != -ETRAPDENIED;
	bad += kcall(SYS_GETINFO, &m) != -ECALLDENIED;
	m.m_type = bad;
	/* Allowed only once the parent is a server. */
	while (ipc_sendrec(parent, &m) == -EIPCDENIED)
		;
	__asm__ volatile("ud2"); /* no EXIT: end by fault */
	return 0;
}

static int idle(void *arg)
{
	(void)arg;
	message_t m;
	int r = ipc_receive(parent, &m, 0);
	return r == 0 ? 0 : 1;
}

/* Its policy (tests/guest/policy/t_any.conf) lets no user process call
 * it, nor it send to one; the user case needs the second. */
static void may_answer_users(void)
{
	static struct priv_desc d;
	d.flags = PRIV_TO_USERS;
	d.traps = IPC_TRAPS_ALL;
	d.calls = KCALLS_ALL;
	T_EQ(sys_privctl(SELF, PRIVCTL_SET, &d), 0);
}

int main(void)
{
	t_case = "priv";
	may_answer_users();
	parent = t_self();
	struct kinfo_counters c0, c1;
	T_EQ(sys_getinfo(GI_COUNTERS, &c0, sizeof(c0), 0), 0);
	sibling = t_spawn(idle, 0);

	/* A limited system process. */
	endpoint_t a = t_spawn(limited, 0);
	t_wait_blocked(a); /* in wait_go(), before its rights shrink */
	struct priv_desc d;
	memset(&d, 0, sizeof(d));
	d.traps = 1u << SEND | 1u << RECEIVE | 1u << SENDREC;
	d.calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_EXIT);
	d.nr_targets = 1;
	d.targets[0] = parent;
	T_EQ(sys_privctl(a, PRIVCTL_SET, &d), 0);
	message_t m;
	go(a);
	T_EQ(ipc_receive(a, &m, 0), 0);
	T_EQ(m.m_type, 0);
	struct kc_getksig k = t_reap();
	T_EQ(k.who, a);
	T_EQ(k.status, 0);

	/* Bad requests change nothing. */
	d.traps = 1u << 20;
	T_EQ(sys_privctl(sibling, PRIVCTL_SET, &d), -EINVAL);
	d.traps = 0;
	d.targets[0] = a; /* dead now */
	T_EQ(sys_privctl(sibling, PRIVCTL_SET, &d), -EINVAL);
	T_EQ(sys_privctl(a, PRIVCTL_SET, &d), -EDEADEPT);
	T_EQ(sys_privctl(sibling, PRIVCTL_SET, (void *)0xc0000000), -EFAULT);
	T_EQ(sys_privctl(sibling, 77, &d), -EINVAL);

	/* A zeroed record allows nothing.  (It names us as a target only so
	 * that we can still tell it to start: with no primitive and no
	 * kernel call it can use nothing itself.) */
	endpoint_t z = t_spawn(nothing, 0);
	t_wait_blocked(z);
	memset(&d, 0, sizeof(d));
	d.nr_targets = 1;
	d.targets[0] = parent;
	T_EQ(sys_privctl(z, PRIVCTL_SET, &d), 0);
	go(z);
	k = t_reap();
	T_EQ(k.who, z);
	T_EQ(k.kind, KSIG_FAULT);
	T_EQ(k.vector, 6);
	T_EQ(sys_exit(z, 0), 0);

	/* An ordinary user process: SENDREC to servers, nothing else. */
	endpoint_t u = t_spawn(user, 0);
	t_wait_blocked(u);
	T_EQ(sys_privctl(u, PRIVCTL_USER, 0), 0);
	go(u);
	for (int tries = 0; tries < 500; tries++) { /* until it was refused */
		struct kinfo_proc tab1[NR_PROCS];
		uint32_t n1, seen = 0;
		T_EQ(sys_getinfo(GI_PROCTAB, tab1, sizeof(tab1), &n1), 0);
		for (uint32_t i = 0; i < n1 / sizeof(tab1[0]); i++)
			if (tab1[i].ep == u)
				seen = tab1[i].denied[DENY_IPC];
		if (seen)
			break;
		T_EQ(sys_setalarm(1, 0), 0);
		T_EQ(ipc_receive(CLOCK, &m, 0), 0);
	}
	/* We are not a server yet: its SENDREC is refused.  Become one
	 * (keeping everything else), and take its request. */
	memset(&d, 0, sizeof(d));
	d.flags = PRIV_SERVER | PRIV_TO_USERS;
	d.traps = IPC_TRAPS_ALL;
	d.calls = KCALLS_ALL;
	d.nr_targets = 1;
	d.targets[0] = sibling;
	T_EQ(sys_privctl(SELF, PRIVCTL_SET, &d), 0);
	T_EQ(ipc_receive(u, &m, 0), 0);
	T_EQ(m.m_type, 0);
	T_EQ(ipc_send(u, &m), 0); /* the reply: allowed, PRIV_TO_USERS */
	k = t_reap();
	T_EQ(k.who, u);
	T_EQ(k.vector, 6);
	/* How often u was refused before we became a server. */
	static struct kinfo_proc tab[NR_PROCS];
	uint32_t n, u_ipc = 0;
	T_EQ(sys_getinfo(GI_PROCTAB, tab, sizeof(tab), &n), 0);
	for (uint32_t i = 0; i < n / sizeof(tab[0]); i++)
		if (tab[i].ep == u)
			u_ipc = tab[i].denied[DENY_IPC];
	T_ASSERT(u_ipc >= 1);
	T_EQ(sys_exit(u, 0), 0);

	go(sibling);
	k = t_reap();
	T_EQ(k.who, sibling);
	T_EQ(k.status, 0);

	T_EQ(sys_getinfo(GI_COUNTERS, &c1, sizeof(c1), 0), 0);
	T_EQ(c1.denied[DENY_IPC] - c0.denied[DENY_IPC], N + u_ipc);
	T_EQ(c1.denied[DENY_TRAP] - c0.denied[DENY_TRAP], N + 2 + 1);
	T_EQ(c1.denied[DENY_KCALL] - c0.denied[DENY_KCALL], 3 * N + 2 + 1);
	t_pass();
	t_finish();
}
