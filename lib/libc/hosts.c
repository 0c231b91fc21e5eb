// SPDX-License-Identifier: BSD-2-Clause
/*
 * Look-ups in /etc/hosts (netdb_files.h).  By name: every address the
 * file gives the name, in file order and each once, with the names of
 * the first line that has it.  By address: the names of the first line
 * with that address.  When the file has no line for it, "localhost" is
 * 127.0.0.1 and 127.0.0.1 is "localhost", so a system without the file
 * still knows its loopback.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "netdb_files.h"

/* One line of the file: its address and names, 0-terminated. */
struct entry {
	struct in_addr addr;
	char *names[NETDB_NAMES_MAX + 1];
};

/* line's fields as an entry; false if it is not one. */
static bool parse_entry(char *line, struct entry *e)
{
	char *f[NETDB_NAMES_MAX + 1];
	int n = netdb_fields(line, f, NETDB_NAMES_MAX + 1);
	if (n < 2 || inet_pton(AF_INET, f[0], &e->addr) != 1)
		return false;
	memcpy(e->names, f + 1, (size_t)(n - 1) * sizeof(char *));
	e->names[n - 1] = 0;
	return true;
}

static bool has_name(char *const *names, const char *name)
{
	for (; *names; names++)
		if (strcasecmp(*names, name) == 0)
			return true;
	return false;
}

/* The names of e, read from line, as h's: copied with the line. */
static void keep_names(struct netdb_host *h, const char *line,
		       const struct entry *e)
{
	int i;
	memcpy(h->line, line, sizeof(h->line));
	for (i = 0; e->names[i]; i++)
		h->names[i] = h->line + (e->names[i] - line);
	h->names[i] = 0;
}

static void add_addr(struct netdb_host *h, struct in_addr a)
{
	for (int i = 0; i < h->naddrs; i++)
		if (h->addrs[i].s_addr == a.s_addr)
			return;
	if (h->naddrs < NETDB_ADDRS_MAX)
		h->addrs[h->naddrs++] = a;
}

/* The loopback, as h, when the file did not name it. */
static void localhost(struct netdb_host *h)
{
	strcpy(h->line, "localhost");
	h->names[0] = h->line;
	h->names[1] = 0;
	h->addrs[0].s_addr = htonl(INADDR_LOOPBACK);
	h->naddrs = 1;
}

/* Walk the file: every line that matches (by name when name is given,
 * else by addr) adds its address to h, the first one its names too; by
 * address only the first line counts.  Then the loopback if nothing
 * matched.  0, or -ENOENT. */
static int lookup(const char *hosts, const char *name, struct in_addr addr,
		  struct netdb_host *h)
{
	char line[NETDB_LINE_MAX];
	struct entry e;
	FILE *f = fopen(hosts, "r");
	h->naddrs = 0;
	while (f && netdb_line(f, line, sizeof(line))) {
		if (!parse_entry(line, &e) ||
		    (name ? !has_name(e.names, name)
			  : e.addr.s_addr != addr.s_addr))
			continue;
		if (h->naddrs == 0)
			keep_names(h, line, &e);
		add_addr(h, e.addr);
		if (!name)
			break;
	}
	if (f)
		fclose(f);
	if (h->naddrs == 0 && (name ? strcasecmp(name, "localhost") == 0
				    : addr.s_addr == htonl(INADDR_LOOPBACK)))
		localhost(h);
	return h->naddrs ? 0 : -ENOENT;
}

int netdb_host_by_name(const char *hosts, const char *name,
		       struct netdb_host *h)
{
	struct in_addr none = {0};
	return lookup(hosts, name, none, h);
}

int netdb_host_by_addr(const char *hosts, struct in_addr addr,
		       struct netdb_host *h)
{
	return lookup(hosts, 0, addr, h);
}
