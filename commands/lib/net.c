// SPDX-License-Identifier: BSD-2-Clause
/*
 * Addresses for the network commands (cmdlib.h): resolve_ipv4, a
 * host's IPv4 address from a number ("10.0.2.2") or a name that
 * getaddrinfo knows (/etc/hosts), and format_ipv4.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "cmdlib.h"

int resolve_ipv4(const char *host, struct in_addr *out)
{
	struct addrinfo hints, *res;
	if (inet_pton(AF_INET, host, out) == 1)
		return 0;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET;
	int r = getaddrinfo(host, 0, &hints, &res);
	if (r != 0)
		return r;
	*out = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
	freeaddrinfo(res);
	return 0;
}

const char *format_ipv4(uint32_t addr, char buf[16])
{
	struct in_addr a = {.s_addr = addr};
	if (!inet_ntop(AF_INET, &a, buf, 16))
		snprintf(buf, 16, "?");
	return buf;
}
