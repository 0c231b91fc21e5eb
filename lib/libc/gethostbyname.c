// SPDX-License-Identifier: BSD-2-Clause
/*
 * gethostbyname and gethostbyaddr (<netdb.h>): the look-ups of
 * getaddrinfo and getnameinfo, answered in a static struct hostent that
 * the next call overwrites.  A numeric name (any of inet_aton's forms)
 * is its own h_name, without aliases.  Not found: 0, h_errno
 * HOST_NOT_FOUND; an address of another family or length than IPv4's:
 * 0, h_errno NO_RECOVERY.
 */
#include <arpa/inet.h>
#include <string.h>

#include "netdb_files.h"

int h_errno;

static struct netdb_host found;
static char *addr_list[NETDB_ADDRS_MAX + 1];
static struct hostent hostent;

static struct hostent *as_hostent(void)
{
	int i;
	for (i = 0; i < found.naddrs; i++)
		addr_list[i] = (char *)&found.addrs[i];
	addr_list[i] = 0;
	hostent = (struct hostent){.h_name = found.names[0],
				   .h_aliases = found.names + 1,
				   .h_addrtype = AF_INET,
				   .h_length = sizeof(struct in_addr),
				   .h_addr_list = addr_list};
	return &hostent;
}

static struct hostent *not_found(int why)
{
	h_errno = why;
	return 0;
}

struct hostent *netdb_gethostbyname(const char *hosts, const char *name)
{
	struct in_addr a;
	if (!name)
		return not_found(HOST_NOT_FOUND);
	if (inet_aton(name, &a)) {
		size_t n = strnlen(name, sizeof(found.line) - 1);
		memcpy(found.line, name, n);
		found.line[n] = 0;
		found.names[0] = found.line;
		found.names[1] = 0;
		found.addrs[0] = a;
		found.naddrs = 1;
		return as_hostent();
	}
	if (netdb_host_by_name(hosts, name, &found) < 0)
		return not_found(HOST_NOT_FOUND);
	return as_hostent();
}

struct hostent *netdb_gethostbyaddr(const char *hosts, const void *addr,
				    socklen_t len, int type)
{
	struct in_addr a;
	if (!addr || type != AF_INET || len != sizeof(a))
		return not_found(NO_RECOVERY);
	memcpy(&a, addr, sizeof(a));
	if (netdb_host_by_addr(hosts, a, &found) < 0)
		return not_found(HOST_NOT_FOUND);
	return as_hostent();
}

struct hostent *gethostbyname(const char *name)
{
	return netdb_gethostbyname(netdb_system.hosts, name);
}

struct hostent *gethostbyaddr(const void *addr, socklen_t len, int type)
{
	return netdb_gethostbyaddr(netdb_system.hosts, addr, len, type);
}
