// SPDX-License-Identifier: BSD-2-Clause
/*
 * Restart latency: how long a service is away when it crashes.  Booted
 * like the RS test (memory, fs, vfs, pm, ds, rs and the RS test's RAM
 * disk), this program has RS start the test service /bin/svc
 * (tests/guest/p_svc.c), then ROUNDS times:
 *   t0   just before asking RS for `fi svc` (the crash follows at once)
 *   ...  RS sees the fault, starts a new instance from its copy in RAM,
 *        the instance says RS_INIT, RS publishes its label in DS, and
 *        DS notifies this program, which subscribed to "svc"
 *   t1   when the new instance has answered its first SVC_PING
 * and prints the median and the maximum of t1 - t0 in milliseconds.
 */
#include <string.h>

#include "../guest/svc.h"
#include "../guest/tlib.h"
#include "dsclient.h"
#include "rsclient.h"

#define ROUNDS 100

static uint32_t us[ROUNDS];

/* The label's endpoint once DS says it changed from old. */
static endpoint_t next_instance(endpoint_t old)
{
	for (;;) {
		endpoint_t ep = NONE;
		struct ds_event ev;
		while (ds_check(&ev) == 0)
			;
		if (ds_retrieve_label("svc", &ep) == 0 && ep != old)
			return ep;
		message_t m;
		int st;
		T_EQ(ipc_receive(ds_endpoint(), &m, &st), 0);
		T_ASSERT(IPC_IS_NOTIFY(st));
	}
}

static void ping(endpoint_t ep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = SVC_PING;
	T_EQ(ipc_sendrec(ep, &m), 0);
	T_EQ(m.m_type, SVC_REPLY);
}

int main(void)
{
	t_case = "restart_latency";
	endpoint_t rs = proc_find("rs");
	T_ASSERT(rs != NONE);
	static struct rs_up u;
	strcpy(u.path, "/bin/svc");
	strcpy(u.label, "svc");
	strcpy(u.args, "serve");
	T_ASSERT(rs_up(rs, &u, 0) == 0);
	T_EQ(ds_subscribe("svc", 0), 0);
	endpoint_t ep = next_instance(NONE);
	ping(ep);
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t0 = t_tsc();
		T_EQ(rs_fi(rs, "svc", RS_FI_CRASH), 0);
		ep = next_instance(ep);
		ping(ep);
		us[i] = (uint32_t)(t_ns(t_tsc() - t0) / 1000);
	}
	uint32_t max = 0;
	for (int i = 0; i < ROUNDS; i++)
		max = us[i] > max ? us[i] : max;
	uint32_t median = t_median(us, ROUNDS);
	t_log("bench: restart_latency %u.%02u ms\n", median / 1000,
	      median % 1000 / 10);
	t_log("bench: restart_latency_max %u.%02u ms\n", max / 1000,
	      max % 1000 / 10);
	t_log("bench: restart_latency_samples %d count\n", ROUNDS);
	t_pass();
	t_finish();
}
