// SPDX-License-Identifier: BSD-2-Clause
/*
 * true: do nothing, successfully.
 *
 *	true [ignored ...]
 *
 * Exits with status 0.  Operands and options are ignored, as POSIX
 * requires, so scripts can write "while true" or ": || true" freely.
 */
int main(void)
{
	return 0;
}
