// SPDX-License-Identifier: BSD-2-Clause
/*
 * POSIX suite: addresses and names, as Samsara's C library gives them on
 * Samsara (newlib's errno values, /etc/hosts and /etc/services read
 * through VFS): inet_pton and inet_ntop with their errors, getaddrinfo
 * and getnameinfo on the root image's files (the test RAM disk has
 * copies of boot/root/etc/hosts and services), gethostbyname, and
 * EAI_NONAME for a name nothing knows (there is no DNS).  The logic
 * itself is tested on the host (tests/unit/test_inet.c).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>

#include "posix.h"

static void t_inet_text(void)
{
	struct in_addr a;
	char buf[INET_ADDRSTRLEN];
	CHECK(inet_pton(AF_INET, "10.0.2.15", &a) == 1);
	CHECK(a.s_addr == htonl(0x0a00020f));
	CHECK(inet_pton(AF_INET, "10.0.2.256", &a) == 0);
	CHECK(inet_ntop(AF_INET, &a, buf, sizeof(buf)) == buf);
	CHECK(strcmp(buf, "10.0.2.15") == 0);
	errno = 0;
	CHECK(inet_ntop(AF_INET, &a, buf, 9) == 0 && errno == ENOSPC);
	errno = 0;
	CHECK(inet_pton(AF_INET6, "::1", &a) == -1 && errno == EAFNOSUPPORT);
	CHECK(inet_addr("127.1") == htonl(INADDR_LOOPBACK));
	CHECK(strcmp(inet_ntoa(a), "10.0.2.15") == 0);
}

static void t_getaddrinfo(void)
{
	struct addrinfo *res,
		hints = {.ai_flags = AI_CANONNAME, .ai_family = AF_UNSPEC};
	CHECK(getaddrinfo("samsara", "http", &hints, &res) == 0);
	const struct sockaddr_in *sin =
		(const struct sockaddr_in *)res->ai_addr;
	CHECK(res->ai_family == AF_INET && res->ai_socktype == SOCK_STREAM);
	CHECK(res->ai_protocol == IPPROTO_TCP && res->ai_next == 0);
	CHECK(sin->sin_addr.s_addr == htonl(0x0a00020f));
	CHECK(sin->sin_port == htons(80));
	CHECK(res->ai_canonname && strcmp(res->ai_canonname, "samsara") == 0);
	freeaddrinfo(res);
	hints = (struct addrinfo){.ai_flags = AI_PASSIVE};
	CHECK(getaddrinfo(0, "7", &hints, &res) == 0);
	CHECK(res->ai_next && !res->ai_next->ai_next);
	sin = (const struct sockaddr_in *)res->ai_addr;
	CHECK(sin->sin_addr.s_addr == htonl(INADDR_ANY));
	CHECK(sin->sin_port == htons(7));
	freeaddrinfo(res);
	CHECK(getaddrinfo("example.com", "80", 0, &res) == EAI_NONAME);
	CHECK(getaddrinfo("samsara", "nosuch", 0, &res) == EAI_SERVICE);
	CHECK(strlen(gai_strerror(EAI_NONAME)) > 0);
}

static void t_getnameinfo(void)
{
	struct sockaddr_in sin = {.sin_family = AF_INET,
				  .sin_port = htons(53),
				  .sin_addr = {htonl(0x0a000202)}};
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	CHECK(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host,
			  sizeof(host), serv, sizeof(serv), NI_DGRAM) == 0);
	CHECK(strcmp(host, "host") == 0 && strcmp(serv, "domain") == 0);
	sin.sin_addr.s_addr = htonl(0x0a0a0a0a);
	CHECK(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host,
			  sizeof(host), 0, 0, NI_NAMEREQD) == EAI_NONAME);
	struct hostent *he = gethostbyname("localhost");
	CHECK(he && he->h_length == 4 && he->h_addr_list[0]);
	CHECK(memcmp(he->h_addr, &(in_addr_t){htonl(INADDR_LOOPBACK)}, 4) == 0);
}

static const struct posix_test tests[] = {
	{"inet_text", t_inet_text},
	{"getaddrinfo", t_getaddrinfo},
	{"getnameinfo", t_getnameinfo},
};
POSIX_GROUP(posix_netdb, tests);
