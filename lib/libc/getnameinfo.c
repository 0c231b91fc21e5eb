// SPDX-License-Identifier: BSD-2-Clause
/*
 * getnameinfo (<netdb.h>) over the files of netdb_files.h: an IPv4
 * socket address as a host name and a service name.
 *
 * Checked first: the flags (EAI_BADFLAGS for an unknown bit), the
 * address (EAI_FAMILY unless an AF_INET sockaddr_in of salen >= 16), at
 * least one of host and serv asked for, that is, not null and of
 * non-zero length (else EAI_NONAME).
 *
 * The host is the hosts file's official name of the address (cut at its
 * first dot with NI_NOFQDN), or the dotted quad when NI_NUMERICHOST is
 * given or the file has no name for it; with NI_NAMEREQD (and without
 * NI_NUMERICHOST) no name is EAI_NONAME.  The service is the services
 * file's name of the port for "udp" with NI_DGRAM, else for "tcp", or
 * the decimal port when NI_NUMERICSERV is given or the port has no
 * name.  A result that does not fit its buffer, NUL included, is
 * EAI_OVERFLOW.
 */
#include <arpa/inet.h>
#include <string.h>

#include "netdb_files.h"

#define NI_FLAGS                                                               \
	(NI_NUMERICHOST | NI_NUMERICSERV | NI_NOFQDN | NI_NAMEREQD | NI_DGRAM)

/* The first n bytes of s, and a NUL, into out (size bytes). */
static int put(char *out, socklen_t size, const char *s, size_t n)
{
	if (n >= size)
		return EAI_OVERFLOW;
	memcpy(out, s, n);
	out[n] = 0;
	return 0;
}

static int host_name(const struct netdb_files *files, struct in_addr addr,
		     char *host, socklen_t hostlen, int flags)
{
	struct netdb_host h;
	char text[INET_ADDRSTRLEN];
	if (!(flags & NI_NUMERICHOST) &&
	    netdb_host_by_addr(files->hosts, addr, &h) == 0) {
		const char *name = h.names[0];
		size_t n =
			(flags & NI_NOFQDN) ? strcspn(name, ".") : strlen(name);
		return put(host, hostlen, name, n);
	}
	if ((flags & NI_NAMEREQD) && !(flags & NI_NUMERICHOST))
		return EAI_NONAME;
	inet_ntop(AF_INET, &addr, text, sizeof(text));
	return put(host, hostlen, text, strlen(text));
}

static int service_name(const struct netdb_files *files, int port, char *serv,
			socklen_t servlen, int flags)
{
	struct netdb_service s;
	char text[8], *p = text + sizeof(text);
	const char *proto = (flags & NI_DGRAM) ? "udp" : "tcp";
	if (!(flags & NI_NUMERICSERV) &&
	    netdb_service_by_port(files->services, port, proto, &s) == 0)
		return put(serv, servlen, s.names[0], strlen(s.names[0]));
	*--p = 0;
	do
		*--p = (char)('0' + port % 10);
	while ((port /= 10) > 0);
	return put(serv, servlen, p, strlen(p));
}

int netdb_getnameinfo(const struct netdb_files *files,
		      const struct sockaddr *sa, socklen_t salen, char *host,
		      socklen_t hostlen, char *serv, socklen_t servlen,
		      int flags)
{
	struct sockaddr_in sin;
	bool want_host = host && hostlen > 0, want_serv = serv && servlen > 0;
	int r = 0;
	if (flags & ~NI_FLAGS)
		return EAI_BADFLAGS;
	if (!sa || salen < sizeof(sin) || sa->sa_family != AF_INET)
		return EAI_FAMILY;
	if (!want_host && !want_serv)
		return EAI_NONAME;
	memcpy(&sin, sa, sizeof(sin));
	if (want_host)
		r = host_name(files, sin.sin_addr, host, hostlen, flags);
	if (!r && want_serv)
		r = service_name(files, ntohs(sin.sin_port), serv, servlen,
				 flags);
	return r;
}

int getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host,
		socklen_t hostlen, char *serv, socklen_t servlen, int flags)
{
	return netdb_getnameinfo(&netdb_system, sa, salen, host, hostlen, serv,
				 servlen, flags);
}
