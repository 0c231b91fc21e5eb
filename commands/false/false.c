// SPDX-License-Identifier: BSD-2-Clause
/*
 * false: do nothing, unsuccessfully.
 *
 *	false [ignored ...]
 *
 * Exits with status 1.  Operands and options are ignored, as POSIX
 * requires.
 */
int main(void)
{
	return 1;
}
