// SPDX-License-Identifier: BSD-2-Clause
/*
 * The small rest: environ, uname, gethostname, getentropy, and the
 * _init/_fini hooks newlib's start-up expects.
 */
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "libc.h"

char **environ;
static char *env_none[1];

int uname(struct utsname *u)
{
	struct utsname mine;
	memset(&mine, 0, sizeof(mine));
	strcpy(mine.sysname, "Samsara");
	strcpy(mine.nodename, "samsara");
	strcpy(mine.release, "0.4");
	strcpy(mine.version, "userland");
	strcpy(mine.machine, "i686");
	return libc_ret(libc_out(u, &mine, sizeof(mine)));
}

int gethostname(char *name, size_t len)
{
	static const char node[] = "samsara";
	if (sizeof(node) > len)
		return libc_ret(-ENAMETOOLONG);
	return libc_ret(libc_out(name, node, sizeof(node)));
}

/* Not cryptographic: the TSC, stirred.  Enough for newlib's needs. */
int getentropy(void *buf, size_t len)
{
	struct kc_times t;
	if (len > 256)
		return libc_ret(-EIO);
	if (sys_times(&t) < 0)
		return libc_ret(-EIO);
	unsigned char mine[256];
	uint64_t x = t.tsc ^ 0x9e3779b97f4a7c15ull;
	for (size_t i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		mine[i] = (unsigned char)x;
	}
	return libc_ret(libc_out(buf, mine, len));
}

void _init(void)
{
	if (!environ)
		environ = env_none;
}

void _fini(void)
{
}
