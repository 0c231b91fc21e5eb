// SPDX-License-Identifier: BSD-2-Clause
/*
 * htonl, htons, ntohl and ntohs as functions, for programs that take
 * their address or #undef the macros of <netinet/in.h>.  The names are
 * in parentheses so the macros do not expand here; each body is the
 * macro.
 */
#include <netinet/in.h>

uint32_t(htonl)(uint32_t host)
{
	return htonl(host);
}

uint16_t(htons)(uint16_t host)
{
	return htons(host);
}

uint32_t(ntohl)(uint32_t net)
{
	return ntohl(net);
}

uint16_t(ntohs)(uint16_t net)
{
	return ntohs(net);
}
