// SPDX-License-Identifier: BSD-2-Clause
/*
 * Guest test library (see tlib.h).  Output goes through newlib's stdio to
 * the kernel log, which is the serial line the harness reads.
 */
#include "tlib.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rsclient.h"

const char *t_case = "?";
static int failures;

void t_log(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

void t_pass(void)
{
	t_log("PASS: %s\n", t_case);
}

void t_finish(void)
{
	int code = failures ? T_EXIT_FAIL : T_EXIT_PASS;
	fflush(stdout);
	if (sys_reboot(RB_DEBUG_EXIT, code) != 0) {
		/* Booted under a server's name without SYS_REBOOT: t_exit
		 * (tests/guest/t_exit.c) ends QEMU instead. */
		message_t m;
		memset(&m, 0, sizeof(m));
		m.m_type = T_EXIT_REQUEST;
		m.m_u.u32[0] = code;
		endpoint_t helper = proc_find("t_exit");
		if (helper != NONE)
			ipc_send(helper, &m);
	}
	for (;;)
		;
}

void t_fail(const char *file, int line, const char *what)
{
	t_log("FAIL: %s: %s:%d: %s\n", t_case, file, line, what);
	failures++;
	t_finish();
}

endpoint_t t_spawn(int (*fn)(void *), void *arg)
{
	endpoint_t child;
	int r = sys_fork(&child);
	T_EQ(r, 0);
	if (child == NONE) {
		int status = fn(arg);
		fflush(stdout);
		sys_exit(SELF, status);
	}
	return child;
}

struct kc_getksig t_reap(void)
{
	for (;;) {
		struct kc_getksig k;
		T_EQ(sys_getksig(&k), 0);
		if (k.who != NONE)
			return k;
		message_t m;
		int status;
		T_EQ(ipc_receive(SYSTEM, &m, &status), 0);
		T_ASSERT(IPC_IS_NOTIFY(status));
	}
}

uint64_t t_ticks(void)
{
	struct kc_times t;
	T_EQ(sys_times(&t), 0);
	return t.ticks;
}

endpoint_t t_self(void)
{
	struct kinfo_proc k;
	T_EQ(sys_getinfo(GI_SELF, &k, sizeof(k), 0), 0);
	return k.ep;
}

void t_run_case(int argc, char **argv, const struct t_case_entry *cases,
		unsigned n)
{
	t_case = argc == 2 ? argv[1] : "(no case given)";
	for (unsigned i = 0; argc == 2 && i < n; i++) {
		if (strcmp(argv[1], cases[i].name) == 0) {
			cases[i].fn();
			t_pass();
			t_finish();
		}
	}
	t_fail(__FILE__, __LINE__, "no such case");
}

void t_wait_blocked(endpoint_t ep)
{
	static struct kinfo_proc tab[NR_PROCS];
	for (int tries = 0; tries < 1000; tries++) {
		uint32_t n;
		T_EQ(sys_getinfo(GI_PROCTAB, tab, sizeof(tab), &n), 0);
		for (uint32_t i = 0; i < n / sizeof(tab[0]); i++)
			if (tab[i].ep == ep && tab[i].flags != 0)
				return;
		message_t m;
		T_EQ(sys_setalarm(1, 0), 0);
		T_EQ(ipc_receive(CLOCK, &m, 0), 0);
	}
	t_fail(__FILE__, __LINE__, "process never blocked");
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

uint32_t t_median(uint32_t *samples, unsigned n)
{
	qsort(samples, n, sizeof(samples[0]), cmp_u32);
	return samples[n / 2];
}

uint64_t t_ns(uint64_t cycles)
{
	struct kc_times t;
	T_EQ(sys_times(&t), 0);
	T_ASSERT(t.tsc_khz > 0);
	return cycles * 1000000 / t.tsc_khz;
}

bool t_rs_info(endpoint_t rs, const char *label, struct rs_info *out)
{
	static struct rs_info all[NR_PROCS];
	int n = rs_list(rs, all, NR_PROCS);
	for (int i = 0; i < n; i++)
		if (!strcmp(all[i].label, label)) {
			*out = all[i];
			return true;
		}
	return false;
}
