// SPDX-License-Identifier: BSD-2-Clause
/*
 * The trap fuzzer: FUZZ_TRAPS IPC and kernel-call traps with
 * random registers (primitive or call number, endpoint, message pointer)
 * and random message contents.  It runs beside t_fuzzctl, which keeps
 * doing checked IPC work; the test passes when the fuzzer reports its
 * count and the control process's work is intact.
 *
 * Values are drawn from pools that mix plain random numbers with the
 * interesting ones (null, kernel addresses, pointers straddling the end
 * of user space, read-only text, stale and dead endpoints, the kernel's
 * notification sources, out-of-range numbers).  Two rules keep the
 * fuzzer itself alive so that the run ends: it never aims at another
 * live process (it would block on it forever, or corrupt the control
 * test), and it never lets the kernel write into its own data or stack
 * (random pointers that land there are moved).  Before a RECEIVE it
 * leaves itself a notification, or an alarm, so RECEIVE returns.
 *
 * The control process narrows its record (tests/guest/policy/t_fuzz.conf)
 * before the run: no EXIT, FORK, DIAG or REBOOT, so random kernel calls
 * are refused rather than ending the run; those refusals are part of
 * what is tested.
 *
 * With a mode, it makes only kernel calls, under privileges the control
 * process installs with PRIVCTL once the fuzzer has said hello: `user`
 * (an ordinary user process: every call is refused) or `driver` (what a
 * device driver gets: grants, port I/O on the CMOS ports, IRQ 8, DMA
 * memory, VGA memory).
 *
 * Usage: t_fuzz [ipc|user|driver [SEED]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlib.h"

#define FUZZ_TRAPS 200000
#define FUZZ_SEED 0x4653
#define FUZZ_DONE 0x4655

extern char etext[], end[];

static uint32_t rng;
static endpoint_t self;
static message_t scratch[4];

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static bool own_writable(uint32_t a)
{
	uint32_t lo = (uint32_t)(uintptr_t)etext & ~0xfffu;
	return (a >= lo - 64 && a < (uint32_t)(uintptr_t)end) ||
	       a >= 0xbfff0000 - 64;
}

/* A pointer that is bad in some interesting way, or scratch. */
static uint32_t pick_ptr(void)
{
	uint32_t r = rnd(), s = (uint32_t)(uintptr_t)scratch;
	switch (rnd() % 12) {
	case 0:
		return 0;
	case 1:
		return r % 0x1000;
	case 2:
		return 0x08048000 + r % 0x2000; /* headers and text */
	case 3: /* straddling the end of user space (not our stack) */
		return 0xbfffffc1 + r % 63;
	case 4:
		return 0xc0000000 + r % 0x1000000;
	case 5:
		return 0xffffffc0 + r % 64;
	case 6:
		return 0x40000000 + r % 0x1000;
	case 7:
	case 8:
		return s + r % (sizeof(scratch) - sizeof(message_t));
	case 9:
		return s;
	default:
		return own_writable(r) ? 0x50000000 : r;
	}
}

/* An endpoint that names nothing alive, or ourselves. */
static uint32_t pick_ep(void)
{
	uint32_t r = rnd();
	switch (rnd() % 12) {
	case 0:
		return ANY;
	case 1:
		return NONE;
	case 2:
		return SELF;
	case 3:
		return (uint32_t)(-(int32_t)(r % 6) - 1); /* kernel and below */
	case 4:
		return (uint32_t)self;
	case 5:
		return (uint32_t)EP_MAKE(EP_GEN(self) + 1 + r % 5,
					 EP_SLOT(self));
	case 6:
		return (uint32_t)EP_MAKE(5 + r % 100, r % NR_PROCS);
	case 7:
		return (uint32_t)EP_MAKE(EP_MAX_GEN + 1, r % EP_SLOTS);
	case 8:
		return NR_PROCS + r % (EP_SLOTS - NR_PROCS);
	default:
		/* Another live process is off limits (see above). */
		if (r < (uint32_t)EP_MAKE(4, 0) &&
		    (endpoint_t)EP_SLOT(r) != EP_SLOT(self))
			return (uint32_t)EP_MAKE(9, 40);
		return r;
	}
}

static void fill_scratch(void)
{
	uint32_t *w = (uint32_t *)scratch;
	for (unsigned i = 0; i < sizeof(scratch) / 4; i++) {
		uint32_t v = rnd();
		if (rnd() % 4 == 0)
			v = pick_ptr();
		w[i] = own_writable(v) ? 0x50000000 : v;
	}
}

static unsigned long traps;

static void one_ipc(void)
{
	uint32_t prim = rnd() % 4 ? rnd() % 8 : rnd();
	uint32_t ep = pick_ep(), ptr = pick_ptr(), st;
	if (prim == RECEIVE) {
		ipc_notify(self); /* a RECEIVE from ANY or self returns */
		traps++;
		if ((int32_t)ep < 0 && (int32_t)ep >= -3) {
			if (rnd() % 8 == 0) {
				ep = (uint32_t)CLOCK;
				sys_setalarm(1, 0);
				traps++;
			} else {
				ep = ANY;
			}
		}
	}
	fill_scratch();
	ipc_trap_raw(prim, ep, ptr, &st);
	traps++;
}

static void one_kcall(void)
{
	uint32_t nr = rnd() % 4 ? rnd() % (NR_KCALLS + 2) : rnd();
	fill_scratch();
	kcall_raw(nr, pick_ptr());
	traps++;
}

int main(int argc, char **argv)
{
	t_case = "fuzz";
	self = t_self();
	struct kc_times t;
	sys_times(&t);
	bool kcalls_only = argc > 1 && strcmp(argv[1], "ipc") != 0;
	rng = argc > 2 ? (uint32_t)strtoul(argv[2], 0, 0) : (uint32_t)t.tsc;
	if (!rng)
		rng = 1;
	/* We may not write the log (DIAG is denied): the control process
	 * prints our seed and our count. */
	endpoint_t ctl = proc_find("t_fuzzctl");
	T_ASSERT(ctl != NONE);
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = FUZZ_SEED;
	m.m_u.u32[0] = rng;
	T_EQ(ipc_sendrec(ctl, &m), 0); /* the answer: our privileges are set */
	while (traps < FUZZ_TRAPS) {
		if (rnd() % 2 && !kcalls_only)
			one_ipc();
		else
			one_kcall();
	}
	memset(&m, 0, sizeof(m));
	m.m_type = FUZZ_DONE;
	m.m_u.u32[0] = (uint32_t)traps;
	ipc_sendrec(ctl, &m); /* never answered: the run ends meanwhile */
	for (;;)
		ipc_receive(CLOCK, &m, 0); /* never comes: the run ends */
}
