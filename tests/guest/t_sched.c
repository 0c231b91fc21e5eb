// SPDX-License-Identifier: BSD-2-Clause
/*
 * Scheduling and the clock, one case per boot: t_sched CASE.
 *
 *   preempt  two children that never block both make progress: the
 *            clock must take the CPU from one to run the other
 *   alarm    SETALARM arrives as a CLOCK notification after the right
 *            number of ticks; a newer alarm replaces the older; 0 cancels
 *   newlib   printf, snprintf and malloc from newlib work in a boot
 *            process
 *   klog     what a process writes can be read back from the kernel log
 *   fpu      two processes doing floating point at once, preempting each
 *            other, both get exactly the results they get alone
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlib.h"

static endpoint_t parent;

/* Spin forever, notifying the parent now and then. */
static int spinner(void *arg)
{
	(void)arg;
	for (volatile uint32_t i = 0;; i++)
		if ((i & 0xfffff) == 0)
			ipc_notify(parent);
	return 0;
}

static void case_preempt(void)
{
	endpoint_t a = t_spawn(spinner, 0);
	endpoint_t b = t_spawn(spinner, 0);
	int from_a = 0, from_b = 0;
	uint64_t start = t_ticks();
	while ((from_a < 3 || from_b < 3) && t_ticks() - start < 3000) {
		message_t m;
		int status;
		T_EQ(ipc_receive(ANY, &m, &status), 0);
		T_ASSERT(IPC_IS_NOTIFY(status));
		from_a += m.m_source == a;
		from_b += m.m_source == b;
	}
	t_log("t_sched: notifications from a %d, b %d\n", from_a, from_b);
	T_ASSERT(from_a >= 3 && from_b >= 3);
	T_EQ(sys_exit(a, 0), 0);
	T_EQ(sys_exit(b, 0), 0);
}

static void case_alarm(void)
{
	message_t m;
	int status;
	uint32_t left;
	uint64_t t0 = t_ticks();
	T_EQ(sys_setalarm(20, &left), 0);
	T_EQ(left, 0);
	T_EQ(ipc_receive(CLOCK, &m, &status), 0);
	T_ASSERT(IPC_IS_NOTIFY(status));
	T_EQ(m.m_source, CLOCK);
	uint64_t waited = t_ticks() - t0;
	t_log("t_sched: alarm of 20 ticks came after %u\n", (unsigned)waited);
	T_ASSERT(waited >= 20 && waited <= 25);

	/* Replacing: the old alarm's remaining ticks come back. */
	T_EQ(sys_setalarm(500, 0), 0);
	T_EQ(sys_setalarm(10, &left), 0);
	T_ASSERT(left > 400 && left <= 500);
	t0 = t_ticks();
	T_EQ(ipc_receive(CLOCK, &m, &status), 0);
	T_ASSERT(t_ticks() - t0 < 50);

	/* Cancelling: no notification arrives; a later alarm proves it. */
	T_EQ(sys_setalarm(5, 0), 0);
	T_EQ(sys_setalarm(0, &left), 0);
	T_ASSERT(left > 0 && left <= 5);
	T_EQ(sys_setalarm(30, 0), 0);
	t0 = t_ticks();
	T_EQ(ipc_receive(CLOCK, &m, &status), 0);
	T_ASSERT(t_ticks() - t0 >= 30);
}

static void case_newlib(void)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%d-%s-%05.1f-%llx", 42, "ok", 3.25,
		 0x123456789abcULL);
	T_EQ(strcmp(buf, "42-ok-003.2-123456789abc"), 0);
	/* malloc: many blocks, all distinct and intact. */
	enum { N = 200 };
	char *blocks[N];
	for (int i = 0; i < N; i++) {
		blocks[i] = malloc((size_t)(16 + i * 7));
		T_ASSERT(blocks[i] != NULL);
		memset(blocks[i], i, (size_t)(16 + i * 7));
	}
	for (int i = 0; i < N; i++) {
		for (int j = 0; j < 16 + i * 7; j++)
			T_EQ(blocks[i][j], (char)i);
		free(blocks[i]);
	}
	void *big = malloc(256 * 1024);
	T_ASSERT(big != NULL);
	free(big);
	T_ASSERT(malloc(64 * 1024 * 1024) == NULL); /* refused, no crash */
	printf("t_sched: printf from newlib works: %s\n", buf);
}

static void case_klog(void)
{
	const char *mark = "t_sched: a line to find in the kernel log\n";
	printf("%s", mark);
	fflush(stdout);
	static char log[16384];
	uint32_t n;
	T_EQ(sys_getinfo(GI_LOG, log, sizeof(log) - 1, &n), 0);
	T_ASSERT(n > 0 && n < sizeof(log));
	log[n] = 0;
	T_ASSERT(strstr(log, mark) != NULL);
	T_ASSERT(strstr(log, "Samsara kernel booting") != NULL);
	struct kinfo_counters c;
	T_EQ(sys_getinfo(GI_COUNTERS, &c, sizeof(c), &n), 0);
	T_EQ(n, sizeof(c));
	T_ASSERT(c.kernel_calls > 0 && c.ticks > 0);
}

/* A long floating-point computation whose result depends on every
 * step, so a clobbered register shows.  Never inlined, so the parent's
 * reference and the children's runs are the same code. */
__attribute__((noinline)) static double fp_work(double seed)
{
	double x = seed;
	for (int i = 0; i < 400000; i++)
		x = x * 1.0000001 + (double)(i % 7) * 0.25 - seed / 3.0;
	return x;
}

static double fp_expect[2];

static int fp_child(void *arg)
{
	int k = (int)(intptr_t)arg;
	for (int round = 0; round < 3; round++) {
		volatile double seed = k + 1.5;
		volatile double r = fp_work(seed); /* rounded to double */
		if (r != fp_expect[k]) {
			t_log("child %d round %d: %a, expected %a\n", k, round,
			      r, fp_expect[k]);
			return 1;
		}
	}
	return 0;
}

static void case_fpu(void)
{
	volatile double seeds[2] = {1.5, 2.5};
	fp_expect[0] = fp_work(seeds[0]);
	fp_expect[1] = fp_work(seeds[1]);
	T_ASSERT(fp_expect[0] != fp_expect[1]);
	uint64_t t0 = t_ticks();
	t_spawn(fp_child, (void *)0);
	t_spawn(fp_child, (void *)1);
	for (int i = 0; i < 2; i++) {
		struct kc_getksig k = t_reap();
		T_EQ(k.kind, KSIG_EXIT);
		T_EQ(k.status, 0);
	}
	t_log("t_sched: fpu children took %u ticks\n",
	      (unsigned)(t_ticks() - t0));
	T_ASSERT(t_ticks() - t0 > 10); /* long enough to be preempted */
}

static const struct t_case_entry cases[] = {
	{"preempt", case_preempt}, {"alarm", case_alarm},
	{"newlib", case_newlib},   {"klog", case_klog},
	{"fpu", case_fpu},
};

int main(int argc, char **argv)
{
	parent = t_self();
	t_run_case(argc, argv, cases, sizeof(cases) / sizeof(cases[0]));
}
