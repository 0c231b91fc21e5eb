// SPDX-License-Identifier: BSD-2-Clause
/*
 * Denials are refused, counted and logged.  This program runs with
 * almost no privileges: its policy (tests/guest/policy/t_deny.conf)
 * adds PRIVCTL, with which it first drops to SENDREC and RECEIVE and
 * the kernel calls DIAG, GETINFO and REBOOT.  It tries ATTEMPTS kernel calls
 * and IPC primitives it may not use, and checks that each was refused
 * with the right error, that its own and the global counters grew by
 * exactly the number of attempts, and that the log lines stopped at the
 * rate limit while the counting went on.
 */
#include <string.h>

#include "tlib.h"

#define ATTEMPTS 60

static void counters(struct kinfo_counters *c, struct kinfo_proc *self)
{
	T_EQ(sys_getinfo(GI_COUNTERS, c, sizeof(*c), 0), 0);
	T_EQ(sys_getinfo(GI_SELF, self, sizeof(*self), 0), 0);
}

/* Down to almost nothing: no EXIT, no SEND, not even PRIVCTL again. */
static void drop_privileges(void)
{
	static struct priv_desc d;
	d.flags = PRIV_TO_USERS;
	d.traps = (1u << SENDREC) | (1u << RECEIVE);
	d.calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_REBOOT);
	T_EQ(sys_privctl(SELF, PRIVCTL_SET, &d), 0);
}

int main(void)
{
	t_case = "deny";
	drop_privileges();
	struct kinfo_counters c0, c1;
	struct kinfo_proc s0, s1;
	counters(&c0, &s0);
	T_EQ(s0.denied[DENY_KCALL], 0);

	static const int forbidden[] = {SYS_EXIT, SYS_FORK, SYS_GETKSIG,
					SYS_SETALARM, SYS_TIMES};
	message_t m;
	memset(&m, 0, sizeof(m));
	for (int i = 0; i < ATTEMPTS; i++) {
		static const uint32_t prims[] = {SEND, NOTIFY, SENDNB};
		T_EQ(kcall(forbidden[i % 5], &m), -ECALLDENIED);
		T_EQ(ipc_trap_raw(prims[i % 3], 0, (uint32_t)(uintptr_t)&m, 0),
		     -ETRAPDENIED);
	}
	/* A kernel call that does not exist is an invalid argument, not a
	 * denial, and is not counted as one. */
	T_EQ(kcall(NR_KCALLS + 3, &m), -EBADCALL);

	counters(&c1, &s1);
	T_EQ(s1.denied[DENY_KCALL], ATTEMPTS);
	T_EQ(s1.denied[DENY_TRAP], ATTEMPTS);
	T_EQ(c1.denied[DENY_KCALL] - c0.denied[DENY_KCALL], ATTEMPTS);
	T_EQ(c1.denied[DENY_TRAP] - c0.denied[DENY_TRAP], ATTEMPTS);
	/* 120 denials in well under a second: most were not logged. */
	T_ASSERT(c1.denials_unlogged - c0.denials_unlogged >=
		 2 * ATTEMPTS - 40);
	t_pass();
	t_finish();
}
