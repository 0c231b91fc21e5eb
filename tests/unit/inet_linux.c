// SPDX-License-Identifier: BSD-2-Clause
/*
 * The host's (glibc's, that is Linux's) values of the names in
 * inet_abi.h, built against the host's own headers, for test_inet.c to
 * compare with Samsara's.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <sys/socket.h>

#include "inet_abi.h"

#define VALUE(name) {#name, (long long)(name)},
#define LAYOUT(name, expr) {#name, (long long)(expr)},
const struct inet_abi_entry inet_linux_abi[] = {
	INET_ABI_LIST(VALUE, LAYOUT){0, 0},
};
