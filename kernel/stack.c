// SPDX-License-Identifier: BSD-2-Clause
/*
 * Building a boot process's stack from its module command line (see
 * stack.h).  Words are separated by spaces; at most MAX_ARGS are kept.
 */
#include "stack.h"

#include "arch/i386/arch.h"
#include "lib.h"
#include "vm.h"

#define MAX_CMDLINE 256

int stack_build(uint32_t pd, const char *cmdline, uint32_t *sp)
{
	for (uint32_t va = USER_STACK_BOTTOM; va < USER_TOP; va += PAGE_SIZE) {
		int r = as_alloc(pd, va, AS_WRITE);
		if (r < 0)
			return r;
	}
	char str[MAX_CMDLINE];
	uint32_t len = (uint32_t)strlcpy(str, cmdline, sizeof(str));
	if (len >= sizeof(str))
		len = sizeof(str) - 1;
	uint32_t strings = USER_TOP - ((len + 1 + 3) & ~3u);
	uint32_t argv[MAX_ARGS + 4];
	int argc = 0;
	for (uint32_t i = 0; i < len && argc < MAX_ARGS;) {
		while (i < len && str[i] == ' ')
			str[i++] = 0;
		if (i == len)
			break;
		argv[1 + argc++] = strings + i;
		while (i < len && str[i] != ' ')
			i++;
	}
	for (uint32_t i = 0; i < len; i++)
		if (str[i] == ' ')
			str[i] = 0;
	argv[0] = (uint32_t)argc;
	argv[1 + argc] = 0;		 /* end of argv */
	argv[2 + argc] = 0;		 /* empty environment */
	argv[3 + argc] = STACK_AUX_BOOT; /* started by the kernel */
	uint32_t words = (uint32_t)argc + 4;
	uint32_t top = strings - words * 4;
	memcpy(as_kaddr(pd, strings), str, len + 1);
	for (uint32_t w = 0; w < words; w++)
		*(uint32_t *)as_kaddr(pd, top + w * 4) = argv[w];
	*sp = top;
	return 0;
}
