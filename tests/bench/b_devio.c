// SPDX-License-Identifier: BSD-2-Clause
/*
 * DEVIO benchmark: ROUNDS single-byte reads of CMOS byte 0x40 through
 * the kernel, each timed with the TSC; the median in nanoseconds.  (The
 * boot table gives b_devio the CMOS ports.)
 */
#include "../guest/tlib.h"

#define ROUNDS 5000

static uint32_t cycles[ROUNDS];

int main(void)
{
	t_case = "devio";
	uint32_t v;
	T_EQ(sys_devio(0x70, DIO_OUT, 0x40, 0), 0);
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t0 = t_tsc();
		int r = sys_devio(0x71, DIO_IN, 0, &v);
		cycles[i] = (uint32_t)(t_tsc() - t0);
		T_EQ(r, 0);
	}
	t_log("bench: devio %llu ns\n",
	      (unsigned long long)t_ns(t_median(cycles, ROUNDS)));
	t_pass();
	t_finish();
}
