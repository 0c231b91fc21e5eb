// SPDX-License-Identifier: BSD-2-Clause
/*
 * SAFECOPY benchmark: a child copies a 4 KiB grant of the parent's
 * memory into its own, ROUNDS times, each timed with the TSC; the median
 * is printed in nanoseconds.
 */
#include "../guest/tlib.h"

#define ROUNDS 5000

static endpoint_t parent;
static uint8_t buf[4096], dst[4096];
static uint32_t cycles[ROUNDS];

static int copier(void *arg)
{
	(void)arg;
	message_t m;
	if (ipc_receive(parent, &m, 0) != 0)
		return 1;
	grant_id_t g = (grant_id_t)m.m_u.u32[0];
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t0 = t_tsc();
		int r = sys_safecopyfrom(parent, g, 0, dst, sizeof(dst));
		cycles[i] = (uint32_t)(t_tsc() - t0);
		if (r != 0)
			return 2;
	}
	t_log("bench: safecopy_4k %llu ns\n",
	      (unsigned long long)t_ns(t_median(cycles, ROUNDS)));
	return 0;
}

int main(void)
{
	t_case = "safecopy_4k";
	parent = t_self();
	endpoint_t c = t_spawn(copier, 0);
	message_t m;
	m.m_u.u32[0] = (uint32_t)grant_create(c, buf, sizeof(buf), GF_READ);
	T_EQ(ipc_send(c, &m), 0);
	struct kc_getksig k = t_reap();
	T_EQ(k.status, 0);
	t_pass();
	t_finish();
}
