// SPDX-License-Identifier: BSD-2-Clause
/*
 * SAFECOPY benchmark: a child copies a 4 KiB grant of the parent's
 * memory into its own, ROUNDS times, each timed with the TSC; the median
 * is printed in nanoseconds.
 */
#include <stdlib.h>

#include "../guest/tlib.h"

#define ROUNDS 5000

static endpoint_t parent;
static uint8_t buf[4096], dst[4096];
static uint32_t cycles[ROUNDS];

static inline uint64_t tsc(void)
{
	uint64_t v;
	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}

static int cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static int copier(void *arg)
{
	(void)arg;
	message_t m;
	if (ipc_receive(parent, &m, 0) != 0)
		return 1;
	grant_id_t g = (grant_id_t)m.m_u.u32[0];
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t0 = tsc();
		int r = sys_safecopyfrom(parent, g, 0, dst, sizeof(dst));
		cycles[i] = (uint32_t)(tsc() - t0);
		if (r != 0)
			return 2;
	}
	qsort(cycles, ROUNDS, sizeof(cycles[0]), cmp);
	struct kc_times t;
	if (sys_times(&t) != 0 || t.tsc_khz == 0)
		return 3;
	t_log("bench: safecopy_4k %llu ns\n",
	      (unsigned long long)cycles[ROUNDS / 2] * 1000000 / t.tsc_khz);
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
