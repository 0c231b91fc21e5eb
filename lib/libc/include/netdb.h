/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Names of hosts and services (POSIX <netdb.h>; lib/libc/getaddrinfo.c,
 * getnameinfo.c, gethostbyname.c, services.c, gai_strerror.c).
 *
 * There is no DNS: QEMU's restricted user network, the only one Samsara
 * is run on, answers no name queries.  A host name is a numeric IPv4
 * address, "localhost" (127.0.0.1), or a name in /etc/hosts ("ADDRESS
 * NAME ALIAS..." lines, "#" comments); a service is a decimal port or a
 * name in /etc/services ("NAME PORT/PROTO ALIAS..." lines).  Anything
 * else is EAI_NONAME (EAI_SERVICE for a service).  Only AF_INET is
 * known: AF_INET6 is EAI_FAMILY.
 *
 *   getaddrinfo   the addresses of node and service as a list to give
 *                 back with freeaddrinfo: for each address, one entry
 *                 per socket type the hints allow (SOCK_STREAM and
 *                 SOCK_DGRAM when ai_socktype is 0); a null node is
 *                 INADDR_ANY with AI_PASSIVE, else INADDR_LOOPBACK.
 *                 AI_ADDRCONFIG is accepted and has nothing to do, as
 *                 the loopback is always configured.
 *   getnameinfo   the host's name (from /etc/hosts, unless
 *                 NI_NUMERICHOST; the dotted quad if it has none,
 *                 EAI_NONAME with NI_NAMEREQD) and the service's
 *                 (/etc/services, "udp" with NI_DGRAM, else "tcp"; the
 *                 port number with NI_NUMERICSERV or when unnamed);
 *                 EAI_OVERFLOW when a buffer is too small
 *   gethostbyname, gethostbyaddr   the same look-ups as a static
 *                 struct hostent; 0 with h_errno set when not found
 *   getservbyname, getservbyport   /etc/services as a static struct
 *                 servent (s_port in network byte order)
 *   getprotobyname, getprotobynumber   ip, icmp, tcp, udp, raw
 */
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

struct addrinfo {
	int ai_flags;
	int ai_family;
	int ai_socktype;
	int ai_protocol;
	socklen_t ai_addrlen;
	struct sockaddr *ai_addr;
	char *ai_canonname; /* the first entry's, with AI_CANONNAME */
	struct addrinfo *ai_next;
};

/* getaddrinfo's ai_flags. */
#define AI_PASSIVE 0x0001     /* a null node is INADDR_ANY, to bind */
#define AI_CANONNAME 0x0002   /* fill in ai_canonname */
#define AI_NUMERICHOST 0x0004 /* node must be an address */
#define AI_V4MAPPED 0x0008    /* (IPv6 only) */
#define AI_ALL 0x0010	      /* (IPv6 only) */
#define AI_ADDRCONFIG 0x0020  /* only families configured here */
#define AI_NUMERICSERV 0x0400 /* service must be a port number */

/* getnameinfo's flags. */
#define NI_NUMERICHOST 0x01 /* the address, not a name */
#define NI_NUMERICSERV 0x02 /* the port, not a name */
#define NI_NOFQDN 0x04	    /* the name up to its first dot */
#define NI_NAMEREQD 0x08    /* a name, or EAI_NONAME */
#define NI_DGRAM 0x10	    /* the service is UDP's */

/* Buffer sizes large enough for getnameinfo's host and service. */
#define NI_MAXHOST 1025
#define NI_MAXSERV 32

/* getaddrinfo's and getnameinfo's errors (gai_strerror names them). */
#define EAI_BADFLAGS -1
#define EAI_NONAME -2
#define EAI_AGAIN -3
#define EAI_FAIL -4
#define EAI_FAMILY -6
#define EAI_SOCKTYPE -7
#define EAI_SERVICE -8
#define EAI_MEMORY -10
#define EAI_SYSTEM -11
#define EAI_OVERFLOW -12

int getaddrinfo(const char *__restrict node, const char *__restrict service,
		const struct addrinfo *__restrict hints,
		struct addrinfo **__restrict res);
void freeaddrinfo(struct addrinfo *ai);
int getnameinfo(const struct sockaddr *__restrict sa, socklen_t salen,
		char *__restrict host, socklen_t hostlen, char *__restrict serv,
		socklen_t servlen, int flags);
const char *gai_strerror(int code);

struct hostent {
	char *h_name;	    /* the official name */
	char **h_aliases;   /* the other names, 0-terminated */
	int h_addrtype;	    /* AF_INET */
	int h_length;	    /* 4 */
	char **h_addr_list; /* struct in_addr each, 0-terminated */
};
#define h_addr h_addr_list[0]

/* h_errno's values. */
#define HOST_NOT_FOUND 1
#define TRY_AGAIN 2
#define NO_RECOVERY 3
#define NO_DATA 4
#define NO_ADDRESS NO_DATA

extern int h_errno;

struct hostent *gethostbyname(const char *name);
struct hostent *gethostbyaddr(const void *addr, socklen_t len, int type);

struct servent {
	char *s_name;
	char **s_aliases;
	int s_port; /* network byte order */
	char *s_proto;
};

struct servent *getservbyname(const char *name, const char *proto);
struct servent *getservbyport(int port, const char *proto);

struct protoent {
	char *p_name;
	char **p_aliases;
	int p_proto;
};

struct protoent *getprotobyname(const char *name);
struct protoent *getprotobynumber(int proto);
