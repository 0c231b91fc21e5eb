// SPDX-License-Identifier: BSD-2-Clause
/*
 * IPC round-trip benchmark: a client SENDRECs to a server in another
 * address space, which RECEIVEs and SENDs the reply.  Each round trip is
 * timed with the TSC; after a warm-up, the median of ROUNDS trips is
 * printed in cycles and in nanoseconds (using the TSC rate the kernel
 * measured against the 8254 at boot).
 */
#include "../guest/tlib.h"

#define WARMUP 1000
#define ROUNDS 20000

static endpoint_t client;
static uint32_t cycles[ROUNDS];

static int server(void *arg)
{
	(void)arg;
	for (;;) {
		message_t m;
		if (ipc_receive(client, &m, 0) != 0)
			return 1;
		m.m_type++;
		if (ipc_send(client, &m) != 0)
			return 2;
	}
}

int main(void)
{
	t_case = "ipc_roundtrip";
	client = t_self();
	endpoint_t srv = t_spawn(server, 0);
	message_t m;
	m.m_type = 0;
	for (int i = 0; i < WARMUP; i++)
		T_EQ(ipc_sendrec(srv, &m), 0);
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t0 = t_tsc();
		int r = ipc_sendrec(srv, &m);
		cycles[i] = (uint32_t)(t_tsc() - t0);
		T_EQ(r, 0);
	}
	T_EQ(m.m_type, WARMUP + ROUNDS);
	uint32_t median = t_median(cycles, ROUNDS);
	uint64_t ns = t_ns(median);
	t_log("bench: ipc_roundtrip %u cycles\n", (unsigned)median);
	t_log("bench: ipc_roundtrip %llu ns\n", (unsigned long long)ns);
	t_log("bench: ipc_roundtrip_samples %d count\n", ROUNDS);
	T_EQ(sys_exit(srv, 0), 0);
	t_pass();
	t_finish();
}
