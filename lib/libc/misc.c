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
	if (!u)
		return libc_ret(-EFAULT);
	memset(u, 0, sizeof(*u));
	strcpy(u->sysname, "Samsara");
	strcpy(u->nodename, "samsara");
	strcpy(u->release, "0.4");
	strcpy(u->version, "userland");
	strcpy(u->machine, "i686");
	return 0;
}

int gethostname(char *name, size_t len)
{
	struct utsname u;
	uname(&u);
	if (strlen(u.nodename) >= len)
		return libc_ret(-ENAMETOOLONG);
	strcpy(name, u.nodename);
	return 0;
}

/* Not cryptographic: the TSC, stirred.  Enough for newlib's needs. */
int getentropy(void *buf, size_t len)
{
	struct kc_times t;
	if (len > 256)
		return libc_ret(-EIO);
	if (sys_times(&t) < 0)
		return libc_ret(-EIO);
	uint64_t x = t.tsc ^ 0x9e3779b97f4a7c15ull;
	for (size_t i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		((unsigned char *)buf)[i] = (unsigned char)x;
	}
	return 0;
}

void _init(void)
{
	if (!environ)
		environ = env_none;
}

void _fini(void)
{
}
