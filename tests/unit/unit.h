/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A tiny host unit-test framework.  A test file defines functions that
 * use CHECK(); RUN(fn) runs one and prints "PASS: unit/FILE/fn" or
 * "FAIL: unit/FILE/fn" with the first failed check; unit_done() returns
 * the exit status.  tests/run.py reads these lines.
 */
#pragma once

#include <stdio.h>

static int unit_failed_checks, unit_failed_tests;
static const char *unit_file = "?";

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			if (!unit_failed_checks++)                             \
				printf("    %s:%d: CHECK(%s) failed\n",        \
				       __FILE__, __LINE__, #cond);             \
		}                                                              \
	} while (0)

#define RUN(fn)                                                                \
	do {                                                                   \
		unit_failed_checks = 0;                                        \
		fn();                                                          \
		printf("%s: %s/%s\n", unit_failed_checks ? "FAIL" : "PASS",    \
		       unit_file, #fn);                                        \
		unit_failed_tests += unit_failed_checks != 0;                  \
	} while (0)

static inline int unit_done(void)
{
	return unit_failed_tests ? 1 : 0;
}
