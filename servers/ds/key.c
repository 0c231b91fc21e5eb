// SPDX-License-Identifier: BSD-2-Clause
/*
 * Keys and patterns.
 *
 * A key is 1 to DS_KEY_MAX - 1 printable ASCII characters without
 * space or '*'.  A pattern is the same with '*' allowed: '*' matches
 * any run of characters (none, or many, dots too) and every other
 * character matches only itself.  There is no other wildcard and no
 * escape, so "drv.chr.*" matches "drv.chr.tty" and "drv.chr." but not
 * "drv.blk.ram"; "*" matches every key.
 */
#include "ds.h"

bool key_valid(const char *key, bool pattern)
{
	int n = 0;
	for (; key[n]; n++) {
		if (n >= DS_KEY_MAX - 1)
			return false;
		unsigned char c = (unsigned char)key[n];
		if (c <= ' ' || c > '~' || (c == '*' && !pattern))
			return false;
	}
	return n > 0;
}

/*
 * Greedy matching with one back-up point: on a mismatch after a '*',
 * let that star swallow one more character and try again.  Enough for
 * this grammar, since a later star can always take over from an
 * earlier one; at most length(pattern) * length(key) steps.
 */
bool key_match(const char *pattern, const char *key)
{
	const char *star = 0, *resume = 0;
	while (*key) {
		if (*pattern == '*') {
			star = pattern++;
			resume = key;
		} else if (*pattern == *key) {
			pattern++;
			key++;
		} else if (star) {
			pattern = star + 1;
			key = ++resume;
		} else {
			return false;
		}
	}
	while (*pattern == '*')
		pattern++;
	return *pattern == 0;
}
