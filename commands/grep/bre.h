// SPDX-License-Identifier: BSD-2-Clause
/*
 * bre: a small matcher for a subset of POSIX basic regular expressions,
 * written for grep.  See bre.c for the accepted syntax.
 *
 * bre_compile() turns a pattern (len bytes, need not be NUL-terminated)
 * into a matcher, or returns NULL and points *why at a message.
 * bre_match() says whether the pattern matches anywhere in the len
 * bytes of text, which may contain any byte, NUL included.
 */
#pragma once

#include <stddef.h>

struct bre;

struct bre *bre_compile(const char *pat, size_t len, int icase,
			const char **why);
int bre_match(const struct bre *re, const char *text, size_t len);
