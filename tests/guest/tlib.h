/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The guest test library: what every test program in tests/guest/ and
 * tests/bench/ uses to report.
 *
 * A test program checks with T_ASSERT(), which on failure prints
 * "FAIL: case: file:line: condition" and ends the run; t_pass() prints
 * "PASS: case".  t_finish() stops QEMU through isa-debug-exit with
 * T_EXIT_PASS when nothing failed (QEMU exits with status 33) or
 * T_EXIT_FAIL (status 3).  The harness (tests/run.py) reads both.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "libsys.h"

#define T_EXIT_PASS 0x10
#define T_EXIT_FAIL 0x01
/* The request t_finish() sends to t_exit when it may not reboot. */
#define T_EXIT_REQUEST 0x7e01

extern const char *t_case; /* the case being run, for messages */

void t_pass(void);
void t_fail(const char *file, int line, const char *what)
	__attribute__((noreturn));
void t_finish(void) __attribute__((noreturn));
void t_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* RS's entry for a service (RS_LIST through `rs`): true if it has one. */
struct rs_info;
bool t_rs_info(endpoint_t rs, const char *label, struct rs_info *out);

/* Child helpers built on SYS_FORK.  t_spawn runs fn(arg) in a child that
 * ends with fn's return value as its exit status.  t_reap waits for news
 * about one child (exit or fault) and returns it. */
/* Run the case named by argv[1] from a table, then end the run. */
struct t_case_entry {
	const char *name;
	void (*fn)(void);
};
void t_run_case(int argc, char **argv, const struct t_case_entry *cases,
		unsigned n) __attribute__((noreturn));

endpoint_t t_spawn(int (*fn)(void *), void *arg);
struct kc_getksig t_reap(void);
uint64_t t_ticks(void);

/* For benchmarks: the time-stamp counter, the median of n samples
 * (sorts them), and cycles in nanoseconds at the kernel's TSC rate. */
static inline uint64_t t_tsc(void)
{
	uint64_t v;
	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}
uint32_t t_median(uint32_t *samples, unsigned n);
uint64_t t_ns(uint64_t cycles);

/* Wait until process ep is blocked (in IPC, or stopped). */
void t_wait_blocked(endpoint_t ep);
endpoint_t t_self(void);

#define T_ASSERT(cond)                                                         \
	do {                                                                   \
		if (!(cond))                                                   \
			t_fail(__FILE__, __LINE__, #cond);                     \
	} while (0)

#define T_EQ(a, b)                                                             \
	do {                                                                   \
		long t_a_ = (long)(a), t_b_ = (long)(b);                       \
		if (t_a_ != t_b_) {                                            \
			t_log("%s = %ld, expected %s = %ld\n", #a, t_a_, #b,   \
			      t_b_);                                           \
			t_fail(__FILE__, __LINE__, #a " == " #b);              \
		}                                                              \
	} while (0)
