// SPDX-License-Identifier: BSD-2-Clause
/*
 * Look-ups in /etc/services (netdb_files.h): the first line whose name
 * or one of whose aliases is the name asked for (names match exactly),
 * or whose port is, with the protocol asked for if one is.  Also
 * getservbyname and getservbyport, whose answer lives in static
 * storage until the next call.
 */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>

#include "netdb_files.h"

/* One line: its port, protocol and names, 0-terminated. */
struct entry {
	int port;
	char *proto;
	char *names[NETDB_NAMES_MAX + 1];
};

/* line's fields, "NAME PORT/PROTO ALIAS...", as an entry; false if it
 * is not one. */
static bool parse_entry(char *line, struct entry *e)
{
	char *f[NETDB_NAMES_MAX + 1], *slash;
	int n = netdb_fields(line, f, NETDB_NAMES_MAX + 1);
	if (n < 2 || !(slash = strchr(f[1], '/')) || !slash[1])
		return false;
	*slash = 0;
	if (!netdb_port(f[1], &e->port))
		return false;
	e->proto = slash + 1;
	e->names[0] = f[0];
	memcpy(e->names + 1, f + 2, (size_t)(n - 2) * sizeof(char *));
	e->names[n - 1] = 0;
	return true;
}

static bool has_name(char *const *names, const char *name)
{
	for (; *names; names++)
		if (strcmp(*names, name) == 0)
			return true;
	return false;
}

/* The first entry of the file for which match() holds, as s. */
static int find(const char *services, struct netdb_service *s,
		bool (*match)(const struct entry *e, const void *key),
		const void *key, const char *proto)
{
	char line[NETDB_LINE_MAX];
	struct entry e;
	int r = -ENOENT, i;
	FILE *f = fopen(services, "r");
	while (f && netdb_line(f, line, sizeof(line))) {
		if (!parse_entry(line, &e) || (proto && strcmp(e.proto, proto)))
			continue;
		if (!match(&e, key))
			continue;
		memcpy(s->line, line, sizeof(s->line));
		for (i = 0; e.names[i]; i++)
			s->names[i] = s->line + (e.names[i] - line);
		s->names[i] = 0;
		s->port = e.port;
		s->proto = s->line + (e.proto - line);
		r = 0;
		break;
	}
	if (f)
		fclose(f);
	return r;
}

static bool match_name(const struct entry *e, const void *name)
{
	return has_name(e->names, name);
}

static bool match_port(const struct entry *e, const void *port)
{
	return e->port == *(const int *)port;
}

int netdb_service_by_name(const char *services, const char *name,
			  const char *proto, struct netdb_service *s)
{
	return find(services, s, match_name, name, proto);
}

int netdb_service_by_port(const char *services, int port, const char *proto,
			  struct netdb_service *s)
{
	return find(services, s, match_port, &port, proto);
}

static struct netdb_service found;
static struct servent servent;

static struct servent *as_servent(int r)
{
	if (r < 0)
		return 0;
	servent = (struct servent){.s_name = found.names[0],
				   .s_aliases = found.names + 1,
				   .s_port = htons((uint16_t)found.port),
				   .s_proto = found.proto};
	return &servent;
}

struct servent *netdb_getservbyname(const char *services, const char *name,
				    const char *proto)
{
	if (!name)
		return 0;
	return as_servent(netdb_service_by_name(services, name, proto, &found));
}

struct servent *netdb_getservbyport(const char *services, int port,
				    const char *proto)
{
	int p = ntohs((uint16_t)port);
	return as_servent(netdb_service_by_port(services, p, proto, &found));
}

struct servent *getservbyname(const char *name, const char *proto)
{
	return netdb_getservbyname(netdb_system.services, name, proto);
}

struct servent *getservbyport(int port, const char *proto)
{
	return netdb_getservbyport(netdb_system.services, port, proto);
}
