// SPDX-License-Identifier: BSD-2-Clause
/*
 * getprotobyname and getprotobynumber (<netdb.h>) from a built-in
 * table of the protocols INET serves; there is no /etc/protocols.
 * Names match exactly, as in that file.
 */
#include <netdb.h>
#include <string.h>

static char *no_aliases[1];

static struct protoent protocols[] = {
	{"ip", no_aliases, IPPROTO_IP},	  {"icmp", no_aliases, IPPROTO_ICMP},
	{"tcp", no_aliases, IPPROTO_TCP}, {"udp", no_aliases, IPPROTO_UDP},
	{"raw", no_aliases, IPPROTO_RAW},
};

#define NR_PROTOCOLS (sizeof(protocols) / sizeof(protocols[0]))

struct protoent *getprotobyname(const char *name)
{
	for (size_t i = 0; name && i < NR_PROTOCOLS; i++)
		if (strcmp(protocols[i].p_name, name) == 0)
			return &protocols[i];
	return 0;
}

struct protoent *getprotobynumber(int proto)
{
	for (size_t i = 0; i < NR_PROTOCOLS; i++)
		if (protocols[i].p_proto == proto)
			return &protocols[i];
	return 0;
}
