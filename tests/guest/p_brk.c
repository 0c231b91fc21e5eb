// SPDX-License-Identifier: BSD-2-Clause
/*
 * A program for the POSIX suite's memory tests (the test RAM disk has it
 * as /bin/brk).  Only a program started by exec has a break that PM
 * moves, so these checks run here, not in the suite's own children.
 *   brk sbrk    the break (sbrk, as SUSv2 describes it) grows and
 *               shrinks, sbrk(0) tells where it is, the new memory is
 *               usable, and an absurd request fails with ENOMEM and
 *               leaves the break where it was
 *   brk malloc  malloc gives several MiB, and fails with ENOMEM for
 *               more than there is
 * Exits 0 when all hold, else prints the failed check to standard error
 * and exits 1.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			fprintf(stderr, "brk: line %d: %s\n", __LINE__, #c);   \
			exit(1);                                               \
		}                                                              \
	} while (0)

#define KIB 1024

static bool filled(const char *p, size_t n, char c)
{
	for (size_t i = 0; i < n; i += 512)
		if (p[i] != c)
			return false;
	return p[n - 1] == c;
}

static void sbrk_checks(void)
{
	char *b0 = sbrk(0);
	CHECK(b0 != (char *)-1);
	CHECK(sbrk(64 * KIB) == b0);
	CHECK(sbrk(0) == b0 + 64 * KIB);
	memset(b0, 0x5a, 64 * KIB);
	CHECK(filled(b0, 64 * KIB, 0x5a));
	CHECK(sbrk(-32 * KIB) == b0 + 64 * KIB);
	CHECK(sbrk(0) == b0 + 32 * KIB);
	CHECK(filled(b0, 32 * KIB, 0x5a)); /* below the break: kept */
	CHECK(sbrk(100 * KIB) == b0 + 32 * KIB);
	memset(b0 + 32 * KIB, 0x33, 100 * KIB);
	CHECK(filled(b0 + 32 * KIB, 100 * KIB, 0x33));
	char *end = b0 + 132 * KIB;
	errno = 0;
	CHECK(sbrk(INTPTR_MAX) == (void *)-1 && errno == ENOMEM);
	errno = 0;
	CHECK(sbrk(-(intptr_t)(uintptr_t)end - 4096) == (void *)-1 &&
	      errno == ENOMEM);
	CHECK(sbrk(0) == end);
	errno = 0;
	CHECK(sbrk(1 << 30) == (void *)-1 && errno == ENOMEM); /* > RAM */
	CHECK(sbrk(0) == end);
	CHECK(sbrk(4 * KIB) == end); /* still works */
	memset(end, 1, 4 * KIB);
	CHECK(filled(b0, 32 * KIB, 0x5a));
}

static void malloc_checks(void)
{
	size_t n = 6u << 20, m = 3u << 20;
	char *a = malloc(n), *b = malloc(m);
	CHECK(a && b);
	CHECK(b >= a + n || a >= b + m);
	memset(a, 0xa5, n);
	memset(b, 0x5b, m);
	CHECK(filled(a, n, (char)0xa5) && filled(b, m, 0x5b));
	free(a);
	a = realloc(b, n);
	CHECK(a && filled(a, m, 0x5b));
	free(a);
	volatile size_t huge = 3u << 30; /* more than the address space */
	errno = 0;
	CHECK(malloc(huge) == 0 && errno == ENOMEM);
	a = malloc(n);
	CHECK(a);
	memset(a, 1, n);
	free(a);
}

int main(int argc, char **argv)
{
	CHECK(argc == 2);
	if (!strcmp(argv[1], "sbrk"))
		sbrk_checks();
	else if (!strcmp(argv[1], "malloc"))
		malloc_checks();
	else
		CHECK(!"a known mode");
	return 0;
}
