// SPDX-License-Identifier: BSD-2-Clause
/*
 * DEVIO, VDEVIO and SDEVIO against real (emulated) devices.  This program
 * may use the CMOS ports 0x70-0x71 and COM1's scratch register 0x3ff, and
 * no other port (tests/guest/policy/t_devio.conf).  Inside those, reads and writes reach
 * the device (CMOS RAM byte 0x40.., the scratch register); outside, every
 * attempt is refused with EPERM, does nothing, and is counted.
 */
#include <string.h>

#include "tlib.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define SCRATCH 0x3ff

static uint32_t denials;

static uint32_t cmos_read(uint32_t reg)
{
	uint32_t v;
	T_EQ(sys_devio(CMOS_INDEX, DIO_OUT, reg, 0), 0);
	T_EQ(sys_devio(CMOS_DATA, DIO_IN, 0, &v), 0);
	return v;
}

static void cmos_write(uint32_t reg, uint32_t v)
{
	T_EQ(sys_devio(CMOS_INDEX, DIO_OUT, reg, 0), 0);
	T_EQ(sys_devio(CMOS_DATA, DIO_OUT, v, 0), 0);
}

static void refused(int r)
{
	T_EQ(r, -EPERM);
	denials++;
}

static void devio(void)
{
	uint32_t v;
	cmos_write(0x40, 0x5a);
	T_EQ(cmos_read(0x40), 0x5a);
	cmos_write(0x40, 0xa5);
	T_EQ(cmos_read(0x40), 0xa5);
	T_EQ(sys_devio(SCRATCH, DIO_OUT, 0x3c, 0), 0);
	T_EQ(sys_devio(SCRATCH, DIO_IN, 0, &v), 0);
	T_EQ(v, 0x3c);
	/* A word at 0x70 covers 0x70-0x71: allowed.  A long would cover
	 * 0x70-0x73, and a word at 0x3ff would reach 0x400: refused. */
	T_EQ(sys_devio(CMOS_INDEX, DIO_IN | DIO_WORD, 0, &v), 0);
	refused(sys_devio(CMOS_INDEX, DIO_IN | DIO_LONG, 0, &v));
	refused(sys_devio(SCRATCH, DIO_OUT | DIO_WORD, 0, 0));
	/* Ports outside the ranges: keyboard, COM1's other registers, the
	 * POST port, QEMU's debug-exit port. */
	static const uint32_t outside[] = {0x60, 0x3f8, 0x3fe, 0x80,
					   0xf4, 0x72,	0x6f};
	for (unsigned i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		refused(sys_devio(outside[i], DIO_IN, 0, &v));
		refused(sys_devio(outside[i], DIO_OUT, 0, 0));
	}
	/* Not a port, or bad flags: invalid, not a denial. */
	T_EQ(sys_devio(0x10000, DIO_IN, 0, &v), -EINVAL);
	T_EQ(sys_devio(0xffff, DIO_IN | DIO_WORD, 0, &v), -EINVAL);
	T_EQ(sys_devio(CMOS_DATA, 0x80, 0, &v), -EINVAL);
}

static void vdevio(void)
{
	struct dio_pair w[] = {{CMOS_INDEX, 0x41},
			       {CMOS_DATA, 0x33},
			       {CMOS_INDEX, 0x42},
			       {CMOS_DATA, 0x44}};
	T_EQ(sys_vdevio(DIO_OUT, w, 4), 0);
	T_EQ(cmos_read(0x41), 0x33);
	T_EQ(cmos_read(0x42), 0x44);
	/* One bad port refuses the whole vector, before any access. */
	struct dio_pair bad[] = {
		{CMOS_INDEX, 0x41}, {CMOS_DATA, 0x99}, {0x60, 0}};
	refused(sys_vdevio(DIO_OUT, bad, 3));
	T_EQ(cmos_read(0x41), 0x33);
	/* Input fills the values. */
	cmos_write(0x43, 0x77);
	struct dio_pair r[] = {{CMOS_INDEX, 0}, {CMOS_DATA, 0}};
	T_EQ(sys_vdevio(DIO_OUT, r, 1), 0); /* index 0 -> reg 0x00 */
	cmos_write(0x43, 0x77);		    /* leaves index at 0x43 */
	T_EQ(sys_vdevio(DIO_IN, &r[1], 1), 0);
	T_EQ(r[1].value, 0x77);
	T_EQ(sys_vdevio(DIO_OUT, w, 0), -EINVAL);
	T_EQ(sys_vdevio(DIO_OUT, w, VDEVIO_MAX + 1), -EINVAL);
	T_EQ(sys_vdevio(DIO_OUT, (struct dio_pair *)0xc0000000, 2), -EFAULT);
}

static void sdevio(void)
{
	static uint8_t in[16], out[4] = {'a', 'b', 'c', 'd'};
	endpoint_t self = t_self();
	/* Out to the scratch register from our own memory: the last byte
	 * stays there. */
	T_EQ(sys_sdevio(SCRATCH, DIO_OUT, SELF, 0, (uint32_t)(uintptr_t)out, 4),
	     0);
	uint32_t v;
	T_EQ(sys_devio(SCRATCH, DIO_IN, 0, &v), 0);
	T_EQ(v, 'd');
	/* In from CMOS byte 0x40 through a grant (to ourselves). */
	cmos_write(0x40, 0x5a);
	T_EQ(sys_devio(CMOS_INDEX, DIO_OUT, 0x40, 0), 0);
	grant_id_t g = grant_create(self, in, sizeof(in), GF_WRITE);
	T_ASSERT(g >= 0);
	T_EQ(sys_sdevio(CMOS_DATA, DIO_IN, self, g, 4, 8), 0);
	for (int i = 0; i < 8; i++)
		T_EQ(in[4 + i], 0x5a);
	T_EQ(in[3], 0);
	T_EQ(in[12], 0);
	/* The grant is write-only for us: output through it is refused
	 * (a grant denial), and so is a port outside the ranges. */
	T_EQ(sys_sdevio(SCRATCH, DIO_OUT, self, g, 0, 4), -EPERM);
	refused(sys_sdevio(0x60, DIO_IN, self, g, 0, 4));
	T_EQ(sys_sdevio(CMOS_INDEX, DIO_IN | DIO_WORD, self, g, 0, 3),
	     -EINVAL); /* not a whole number of words */
	T_EQ(sys_sdevio(CMOS_DATA, DIO_IN, SELF, 0, 0xc0000000, 4), -EFAULT);
	T_EQ(sys_sdevio(CMOS_DATA, DIO_IN, self, g, 12, 8), -EPERM);
}

int main(void)
{
	t_case = "devio";
	devio();
	vdevio();
	sdevio();
	struct kinfo_proc k;
	T_EQ(sys_getinfo(GI_SELF, &k, sizeof(k), 0), 0);
	t_log("t_devio: %u port denials counted, %u expected\n",
	      (unsigned)k.denied[DENY_PORT], (unsigned)denials);
	T_EQ(k.denied[DENY_PORT], denials);
	T_EQ(k.denied[DENY_GRANT], 2);
	t_pass();
	t_finish();
}
