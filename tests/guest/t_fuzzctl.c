// SPDX-License-Identifier: BSD-2-Clause
/*
 * The control process of the fuzz test (see t_fuzz.c).  It forks a
 * partner and serves PARTNER_ROUNDS checked round trips with it while
 * the fuzzer runs.  The test passes when both are done: the fuzzer made
 * at least 100,000 traps, every round trip was intact, and the partner
 * ended normally.
 */
#include <string.h>

#include "tlib.h"

#define FUZZ_SEED 0x4653
#define FUZZ_DONE 0x4655
#define PARTNER_ROUNDS 3000

static endpoint_t ctl;

static int partner(void *arg)
{
	(void)arg;
	for (uint32_t i = 0; i < PARTNER_ROUNDS; i++) {
		message_t m;
		for (int w = 0; w < MSG_PAYLOAD / 4; w++)
			m.m_u.u32[w] = i ^ (uint32_t)w * 0x01010101u;
		m.m_type = 1;
		if (ipc_sendrec(ctl, &m) != 0)
			return 1;
		for (int w = 0; w < MSG_PAYLOAD / 4; w++)
			if (m.m_u.u32[w] != ~(i ^ (uint32_t)w * 0x01010101u))
				return 2;
	}
	return 0;
}

/* The privileges to give the fuzzer, by mode (see t_fuzz.c). */
static int set_privileges(endpoint_t fuzzer, const char *mode)
{
	if (strcmp(mode, "user") == 0)
		return sys_privctl(fuzzer, PRIVCTL_USER, 0);
	static struct priv_desc d;
	memset(&d, 0, sizeof(d));
	d.nr_targets = 1;
	d.targets[0] = ctl;
	if (strcmp(mode, "driver") != 0) {
		/* ipc: its policy's record less what every process holds,
		 * so that no random kernel call ends the run; it may
		 * notify itself (t_fuzz.c leaves itself one before a
		 * RECEIVE) */
		d.targets[d.nr_targets++] = fuzzer;
		d.flags = PRIV_TO_USERS | PRIV_SERVER;
		d.traps = IPC_TRAPS_ALL;
		d.calls = KCALL_BIT(SYS_GETKSIG) | KCALL_BIT(SYS_SETALARM) |
			  KCALL_BIT(SYS_TIMES) | KCALL_BIT(SYS_GETINFO);
		return sys_privctl(fuzzer, PRIVCTL_SET, &d);
	}
	d.traps = IPC_TRAPS_ALL;
	d.calls = KCALL_BIT(SYS_SAFECOPYFROM) | KCALL_BIT(SYS_SAFECOPYTO) |
		  KCALL_BIT(SYS_SAFEMEMSET) | KCALL_BIT(SYS_SETGRANT) |
		  KCALL_BIT(SYS_DEVIO) | KCALL_BIT(SYS_VDEVIO) |
		  KCALL_BIT(SYS_SDEVIO) | KCALL_BIT(SYS_IRQCTL) |
		  KCALL_BIT(SYS_UMAP) | KCALL_BIT(SYS_DMAALLOC) |
		  KCALL_BIT(SYS_DMARELEASE) | KCALL_BIT(SYS_MAPPHYS) |
		  KCALL_BIT(SYS_SETALARM) | KCALL_BIT(SYS_TIMES) |
		  KCALL_BIT(SYS_GETINFO);
	d.irqs = 1u << 8;
	d.nr_io = 2;
	d.io[0].first = 0x70;
	d.io[0].last = 0x71;
	d.io[1].first = d.io[1].last = 0x3ff;
	d.nr_mem = 1;
	d.mem[0].base = 0xb8000;
	d.mem[0].len = 0x8000;
	return sys_privctl(fuzzer, PRIVCTL_SET, &d);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "ipc";
	t_case = "fuzz";
	ctl = t_self();
	endpoint_t p = t_spawn(partner, 0);
	unsigned long rounds = 0;
	bool fuzz_done = false, partner_done = false;
	while (!fuzz_done || !partner_done) {
		message_t m;
		int status;
		T_EQ(ipc_receive(ANY, &m, &status), 0);
		if (IPC_IS_NOTIFY(status)) {
			struct kc_getksig k;
			T_EQ(sys_getksig(&k), 0);
			if (k.who == NONE)
				continue;
			T_EQ(k.who, p);
			T_EQ(k.kind, KSIG_EXIT);
			T_EQ(k.status, 0);
			partner_done = true;
			continue;
		}
		if (m.m_type == FUZZ_SEED) {
			t_log("t_fuzzctl: %s fuzzer seed 0x%08x (rerun: "
			      "t_fuzz %s 0x%08x)\n",
			      mode, (unsigned)m.m_u.u32[0], mode,
			      (unsigned)m.m_u.u32[0]);
			T_EQ(set_privileges(m.m_source, mode), 0);
			T_EQ(ipc_send(m.m_source, &m), 0);
			continue;
		}
		if (m.m_type == FUZZ_DONE) {
			t_log("t_fuzzctl: fuzzer made %u traps and is alive\n",
			      (unsigned)m.m_u.u32[0]);
			T_ASSERT(m.m_u.u32[0] >= 100000);
			/* No answer: the fuzzer waits for it from now on, and
			 * stops competing with the partner for the CPU. */
			fuzz_done = true;
			continue;
		}
		T_EQ(m.m_source, p);
		for (int w = 0; w < MSG_PAYLOAD / 4; w++)
			m.m_u.u32[w] = ~m.m_u.u32[w];
		T_EQ(ipc_send(p, &m), 0);
		rounds++;
	}
	t_log("t_fuzzctl: %lu round trips intact\n", rounds);
	T_EQ(rounds, PARTNER_ROUNDS);
	/* The kernel's own count agrees that the traps were made. */
	struct kinfo_counters c;
	T_EQ(sys_getinfo(GI_COUNTERS, &c, sizeof(c), 0), 0);
	t_log("t_fuzzctl: kernel counted %llu IPC and %llu kernel-call "
	      "traps\n",
	      (unsigned long long)c.ipc_calls,
	      (unsigned long long)c.kernel_calls);
	T_ASSERT(c.ipc_calls + c.kernel_calls >= 100000);
	t_pass();
	t_finish();
}
