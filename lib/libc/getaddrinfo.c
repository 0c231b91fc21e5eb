// SPDX-License-Identifier: BSD-2-Clause
/*
 * getaddrinfo and freeaddrinfo (<netdb.h>) over the files of
 * netdb_files.h.  There is no DNS (see <netdb.h>): a node is a numeric
 * address in any of inet_aton's forms, a name in the hosts file, or
 * "localhost".
 *
 * The request is checked whole before anything is allocated, in this
 * order: the flags (EAI_BADFLAGS: an unknown bit, or AI_CANONNAME
 * without a node), node and service not both null (EAI_NONAME), the
 * family (EAI_FAMILY unless AF_UNSPEC or AF_INET), the socket type and
 * protocol (EAI_SOCKTYPE), the service (EAI_NONAME for a name with
 * AI_NUMERICSERV, EAI_SERVICE for a name none of the socket types'
 * protocols has), the node (EAI_NONAME for a name with AI_NUMERICHOST
 * or one that is not known).  Then the list is built (EAI_MEMORY).
 *
 * Socket types: SOCK_STREAM is TCP, SOCK_DGRAM is UDP, SOCK_RAW takes
 * any protocol and no service.  An ai_socktype of 0 stands for STREAM
 * and DGRAM, or only the one whose protocol ai_protocol names, or RAW
 * for another protocol.  A service name is looked up for each type's
 * protocol, and a type whose protocol does not have it is left out.
 * The list holds, for each address, one entry per socket type.
 *
 * Each entry is one malloc block: its struct addrinfo, its sockaddr_in
 * and (the first entry only, with AI_CANONNAME) the canonical name, the
 * node as given or the hosts file's official name.  freeaddrinfo frees
 * the blocks.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "netdb_files.h"

#define GAI_FLAGS                                                              \
	(AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL |   \
	 AI_ADDRCONFIG | AI_NUMERICSERV)

struct gai_type {
	int socktype, protocol;
	int port; /* host byte order */
};

/* The request, resolved, before the list is built. */
struct gai_query {
	struct gai_type types[2];
	int ntypes;
	struct in_addr addrs[NETDB_ADDRS_MAX];
	int naddrs;
	const char *canon;
	struct netdb_host host;
};

/* One entry of the list, as freeaddrinfo frees it. */
struct gai_block {
	struct addrinfo ai;
	struct sockaddr_in sin;
};

static const struct gai_type known_types[] = {
	{SOCK_STREAM, IPPROTO_TCP, 0},
	{SOCK_DGRAM, IPPROTO_UDP, 0},
};

static void add_type(struct gai_query *q, int socktype, int protocol)
{
	q->types[q->ntypes++] = (struct gai_type){socktype, protocol, 0};
}

static int choose_types(const struct addrinfo *hints, struct gai_query *q)
{
	int st = hints->ai_socktype, p = hints->ai_protocol;
	if (p < 0 || p > 255)
		return EAI_SOCKTYPE;
	if (st == SOCK_RAW ||
	    (st == 0 && p != 0 && p != IPPROTO_TCP && p != IPPROTO_UDP)) {
		add_type(q, SOCK_RAW, p);
		return 0;
	}
	for (size_t i = 0; i < sizeof(known_types) / sizeof(known_types[0]);
	     i++) {
		const struct gai_type *k = &known_types[i];
		if ((st == 0 || st == k->socktype) &&
		    (p == 0 || p == k->protocol))
			add_type(q, k->socktype, k->protocol);
	}
	return q->ntypes ? 0 : EAI_SOCKTYPE;
}

static const char *proto_name(int protocol)
{
	return protocol == IPPROTO_TCP ? "tcp" : "udp";
}

/* The port of service for each type; the types without it left out. */
static int resolve_service(const struct netdb_files *files, const char *service,
			   int flags, struct gai_query *q)
{
	struct netdb_service s;
	int port = 0, kept = 0;
	bool numeric = !service || netdb_port(service, &port);
	if (!numeric && (flags & AI_NUMERICSERV))
		return EAI_NONAME;
	for (int i = 0; i < q->ntypes; i++) {
		struct gai_type t = q->types[i];
		if (service && t.socktype == SOCK_RAW)
			continue;
		if (!numeric &&
		    netdb_service_by_name(files->services, service,
					  proto_name(t.protocol), &s) < 0)
			continue;
		t.port = numeric ? port : s.port;
		q->types[kept++] = t;
	}
	q->ntypes = kept;
	return kept ? 0 : EAI_SERVICE;
}

