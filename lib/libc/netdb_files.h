/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The files behind <netdb.h>, inside the C library.  Every look-up takes
 * the paths of its files (struct netdb_files), so that the host unit
 * test (tests/unit/test_inet.c) can hand it files of its own; the public
 * functions pass netdb_system's, /etc/hosts and /etc/services.
 *
 * Both files are read a line at a time: "#" starts a comment, fields are
 * separated by spaces and tabs, a line of more than NETDB_LINE_MAX - 1
 * bytes (its newline included) is skipped whole, and at most
 * NETDB_NAMES_MAX names of a line are read.  A file that cannot be
 * opened has no entries.
 *
 *   /etc/hosts      ADDRESS NAME [ALIAS...]: a dotted quad (inet_pton's
 *                   form; other lines, IPv6 ones among them, are
 *                   skipped), then the official name and its aliases.
 *                   Names match without regard to case.
 *   /etc/services   NAME PORT/PROTO [ALIAS...]
 */
#pragma once

#include <netdb.h>
#include <stdbool.h>
#include <stdio.h>

#define NETDB_LINE_MAX 512
#define NETDB_NAMES_MAX 35 /* per line, the official name included */
#define NETDB_ADDRS_MAX 16 /* addresses of one name, from several lines */

struct netdb_files {
	const char *hosts;
	const char *services;
};
extern const struct netdb_files netdb_system;

/* netdb_line.c: the next line of f into buf (n bytes, newline cut), or
 * false at the end; the fields of a line (cut at "#"), at most max; a
 * port number (decimal digits only, 0-65535) into *port, or false. */
bool netdb_line(FILE *f, char *buf, size_t n);
int netdb_fields(char *line, char **field, int max);
bool netdb_port(const char *s, int *port);

/* A host: the names of the first line that matched (names[0] is the
 * official one, 0 ends them), and every address given to the name. */
struct netdb_host {
	char line[NETDB_LINE_MAX];
	char *names[NETDB_NAMES_MAX + 1];
	struct in_addr addrs[NETDB_ADDRS_MAX];
	int naddrs;
};

/* hosts.c: 0, or -ENOENT if no line names the host.  "localhost" is
 * 127.0.0.1 and back when the file does not say otherwise. */
int netdb_host_by_name(const char *hosts, const char *name,
		       struct netdb_host *h);
int netdb_host_by_addr(const char *hosts, struct in_addr addr,
		       struct netdb_host *h);

/* A service: its names (names[0] the official one), port (host byte
 * order) and protocol ("tcp", "udp"). */
struct netdb_service {
	char line[NETDB_LINE_MAX];
	char *names[NETDB_NAMES_MAX + 1];
	int port;
	char *proto;
};

/* services.c: 0, or -ENOENT; proto 0 matches any protocol. */
int netdb_service_by_name(const char *services, const char *name,
			  const char *proto, struct netdb_service *s);
int netdb_service_by_port(const char *services, int port, const char *proto,
			  struct netdb_service *s);

/* The public calls of <netdb.h> over the given files. */
int netdb_getaddrinfo(const struct netdb_files *files, const char *node,
		      const char *service, const struct addrinfo *hints,
		      struct addrinfo **res);
int netdb_getnameinfo(const struct netdb_files *files,
		      const struct sockaddr *sa, socklen_t salen, char *host,
		      socklen_t hostlen, char *serv, socklen_t servlen,
		      int flags);
struct hostent *netdb_gethostbyname(const char *hosts, const char *name);
struct hostent *netdb_gethostbyaddr(const char *hosts, const void *addr,
				    socklen_t len, int type);
struct servent *netdb_getservbyname(const char *services, const char *name,
				    const char *proto);
struct servent *netdb_getservbyport(const char *services, int port,
				    const char *proto);
