// SPDX-License-Identifier: BSD-2-Clause
/*
 * test, [: evaluate a condition; exit 0 (true), 1 (false) or 2 (error).
 *
 *	test expression
 *	[ expression ]
 *
 * The evaluator is the shell's own built-in (commands/sh/testcmd.c,
 * which lists the operators), linked in by commands/module.mk, so the
 * built-in and /bin/test always agree.  The root image holds a copy
 * named "["; sh_test() sees argv[0] and then demands the closing "]".
 */
int sh_test(int argc, char **argv);

int main(int argc, char **argv)
{
	return sh_test(argc, argv);
}
