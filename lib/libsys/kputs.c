// SPDX-License-Identifier: BSD-2-Clause
/* kputs: a string to the kernel log, for code that has no stdio. */
#include "libsys.h"

void kputs(const char *s)
{
	uint32_t n = 0;
	while (s[n])
		n++;
	sys_diag(s, n);
}
