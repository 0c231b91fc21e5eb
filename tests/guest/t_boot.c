// SPDX-License-Identifier: BSD-2-Clause
/*
 * The good module of the malformed-modules test: the harness boots it
 * after a module that is not ELF, a truncated one and one with
 * overlapping segments (made by tools/mkbadmods.py).  The kernel must log
 * one clear line for each bad module and still start this one; here we
 * also check that none of the bad ones became a process, and that our
 * arguments arrived.
 */
#include <string.h>

#include "tlib.h"

int main(int argc, char **argv)
{
	t_case = "boot";
	T_EQ(argc, 3);
	T_EQ(strcmp(argv[0], "t_boot"), 0);
	T_EQ(strcmp(argv[1], "alpha"), 0);
	T_EQ(strcmp(argv[2], "beta"), 0);
	static struct kinfo_proc tab[NR_PROCS];
	uint32_t n;
	T_EQ(sys_getinfo(GI_PROCTAB, tab, sizeof(tab), &n), 0);
	T_EQ(n / sizeof(tab[0]), 1); /* only us */
	T_EQ(tab[0].ep, 0);	     /* the first slot: nothing before us */
	T_EQ(strcmp(tab[0].name, "t_boot"), 0);
	t_pass();
	t_finish();
}
