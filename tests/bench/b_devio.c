// SPDX-License-Identifier: BSD-2-Clause
/*
 * DEVIO benchmark: ROUNDS single-byte reads of CMOS byte 0x40 through
 * the kernel, each timed with the TSC; the median in nanoseconds.  (The
 * boot table gives b_devio the CMOS ports.)
 */
#include <stdlib.h>

#include "../guest/tlib.h"

#define ROUNDS 5000

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

int main(void)
{
	t_case = "devio";
	uint32_t v;
	T_EQ(sys_devio(0x70, DIO_OUT, 0x40, 0), 0);
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t0 = tsc();
		int r = sys_devio(0x71, DIO_IN, 0, &v);
		cycles[i] = (uint32_t)(tsc() - t0);
		T_EQ(r, 0);
	}
	qsort(cycles, ROUNDS, sizeof(cycles[0]), cmp);
	struct kc_times t;
	T_EQ(sys_times(&t), 0);
	t_log("bench: devio %llu ns\n",
	      (unsigned long long)cycles[ROUNDS / 2] * 1000000 / t.tsc_khz);
	t_pass();
	t_finish();
}