static int resolve_node(const struct netdb_files *files, const char *node,
			int flags, struct gai_query *q)
{
	struct in_addr a;
	q->naddrs = 1;
	q->canon = node;
	if (!node) {
		in_addr_t any =
			(flags & AI_PASSIVE) ? INADDR_ANY : INADDR_LOOPBACK;
		q->addrs[0].s_addr = htonl(any);
	} else if (inet_aton(node, &a)) {
		q->addrs[0] = a;
	} else if (flags & AI_NUMERICHOST) {
		return EAI_NONAME;
	} else if (netdb_host_by_name(files->hosts, node, &q->host) == 0) {
		q->naddrs = q->host.naddrs;
		memcpy(q->addrs, q->host.addrs, sizeof(q->addrs));
		q->canon = q->host.names[0];
	} else {
		return EAI_NONAME;
	}
	return 0;
}

static struct addrinfo *new_entry(const struct gai_type *t, struct in_addr a,
				  const char *canon, int flags)
{
	size_t clen = canon ? strlen(canon) + 1 : 0;
	struct gai_block *b = malloc(sizeof(*b) + clen);
	if (!b)
		return 0;
	b->sin = (struct sockaddr_in){.sin_family = AF_INET,
				      .sin_port = htons((uint16_t)t->port),
				      .sin_addr = a};
	b->ai = (struct addrinfo){.ai_flags = flags,
				  .ai_family = AF_INET,
				  .ai_socktype = t->socktype,
				  .ai_protocol = t->protocol,
				  .ai_addrlen = sizeof(b->sin),
				  .ai_addr = (struct sockaddr *)&b->sin};
	if (canon) {
		b->ai.ai_canonname = (char *)(b + 1);
		memcpy(b->ai.ai_canonname, canon, clen);
	}
	return &b->ai;
}

static int build_list(const struct gai_query *q, int flags,
		      struct addrinfo **res)
{
	struct addrinfo *head = 0, **tail = &head;
	for (int i = 0; i < q->naddrs; i++) {
		for (int j = 0; j < q->ntypes; j++) {
			bool first = head == 0;
			const char *canon =
				first && (flags & AI_CANONNAME) ? q->canon : 0;
			struct addrinfo *ai = new_entry(
				&q->types[j], q->addrs[i], canon, flags);
			if (!ai) {
				freeaddrinfo(head);
				return EAI_MEMORY;
			}
			*tail = ai;
			tail = &ai->ai_next;
		}
	}
	*res = head;
	return 0;
}

int netdb_getaddrinfo(const struct netdb_files *files, const char *node,
		      const char *service, const struct addrinfo *hints,
		      struct addrinfo **res)
{
	static const struct addrinfo no_hints;
	const struct addrinfo *h = hints ? hints : &no_hints;
	struct gai_query q = {.ntypes = 0};
	int flags = h->ai_flags, r;
	if (!res) {
		errno = EINVAL;
		return EAI_SYSTEM;
	}
	if ((flags & ~GAI_FLAGS) || ((flags & AI_CANONNAME) && !node))
		return EAI_BADFLAGS;
	if (!node && !service)
		return EAI_NONAME;
	if (h->ai_family != AF_UNSPEC && h->ai_family != AF_INET)
		return EAI_FAMILY;
	if ((r = choose_types(h, &q)) ||
	    (r = resolve_service(files, service, flags, &q)) ||
	    (r = resolve_node(files, node, flags, &q)))
		return r;
	return build_list(&q, flags, res);
}

int getaddrinfo(const char *node, const char *service,
		const struct addrinfo *hints, struct addrinfo **res)
{
	return netdb_getaddrinfo(&netdb_system, node, service, hints, res);
}

void freeaddrinfo(struct addrinfo *ai)
{
	while (ai) {
		struct addrinfo *next = ai->ai_next;
		free(ai);
		ai = next;
	}
}
