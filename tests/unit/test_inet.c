// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for the C library's network code (lib/libc/inet_addr.c,
 * byteorder.c, the netdb files: netdb_line.c, hosts.c, services.c,
 * getaddrinfo.c, getnameinfo.c, gethostbyname.c, gai_strerror.c,
 * protocols.c).  They are built against Samsara's headers
 * (lib/libc/include, which includes include/abi/socket.h) ahead of the
 * host's, and call the netdb_* functions of netdb_files.h with hosts and
 * services files written to /tmp, so nothing depends on the host's own
 * /etc.  The host's C library has functions of the same names; the ones
 * linked in here take their place in this program.
 *
 *   abi_is_linux    every number and layout of inet_abi.h equals the
 *                   host's (Linux's), compiled from inet_linux.c
 *   pton_table      inet_pton: POSIX's four decimal parts and nothing
 *                   else; dst untouched on failure
 *   pton_family     AF_INET6 and others: -1, EAFNOSUPPORT
 *   aton_table      inet_aton: the one- to four-part forms, octal, hex,
 *                   range limits, no spaces; inet_addr's INADDR_NONE
 *   ntop            every byte value in every place prints as printf
 *                   would and reads back; ENOSPC below 16 / 8 bytes
 *   ntoa_byteorder  inet_ntoa; htons/htonl as macros and functions
 *   hosts_file      comments, several names per line, tabs, leading
 *                   space, IPv6 and bad lines skipped, a name on two
 *                   lines, duplicates once, a last line without a
 *                   newline, a too-long line skipped whole, case
 *   hosts_limits    the 35-name limit of a line; no file at all:
 *                   localhost only; a file that remaps localhost wins
 *   services_file   names, aliases, protocols, malformed lines skipped
 *   gai_numeric     numeric hosts and services with hints: one entry
 *                   per socket type, protocols, ports, family
 *   gai_hints       socktype/protocol combinations, RAW, bad values
 *   gai_null_host   AI_PASSIVE: INADDR_ANY, else loopback
 *   gai_names       /etc/hosts names, several addresses, AI_CANONNAME,
 *                   AI_NUMERICHOST, localhost, unknown names
 *   gai_services    service names per protocol, AI_NUMERICSERV, ranges
 *   gai_errors      EAI_BADFLAGS, EAI_NONAME, EAI_FAMILY, EAI_SYSTEM
 *   gni_flags       names and numbers, NI_NUMERICHOST/SERV, NI_NOFQDN,
 *                   NI_NAMEREQD, NI_DGRAM, EAI_OVERFLOW at the edge,
 *                   bad families, lengths and flags
 *   gai_strerror_all  a distinct text for every code, one for unknown
 *   hostent         gethostbyname/-addr: numeric, named, not found
 *   servent_protoent  getservbyname/-port, getprotobyname/-number
 *   public_calls    getaddrinfo, getnameinfo and gethostbyname as
 *                   programs call them, on numeric input
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "inet_abi.h"
#include "netdb_files.h"
#include "unit.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- files ------------------------------------------------------------ */

static char hosts_path[64], services_path[64], empty_path[64];
static struct netdb_files files, no_files;

static void write_temp(char path[64], const char *text)
{
	strcpy(path, "/tmp/test_inet.XXXXXX");
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	size_t n = strlen(text);
	CHECK(write(fd, text, n) == (ssize_t)n);
	close(fd);
}

static const char hosts_text[] =
	"# The test's hosts file\n"
	"127.0.0.1\tlocalhost\n"
	"::1\t\tlocalhost ip6-localhost   # IPv6: skipped\n"
	"10.0.2.2   host gateway.example   # the host, as QEMU shows it\n"
	"10.0.2.15 samsara\tsamsara.local \t sam\n"
	"   192.168.1.1     indented\n"
	"10.0.0.1 multi\n"
	"10.0.0.2 MULTI other\n"
	"10.0.0.1 multi   # the same address again\n"
	"bad.address name1\n"
	"300.1.1.1 name2\n"
	"1.2.3 name3\n"
	"10.0.0.9\n"
	"\n"
	"#10.0.0.10 commented\n"
	"10.0.0.7 box.example.org box\n"
	"10.0.0.8 hash#comment\n"
	"%s\n" /* the long line */
	"10.0.0.4 afterlong\n"
	"10.0.0.3 nonl";

static const char services_text[] =
	"# The test's services file\n"
	"echo\t\t7/tcp\n"
	"echo\t\t7/udp\n"
	"http\t\t80/tcp\t\twww www-http\t# WorldWideWeb\n"
	"shell\t\t514/tcp\t\tcmd\n"
	"syslog\t\t514/udp\n"
	"udponly\t\t4000/udp\n"
	"noslash 81\n"
	"badport x/tcp\n"
	"bigport 70000/tcp\n"
	"noproto 82/\n"
	"  spaced   83/tcp   # leading space\n"
	"last 9999/tcp";

static void make_files(void)
{
	char longline[700], *text = malloc(sizeof(hosts_text) + 700);
	memset(longline, 0, sizeof(longline));
	strcpy(longline, "10.0.0.5 longname");
	memset(longline + strlen(longline), 'x', 600 - strlen(longline));
	sprintf(text, hosts_text, longline);
	write_temp(hosts_path, text);
	free(text);
	write_temp(services_path, services_text);
	strcpy(empty_path, "/tmp/test_inet.none.XXXXXX");
	close(mkstemp(empty_path));
	unlink(empty_path); /* a path with no file */
	files = (struct netdb_files){hosts_path, services_path};
	no_files = (struct netdb_files){empty_path, empty_path};
}

static uint32_t quad(int a, int b, int c, int d)
{
	return htonl((uint32_t)a << 24 | (uint32_t)b << 16 | (uint32_t)c << 8 |
		     (uint32_t)d);
}

/* ---- the ABI ---------------------------------------------------------- */

extern const struct inet_abi_entry inet_linux_abi[];

#define VALUE(name) {#name, (long long)(name)},
#define LAYOUT(name, expr) {#name, (long long)(expr)},
static const struct inet_abi_entry samsara_abi[] = {
	INET_ABI_LIST(VALUE, LAYOUT){0, 0},
};

static void abi_is_linux(void)
{
	size_t i;
	for (i = 0; samsara_abi[i].name; i++) {
		const struct inet_abi_entry *s = &samsara_abi[i];
		const struct inet_abi_entry *l = &inet_linux_abi[i];
		CHECK(l->name && strcmp(s->name, l->name) == 0);
		if (s->value != l->value)
			printf("    %s: Samsara %lld, Linux %lld\n", s->name,
			       s->value, l->value);
		CHECK(s->value == l->value);
	}
	CHECK(i > 150 && !inet_linux_abi[i].name);
	/* The flags Samsara chose apart from Linux's, and from each other
	 * and every socket type. */
	CHECK((SOCK_FLAGS & 0xff) == 0);
	CHECK(SOCK_NONBLOCK != SOCK_CLOEXEC);
	CHECK(SOCK_FLAGS == (SOCK_NONBLOCK | SOCK_CLOEXEC));
}

/* ---- inet_pton / inet_aton -------------------------------------------- */

static const struct {
	const char *text;
	int ok;
	int a, b, c, d;
} pton_cases[] = {
	{"0.0.0.0", 1, 0, 0, 0, 0},
	{"1.2.3.4", 1, 1, 2, 3, 4},
	{"127.0.0.1", 1, 127, 0, 0, 1},
	{"255.255.255.255", 1, 255, 255, 255, 255},
	{"10.0.2.15", 1, 10, 0, 2, 15},
	/* POSIX: one to three decimal digits, so leading zeros are decimal */
	{"01.2.3.4", 1, 1, 2, 3, 4},
	{"010.1.1.1", 1, 10, 1, 1, 1},
	{"001.002.003.004", 1, 1, 2, 3, 4},
	{"0001.2.3.4", 0, 0, 0, 0, 0},
	{"1.2.3.0004", 0, 0, 0, 0, 0},
	{"256.1.1.1", 0, 0, 0, 0, 0},
	{"1.2.3.256", 0, 0, 0, 0, 0},
	{"1.2.300.4", 0, 0, 0, 0, 0},
	{"999.1.1.1", 0, 0, 0, 0, 0},
	{"99999999999999999999.1.1.1", 0, 0, 0, 0, 0},
	{"1.2.3", 0, 0, 0, 0, 0},
	{"1.2", 0, 0, 0, 0, 0},
	{"16909060", 0, 0, 0, 0, 0},
	{"1.2.3.4.5", 0, 0, 0, 0, 0},
	{" 1.2.3.4", 0, 0, 0, 0, 0},
	{"1.2.3.4 ", 0, 0, 0, 0, 0},
	{"1.2.3.4\n", 0, 0, 0, 0, 0},
	{"1.2. 3.4", 0, 0, 0, 0, 0},
	{"", 0, 0, 0, 0, 0},
	{".", 0, 0, 0, 0, 0},
	{"...", 0, 0, 0, 0, 0},
	{"1..2.3", 0, 0, 0, 0, 0},
	{"1.2.3.", 0, 0, 0, 0, 0},
	{".1.2.3", 0, 0, 0, 0, 0},
	{"1.2.3.4.", 0, 0, 0, 0, 0},
	{"0x1.2.3.4", 0, 0, 0, 0, 0},
	{"1.2.3.0xa", 0, 0, 0, 0, 0},
	{"+1.2.3.4", 0, 0, 0, 0, 0},
	{"-1.2.3.4", 0, 0, 0, 0, 0},
	{"1.2.3.-4", 0, 0, 0, 0, 0},
	{"1e2.1.1.1", 0, 0, 0, 0, 0},
	{"1.2.3.4x", 0, 0, 0, 0, 0},
	{"a.b.c.d", 0, 0, 0, 0, 0},
	{"localhost", 0, 0, 0, 0, 0},
};

static void pton_table(void)
{
	for (size_t i = 0; i < LEN(pton_cases); i++) {
		struct in_addr a = {0xa5a5a5a5};
		int r = inet_pton(AF_INET, pton_cases[i].text, &a);
		uint32_t want = pton_cases[i].ok
					? quad(pton_cases[i].a, pton_cases[i].b,
					       pton_cases[i].c, pton_cases[i].d)
					: 0xa5a5a5a5;
		if (r != pton_cases[i].ok || a.s_addr != want)
			printf("    inet_pton(\"%s\") = %d, %08x\n",
			       pton_cases[i].text, r, ntohl(a.s_addr));
		CHECK(r == pton_cases[i].ok);
		CHECK(a.s_addr == want);
	}
}

static void pton_family(void)
{
	struct in_addr a = {0x12345678};
	char buf[INET_ADDRSTRLEN] = "untouched";
	errno = 0;
	CHECK(inet_pton(AF_INET6, "::1", &a) == -1 && errno == EAFNOSUPPORT);
	errno = 0;
	CHECK(inet_pton(AF_INET6, "1.2.3.4", &a) == -1 &&
	      errno == EAFNOSUPPORT);
	errno = 0;
	CHECK(inet_pton(AF_UNSPEC, "1.2.3.4", &a) == -1 &&
	      errno == EAFNOSUPPORT);
	CHECK(a.s_addr == 0x12345678);
	errno = 0;
	CHECK(inet_ntop(AF_INET6, &a, buf, sizeof(buf)) == 0 &&
	      errno == EAFNOSUPPORT);
	CHECK(strcmp(buf, "untouched") == 0);
}

static const struct {
	const char *text;
	int ok;
	uint32_t host; /* the address, host byte order */
} aton_cases[] = {
	{"1.2.3.4", 1, 0x01020304},
	{"255.255.255.255", 1, 0xffffffff},
	{"0.0.0.0", 1, 0},
	{"1.2.3", 1, 0x01020003},
	{"1.2.65535", 1, 0x0102ffff},
	{"1.2.65536", 0, 0},
	{"1.2.0x3ff", 1, 0x010203ff},
	{"1.16777215", 1, 0x01ffffff},
	{"1.16777216", 0, 0},
	{"127.1", 1, 0x7f000001},
	{"16909060", 1, 0x01020304},
	{"4294967295", 1, 0xffffffff},
	{"4294967296", 0, 0},
	{"99999999999999999999", 0, 0},
	{"0", 1, 0},
	{"0.0", 1, 0},
	{"0x7f.1", 1, 0x7f000001},
	{"0x7f000001", 1, 0x7f000001},
	{"0X7F000001", 1, 0x7f000001},
	{"0XFF.0xff.0Xff.0xFF", 1, 0xffffffff},
	{"0x00000000000000000000001", 1, 1},
	{"017.0.0.1", 1, 0x0f000001},
	{"01.2.3.4", 1, 0x01020304},
	{"010.1.1.1", 1, 0x08010101},
	{"1.2.3.0377", 1, 0x010203ff},
	{"1.2.3.0400", 0, 0},
	{"08.1.1.1", 0, 0},
	{"09", 0, 0},
	{"0x", 0, 0},
	{"0x.1", 0, 0},
	{"0xg", 0, 0},
	{"0x1g", 0, 0},
	{"256.1.1.1", 0, 0},
	{"256.1", 0, 0},
	{"1.2.3.256", 0, 0},
	{"1.2.3.4.5", 0, 0},
	{" 1.2.3.4", 0, 0},
	{"1.2.3.4 ", 0, 0},
	{"1.2.3.4\t", 0, 0},
	{"", 0, 0},
	{".", 0, 0},
	{"1.", 0, 0},
	{".1", 0, 0},
	{"1..2", 0, 0},
	{"-1", 0, 0},
	{"+1", 0, 0},
	{"1.2.3.4x", 0, 0},
	{"host", 0, 0},
};

static void aton_table(void)
{
	for (size_t i = 0; i < LEN(aton_cases); i++) {
		struct in_addr a = {0xa5a5a5a5};
		int r = inet_aton(aton_cases[i].text, &a);
		uint32_t want = aton_cases[i].ok ? htonl(aton_cases[i].host)
						 : 0xa5a5a5a5;
		if (r != aton_cases[i].ok || a.s_addr != want)
			printf("    inet_aton(\"%s\") = %d, %08x\n",
			       aton_cases[i].text, r, ntohl(a.s_addr));
		CHECK(r == aton_cases[i].ok);
		CHECK(a.s_addr == want);
		CHECK(inet_aton(aton_cases[i].text, 0) == aton_cases[i].ok);
		CHECK(inet_addr(aton_cases[i].text) ==
		      (aton_cases[i].ok ? htonl(aton_cases[i].host)
					: INADDR_NONE));
	}
	CHECK(inet_addr("bad") == htonl(INADDR_NONE));
	/* The ambiguity POSIX keeps: the broadcast address is INADDR_NONE. */
	CHECK(inet_addr("255.255.255.255") == INADDR_NONE);
}

/* ---- inet_ntop / inet_ntoa / byte order ------------------------------- */

static void ntop(void)
{
	char buf[INET_ADDRSTRLEN], want[32];
	struct in_addr a, back;
	int bad = 0;
	for (int place = 0; place < 4; place++) {
		for (int v = 0; v < 256; v++) {
			uint8_t b[4] = {10, 0, 2, 15};
			b[place] = (uint8_t)v;
			memcpy(&a, b, 4);
			snprintf(want, sizeof(want), "%u.%u.%u.%u", b[0], b[1],
				 b[2], b[3]);
			const char *r =
				inet_ntop(AF_INET, &a, buf, sizeof(buf));
			bad += r != buf || strcmp(buf, want) != 0;
			bad += inet_pton(AF_INET, buf, &back) != 1 ||
			       back.s_addr != a.s_addr;
		}
	}
	CHECK(bad == 0);

	a.s_addr = 0xffffffff;
	CHECK(inet_ntop(AF_INET, &a, buf, 16) == buf);
	CHECK(strcmp(buf, "255.255.255.255") == 0);
	strcpy(buf, "untouched");
	errno = 0;
	CHECK(inet_ntop(AF_INET, &a, buf, 15) == 0 && errno == ENOSPC);
	CHECK(strcmp(buf, "untouched") == 0);
	errno = 0;
	CHECK(inet_ntop(AF_INET, &a, buf, 0) == 0 && errno == ENOSPC);

	a.s_addr = quad(1, 2, 3, 4);
	CHECK(inet_ntop(AF_INET, &a, buf, 8) == buf);
	CHECK(strcmp(buf, "1.2.3.4") == 0);
	errno = 0;
	CHECK(inet_ntop(AF_INET, &a, buf, 7) == 0 && errno == ENOSPC);
}

static void ntoa_byteorder(void)
{
	struct in_addr a = {htonl(INADDR_LOOPBACK)};
	CHECK(strcmp(inet_ntoa(a), "127.0.0.1") == 0);
	a.s_addr = quad(192, 168, 100, 255);
	CHECK(strcmp(inet_ntoa(a), "192.168.100.255") == 0);

	uint16_t s = htons(0x1234);
	uint32_t l = htonl(0x01020304);
	const uint8_t *sb = (const uint8_t *)&s, *lb = (const uint8_t *)&l;
	CHECK(sb[0] == 0x12 && sb[1] == 0x34);
	CHECK(lb[0] == 1 && lb[1] == 2 && lb[2] == 3 && lb[3] == 4);
	CHECK(ntohs(s) == 0x1234 && ntohl(l) == 0x01020304);
	/* The functions, not the macros. */
	uint16_t (*fs)(uint16_t) = htons, (*gs)(uint16_t) = ntohs;
	uint32_t (*fl)(uint32_t) = htonl, (*gl)(uint32_t) = ntohl;
	CHECK(fs(0x1234) == s && gs(s) == 0x1234);
	CHECK(fl(0x01020304) == l && gl(l) == 0x01020304);
}

/* ---- the files -------------------------------------------------------- */

static bool host_is(const char *name, const char *official, int naddrs,
		    uint32_t first)
{
	struct netdb_host h;
	if (netdb_host_by_name(hosts_path, name, &h) < 0)
		return false;
	return strcmp(h.names[0], official) == 0 && h.naddrs == naddrs &&
	       h.addrs[0].s_addr == first;
}

static bool no_host(const char *name)
{
	struct netdb_host h;
	return netdb_host_by_name(hosts_path, name, &h) == -ENOENT;
}

static void hosts_file(void)
{
	struct netdb_host h;
	CHECK(host_is("localhost", "localhost", 1, quad(127, 0, 0, 1)));
	CHECK(host_is("host", "host", 1, quad(10, 0, 2, 2)));
	CHECK(host_is("gateway.example", "host", 1, quad(10, 0, 2, 2)));
	CHECK(host_is("samsara", "samsara", 1, quad(10, 0, 2, 15)));
	CHECK(host_is("sam", "samsara", 1, quad(10, 0, 2, 15)));
	CHECK(host_is("SAMSARA.Local", "samsara", 1, quad(10, 0, 2, 15)));
	CHECK(host_is("indented", "indented", 1, quad(192, 168, 1, 1)));
	CHECK(host_is("hash", "hash", 1, quad(10, 0, 0, 8)));
	CHECK(host_is("afterlong", "afterlong", 1, quad(10, 0, 0, 4)));
	CHECK(host_is("nonl", "nonl", 1, quad(10, 0, 0, 3)));
	CHECK(no_host("ip6-localhost"));
	CHECK(no_host("name1") && no_host("name2") && no_host("name3"));
	CHECK(no_host("commented") && no_host("comment"));
	CHECK(no_host("hash#comment"));
	CHECK(no_host("longname") && no_host("10.0.0.9"));
	CHECK(no_host("") && no_host("nosuchhost") && no_host("sams"));

	/* One name on three lines, one of them a repeat: two addresses,
	 * in file order, with the first line's names. */
	CHECK(netdb_host_by_name(hosts_path, "multi", &h) == 0);
	CHECK(h.naddrs == 2);
	CHECK(h.addrs[0].s_addr == quad(10, 0, 0, 1));
	CHECK(h.addrs[1].s_addr == quad(10, 0, 0, 2));
	CHECK(strcmp(h.names[0], "multi") == 0 && h.names[1] == 0);
	CHECK(host_is("other", "MULTI", 1, quad(10, 0, 0, 2)));

	/* By address: the first line's names, aliases and all. */
	CHECK(netdb_host_by_addr(hosts_path,
				 (struct in_addr){quad(10, 0, 2, 15)},
				 &h) == 0);
	CHECK(strcmp(h.names[0], "samsara") == 0);
	CHECK(strcmp(h.names[1], "samsara.local") == 0);
	CHECK(strcmp(h.names[2], "sam") == 0 && h.names[3] == 0);
	CHECK(h.naddrs == 1 && h.addrs[0].s_addr == quad(10, 0, 2, 15));
	CHECK(netdb_host_by_addr(hosts_path,
				 (struct in_addr){quad(10, 0, 0, 1)}, &h) == 0);
	CHECK(strcmp(h.names[0], "multi") == 0);
	CHECK(netdb_host_by_addr(hosts_path,
				 (struct in_addr){quad(10, 0, 0, 5)},
				 &h) == -ENOENT);
	CHECK(netdb_host_by_addr(hosts_path,
				 (struct in_addr){quad(10, 0, 0, 9)},
				 &h) == -ENOENT);
}

static void hosts_limits(void)
{
	char path[64], text[1024], name[16];
	struct netdb_host h;
	int n = sprintf(text, "10.1.1.1");
	for (int i = 1; i <= NETDB_NAMES_MAX + 5; i++)
		n += sprintf(text + n, " n%d", i);
	strcpy(text + n, "\n127.0.1.1 localhost\n");
	write_temp(path, text);
	sprintf(name, "n%d", NETDB_NAMES_MAX);
	CHECK(netdb_host_by_name(path, name, &h) == 0);
	CHECK(strcmp(h.names[0], "n1") == 0);
	CHECK(h.names[NETDB_NAMES_MAX - 1] &&
	      strcmp(h.names[NETDB_NAMES_MAX - 1], name) == 0);
	CHECK(h.names[NETDB_NAMES_MAX] == 0);
	sprintf(name, "n%d", NETDB_NAMES_MAX + 1);
	CHECK(netdb_host_by_name(path, name, &h) == -ENOENT);
	/* The file names localhost: its address, not the built-in one. */
	CHECK(netdb_host_by_name(path, "localhost", &h) == 0);
	CHECK(h.naddrs == 1 && h.addrs[0].s_addr == quad(127, 0, 1, 1));
	CHECK(netdb_host_by_addr(path, (struct in_addr){quad(127, 0, 0, 1)},
				 &h) == 0);
	CHECK(strcmp(h.names[0], "localhost") == 0);
	unlink(path);

	/* No file: only the loopback is known. */
	CHECK(netdb_host_by_name(empty_path, "localhost", &h) == 0);
	CHECK(h.naddrs == 1 && h.addrs[0].s_addr == quad(127, 0, 0, 1));
	CHECK(strcmp(h.names[0], "localhost") == 0 && h.names[1] == 0);
	CHECK(netdb_host_by_name(empty_path, "LocalHost", &h) == 0);
	CHECK(netdb_host_by_name(empty_path, "host", &h) == -ENOENT);
	CHECK(netdb_host_by_addr(empty_path,
				 (struct in_addr){htonl(INADDR_LOOPBACK)},
				 &h) == 0);
	CHECK(strcmp(h.names[0], "localhost") == 0);
	CHECK(netdb_host_by_addr(empty_path,
				 (struct in_addr){quad(10, 0, 2, 2)},
				 &h) == -ENOENT);
}

static void services_file(void)
{
	struct netdb_service s;
	CHECK(netdb_service_by_name(services_path, "http", "tcp", &s) == 0);
	CHECK(s.port == 80 && strcmp(s.proto, "tcp") == 0);
	CHECK(strcmp(s.names[0], "http") == 0);
	CHECK(strcmp(s.names[1], "www") == 0);
	CHECK(strcmp(s.names[2], "www-http") == 0 && s.names[3] == 0);
	CHECK(netdb_service_by_name(services_path, "www-http", 0, &s) == 0);
	CHECK(s.port == 80 && strcmp(s.names[0], "http") == 0);
	CHECK(netdb_service_by_name(services_path, "http", "udp", &s) ==
	      -ENOENT);
	CHECK(netdb_service_by_name(services_path, "HTTP", "tcp", &s) ==
	      -ENOENT);
	CHECK(netdb_service_by_name(services_path, "echo", "udp", &s) == 0);
	CHECK(s.port == 7 && strcmp(s.proto, "udp") == 0);
	CHECK(netdb_service_by_name(services_path, "spaced", "tcp", &s) == 0);
	CHECK(s.port == 83);
	CHECK(netdb_service_by_name(services_path, "last", 0, &s) == 0);
	CHECK(s.port == 9999);
	CHECK(netdb_service_by_name(services_path, "noslash", 0, &s) ==
	      -ENOENT);
	CHECK(netdb_service_by_name(services_path, "badport", 0, &s) ==
	      -ENOENT);
	CHECK(netdb_service_by_name(services_path, "bigport", 0, &s) ==
	      -ENOENT);
	CHECK(netdb_service_by_name(services_path, "noproto", 0, &s) ==
	      -ENOENT);
	CHECK(netdb_service_by_name(services_path, "WorldWideWeb", 0, &s) ==
	      -ENOENT);
	CHECK(netdb_service_by_port(services_path, 514, "tcp", &s) == 0);
	CHECK(strcmp(s.names[0], "shell") == 0);
	CHECK(netdb_service_by_port(services_path, 514, "udp", &s) == 0);
	CHECK(strcmp(s.names[0], "syslog") == 0);
	CHECK(netdb_service_by_port(services_path, 514, 0, &s) == 0);
	CHECK(strcmp(s.names[0], "shell") == 0);
	CHECK(netdb_service_by_port(services_path, 81, 0, &s) == -ENOENT);
	CHECK(netdb_service_by_port(empty_path, 80, 0, &s) == -ENOENT);
}

/* ---- getaddrinfo ------------------------------------------------------ */

static struct addrinfo hint(int flags, int family, int socktype, int proto)
{
	return (struct addrinfo){.ai_flags = flags,
				 .ai_family = family,
				 .ai_socktype = socktype,
				 .ai_protocol = proto};
}

static int count(const struct addrinfo *ai)
{
	int n = 0;
	for (; ai; ai = ai->ai_next)
		n++;
	return n;
}

/* Entry ai is an AF_INET sockaddr_in of this type, address and port. */
static bool entry_is(const struct addrinfo *ai, int socktype, int protocol,
		     uint32_t addr, int port)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)ai->ai_addr;
	return ai->ai_family == AF_INET && ai->ai_socktype == socktype &&
	       ai->ai_protocol == protocol &&
	       ai->ai_addrlen == sizeof(struct sockaddr_in) &&
	       sin->sin_family == AF_INET && sin->sin_addr.s_addr == addr &&
	       sin->sin_port == htons((uint16_t)port) &&
	       memcmp(sin->sin_zero, "\0\0\0\0\0\0\0\0", 8) == 0;
}

static int gai(const char *node, const char *service,
	       const struct addrinfo *hints, struct addrinfo **res)
{
	*res = 0;
	return netdb_getaddrinfo(&files, node, service, hints, res);
}

static void gai_numeric(void)
{
	struct addrinfo *res, h;
	uint32_t a = quad(10, 0, 2, 2);
	CHECK(gai("10.0.2.2", "80", 0, &res) == 0);
	CHECK(count(res) == 2);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, a, 80));
	CHECK(entry_is(res->ai_next, SOCK_DGRAM, IPPROTO_UDP, a, 80));
	CHECK(res->ai_canonname == 0 && res->ai_next->ai_canonname == 0);
	freeaddrinfo(res);

	h = hint(0, AF_INET, 0, 0);
	CHECK(gai("10.0.2.2", "65535", &h, &res) == 0 && count(res) == 2);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, a, 65535));
	freeaddrinfo(res);

	/* inet_aton's classic forms are numeric hosts too. */
	h = hint(AI_NUMERICHOST, AF_UNSPEC, SOCK_STREAM, 0);
	CHECK(gai("127.1", "0", &h, &res) == 0 && count(res) == 1);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, quad(127, 0, 0, 1), 0));
	freeaddrinfo(res);
	CHECK(gai("0x0a000202", "00022", &h, &res) == 0 && count(res) == 1);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, a, 22));
	freeaddrinfo(res);

	/* No service: port 0. */
	CHECK(gai("1.2.3.4", 0, 0, &res) == 0 && count(res) == 2);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, quad(1, 2, 3, 4), 0));
	CHECK(entry_is(res->ai_next, SOCK_DGRAM, IPPROTO_UDP, quad(1, 2, 3, 4),
		       0));
	freeaddrinfo(res);
	freeaddrinfo(0);
}

static void gai_hints(void)
{
	static const struct {
		int socktype, protocol;
		const char *service;
		int result, n;
		int type1, proto1, type2, proto2;
	} cases[] = {
		{0, 0, "7", 0, 2, SOCK_STREAM, IPPROTO_TCP, SOCK_DGRAM,
		 IPPROTO_UDP},
		{SOCK_STREAM, 0, "7", 0, 1, SOCK_STREAM, IPPROTO_TCP, 0, 0},
		{SOCK_DGRAM, 0, "7", 0, 1, SOCK_DGRAM, IPPROTO_UDP, 0, 0},
		{0, IPPROTO_TCP, "7", 0, 1, SOCK_STREAM, IPPROTO_TCP, 0, 0},
		{0, IPPROTO_UDP, "7", 0, 1, SOCK_DGRAM, IPPROTO_UDP, 0, 0},
		{SOCK_STREAM, IPPROTO_TCP, "7", 0, 1, SOCK_STREAM, IPPROTO_TCP,
		 0, 0},
		{SOCK_DGRAM, IPPROTO_UDP, 0, 0, 1, SOCK_DGRAM, IPPROTO_UDP, 0,
		 0},
		{SOCK_RAW, IPPROTO_ICMP, 0, 0, 1, SOCK_RAW, IPPROTO_ICMP, 0, 0},
		{SOCK_RAW, 0, 0, 0, 1, SOCK_RAW, 0, 0, 0},
		{0, IPPROTO_ICMP, 0, 0, 1, SOCK_RAW, IPPROTO_ICMP, 0, 0},
		{0, IPPROTO_RAW, 0, 0, 1, SOCK_RAW, IPPROTO_RAW, 0, 0},
		{SOCK_RAW, IPPROTO_ICMP, "7", EAI_SERVICE, 0, 0, 0, 0, 0},
		{0, IPPROTO_ICMP, "7", EAI_SERVICE, 0, 0, 0, 0, 0},
		{SOCK_STREAM, IPPROTO_UDP, "7", EAI_SOCKTYPE, 0, 0, 0, 0, 0},
		{SOCK_DGRAM, IPPROTO_TCP, 0, EAI_SOCKTYPE, 0, 0, 0, 0, 0},
		{SOCK_STREAM, IPPROTO_ICMP, 0, EAI_SOCKTYPE, 0, 0, 0, 0, 0},
		{SOCK_SEQPACKET, 0, "7", EAI_SOCKTYPE, 0, 0, 0, 0, 0},
		{99, 0, "7", EAI_SOCKTYPE, 0, 0, 0, 0, 0},
		{-1, 0, "7", EAI_SOCKTYPE, 0, 0, 0, 0, 0},
		{0, 256, 0, EAI_SOCKTYPE, 0, 0, 0, 0, 0},
		{0, -1, 0, EAI_SOCKTYPE, 0, 0, 0, 0, 0},
	};
	for (size_t i = 0; i < LEN(cases); i++) {
		struct addrinfo *res, h = hint(0, AF_INET, cases[i].socktype,
					       cases[i].protocol);
		int port = cases[i].service ? 7 : 0;
		int r = gai("10.0.2.15", cases[i].service, &h, &res);
		if (r != cases[i].result || count(res) != cases[i].n)
			printf("    case %zu: %d, %d entries\n", i, r,
			       count(res));
		CHECK(r == cases[i].result && count(res) == cases[i].n);
		if (r == 0)
			CHECK(entry_is(res, cases[i].type1, cases[i].proto1,
				       quad(10, 0, 2, 15), port));
		if (r == 0 && cases[i].n == 2)
			CHECK(entry_is(res->ai_next, cases[i].type2,
				       cases[i].proto2, quad(10, 0, 2, 15),
				       port));
		if (r != 0)
			CHECK(res == 0);
		freeaddrinfo(res);
	}
}

static void gai_null_host(void)
{
	struct addrinfo *res, h = hint(AI_PASSIVE, AF_UNSPEC, SOCK_STREAM, 0);
	CHECK(gai(0, "8080", &h, &res) == 0 && count(res) == 1);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, htonl(INADDR_ANY), 8080));
	freeaddrinfo(res);
	h.ai_flags = 0;
	CHECK(gai(0, "8080", &h, &res) == 0 && count(res) == 1);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, htonl(INADDR_LOOPBACK),
		       8080));
	freeaddrinfo(res);
	CHECK(gai(0, "http", 0, &res) == 0 && count(res) == 1);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, htonl(INADDR_LOOPBACK),
		       80));
	freeaddrinfo(res);
	/* AI_PASSIVE does nothing to a given node. */
	h.ai_flags = AI_PASSIVE;
	CHECK(gai("10.0.2.15", "1", &h, &res) == 0);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, quad(10, 0, 2, 15), 1));
	freeaddrinfo(res);
}

static void gai_names(void)
{
	struct addrinfo *res, h = hint(AI_CANONNAME, AF_INET, 0, 0);
	uint32_t m1 = quad(10, 0, 0, 1), m2 = quad(10, 0, 0, 2);

	/* Two addresses, two types: four entries, address by address. */
	CHECK(gai("multi", "7", &h, &res) == 0 && count(res) == 4);
	if (count(res) == 4) {
		struct addrinfo *e = res;
		CHECK(entry_is(e, SOCK_STREAM, IPPROTO_TCP, m1, 7));
		CHECK(strcmp(e->ai_canonname, "multi") == 0);
		e = e->ai_next;
		CHECK(entry_is(e, SOCK_DGRAM, IPPROTO_UDP, m1, 7));
		CHECK(e->ai_canonname == 0);
		e = e->ai_next;
		CHECK(entry_is(e, SOCK_STREAM, IPPROTO_TCP, m2, 7));
		CHECK(e->ai_canonname == 0);
		e = e->ai_next;
		CHECK(entry_is(e, SOCK_DGRAM, IPPROTO_UDP, m2, 7));
		CHECK(e->ai_canonname == 0);
	}
	freeaddrinfo(res);

	/* An alias: the official name is the canonical one. */
	CHECK(gai("gateway.example", 0, &h, &res) == 0 && count(res) == 2);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, quad(10, 0, 2, 2), 0));
	CHECK(res->ai_canonname && strcmp(res->ai_canonname, "host") == 0);
	CHECK(res->ai_flags == AI_CANONNAME);
	freeaddrinfo(res);

	/* A numeric host is its own canonical name. */
	CHECK(gai("10.0.2.2", 0, &h, &res) == 0);
	CHECK(res->ai_canonname && strcmp(res->ai_canonname, "10.0.2.2") == 0);
	freeaddrinfo(res);

	/* Without AI_CANONNAME, none. */
	h.ai_flags = 0;
	CHECK(gai("Sam", "0", &h, &res) == 0 && count(res) == 2);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, quad(10, 0, 2, 15), 0));
	CHECK(res->ai_canonname == 0);
	freeaddrinfo(res);

	CHECK(gai("localhost", "0", &h, &res) == 0);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, quad(127, 0, 0, 1), 0));
	freeaddrinfo(res);
	CHECK(netdb_getaddrinfo(&no_files, "localhost", "0", &h, &res) == 0);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, quad(127, 0, 0, 1), 0));
	freeaddrinfo(res);

	/* AI_NUMERICHOST: names are not looked at. */
	h.ai_flags = AI_NUMERICHOST;
	CHECK(gai("localhost", "0", &h, &res) == EAI_NONAME && res == 0);
	CHECK(gai("samsara", "0", &h, &res) == EAI_NONAME);
	CHECK(gai("10.0.2.15", "0", &h, &res) == 0);
	freeaddrinfo(res);

	/* Unknown: there is no DNS to ask. */
	h.ai_flags = 0;
	CHECK(gai("nosuchhost", "0", &h, &res) == EAI_NONAME && res == 0);
	CHECK(gai("example.com", "80", &h, &res) == EAI_NONAME);
	CHECK(gai("", "80", &h, &res) == EAI_NONAME);
	CHECK(gai(" 10.0.2.2", "80", &h, &res) == EAI_NONAME);
	CHECK(gai("10.0.2.2 ", "80", &h, &res) == EAI_NONAME);
	CHECK(gai("256.0.0.1", "80", &h, &res) == EAI_NONAME);
	CHECK(netdb_getaddrinfo(&no_files, "samsara", "0", &h, &res) ==
	      EAI_NONAME);
	/* AI_ADDRCONFIG is accepted. */
	h.ai_flags = AI_ADDRCONFIG | AI_V4MAPPED | AI_ALL;
	CHECK(gai("samsara", "0", &h, &res) == 0 && count(res) == 2);
	freeaddrinfo(res);
}

static void gai_services(void)
{
	struct addrinfo *res, h = hint(0, AF_UNSPEC, 0, 0);
	uint32_t a = quad(10, 0, 2, 15);
	/* Names per protocol: echo has both, http TCP, udponly UDP. */
	CHECK(gai("10.0.2.15", "echo", &h, &res) == 0 && count(res) == 2);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, a, 7));
	CHECK(entry_is(res->ai_next, SOCK_DGRAM, IPPROTO_UDP, a, 7));
	freeaddrinfo(res);
	CHECK(gai("10.0.2.15", "www", &h, &res) == 0 && count(res) == 1);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, a, 80));
	freeaddrinfo(res);
	CHECK(gai("10.0.2.15", "udponly", &h, &res) == 0 && count(res) == 1);
	CHECK(entry_is(res, SOCK_DGRAM, IPPROTO_UDP, a, 4000));
	freeaddrinfo(res);
	/* shell is 514/tcp, syslog 514/udp. */
	CHECK(gai("10.0.2.15", "syslog", &h, &res) == 0 && count(res) == 1);
	CHECK(entry_is(res, SOCK_DGRAM, IPPROTO_UDP, a, 514));
	freeaddrinfo(res);

	h.ai_socktype = SOCK_STREAM;
	CHECK(gai("10.0.2.15", "udponly", &h, &res) == EAI_SERVICE);
	h.ai_socktype = SOCK_DGRAM;
	CHECK(gai("10.0.2.15", "http", &h, &res) == EAI_SERVICE);
	h.ai_socktype = 0;
	CHECK(gai("10.0.2.15", "nosuch", &h, &res) == EAI_SERVICE);
	CHECK(gai("10.0.2.15", "65536", &h, &res) == EAI_SERVICE);
	CHECK(gai("10.0.2.15", "-1", &h, &res) == EAI_SERVICE);
	CHECK(gai("10.0.2.15", " 80", &h, &res) == EAI_SERVICE);
	CHECK(gai("10.0.2.15", "", &h, &res) == EAI_SERVICE);
	CHECK(netdb_getaddrinfo(&no_files, "10.0.2.15", "http", &h, &res) ==
	      EAI_SERVICE);
	CHECK(res == 0);

	h.ai_flags = AI_NUMERICSERV;
	CHECK(gai("10.0.2.15", "http", &h, &res) == EAI_NONAME);
	CHECK(gai("10.0.2.15", "8080", &h, &res) == 0 && count(res) == 2);
	CHECK(entry_is(res, SOCK_STREAM, IPPROTO_TCP, a, 8080));
	freeaddrinfo(res);
}

static void gai_errors(void)
{
	struct addrinfo *res, h = hint(0, AF_UNSPEC, 0, 0);
	CHECK(gai(0, 0, &h, &res) == EAI_NONAME && res == 0);
	CHECK(gai(0, 0, 0, &res) == EAI_NONAME);
	h.ai_flags = 0x8000;
	CHECK(gai("10.0.2.15", "80", &h, &res) == EAI_BADFLAGS);
	h.ai_flags = AI_CANONNAME;
	CHECK(gai(0, "80", &h, &res) == EAI_BADFLAGS);
	h = hint(0, AF_INET6, 0, 0);
	CHECK(gai("10.0.2.15", "80", &h, &res) == EAI_FAMILY);
	CHECK(gai("::1", "80", &h, &res) == EAI_FAMILY);
	h.ai_family = AF_UNIX;
	CHECK(gai("10.0.2.15", "80", &h, &res) == EAI_FAMILY);
	h.ai_family = 99;
	CHECK(gai("10.0.2.15", "80", &h, &res) == EAI_FAMILY);
	CHECK(res == 0);
	/* Checked in order: the family before the socket type. */
	h.ai_socktype = 99;
	CHECK(gai("10.0.2.15", "80", &h, &res) == EAI_FAMILY);
	errno = 0;
	CHECK(netdb_getaddrinfo(&files, "10.0.2.15", "80", 0, 0) == EAI_SYSTEM);
	CHECK(errno == EINVAL);
}

/* ---- getnameinfo ------------------------------------------------------ */

static struct sockaddr_in sin_of(uint32_t addr, int port)
{
	return (struct sockaddr_in){.sin_family = AF_INET,
				    .sin_port = htons((uint16_t)port),
				    .sin_addr = {addr}};
}

static int gni(const struct sockaddr_in *sin, char *host, socklen_t hostlen,
	       char *serv, socklen_t servlen, int flags)
{
	return netdb_getnameinfo(&files, (const struct sockaddr *)sin,
				 sizeof(*sin), host, hostlen, serv, servlen,
				 flags);
}

static void gni_flags(void)
{
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	struct sockaddr_in s = sin_of(quad(10, 0, 2, 15), 80);
	CHECK(gni(&s, host, sizeof(host), serv, sizeof(serv), 0) == 0);
	CHECK(strcmp(host, "samsara") == 0 && strcmp(serv, "http") == 0);
	CHECK(gni(&s, host, sizeof(host), serv, sizeof(serv), NI_NUMERICHOST) ==
	      0);
	CHECK(strcmp(host, "10.0.2.15") == 0 && strcmp(serv, "http") == 0);
	CHECK(gni(&s, host, sizeof(host), serv, sizeof(serv), NI_NUMERICSERV) ==
	      0);
	CHECK(strcmp(host, "samsara") == 0 && strcmp(serv, "80") == 0);
	CHECK(gni(&s, host, sizeof(host), serv, sizeof(serv),
		  NI_NUMERICHOST | NI_NUMERICSERV | NI_NAMEREQD) == 0);
	CHECK(strcmp(host, "10.0.2.15") == 0 && strcmp(serv, "80") == 0);
	/* http is TCP only. */
	CHECK(gni(&s, 0, 0, serv, sizeof(serv), NI_DGRAM) == 0);
	CHECK(strcmp(serv, "80") == 0);

	/* Port 514 is shell for TCP, syslog for UDP; 0 and 65535 have no
	 * name. */
	s = sin_of(quad(10, 0, 0, 7), 514);
	CHECK(gni(&s, host, sizeof(host), serv, sizeof(serv), 0) == 0);
	CHECK(strcmp(host, "box.example.org") == 0);
	CHECK(strcmp(serv, "shell") == 0);
	CHECK(gni(&s, host, sizeof(host), serv, sizeof(serv),
		  NI_NOFQDN | NI_DGRAM) == 0);
	CHECK(strcmp(host, "box") == 0 && strcmp(serv, "syslog") == 0);
	s.sin_port = 0;
	CHECK(gni(&s, 0, 0, serv, sizeof(serv), 0) == 0);
	CHECK(strcmp(serv, "0") == 0);
	s.sin_port = htons(65535);
	CHECK(gni(&s, 0, 0, serv, sizeof(serv), 0) == 0);
	CHECK(strcmp(serv, "65535") == 0);

	/* No name for the address. */
	s = sin_of(quad(10, 9, 9, 9), 4242);
	CHECK(gni(&s, host, sizeof(host), serv, sizeof(serv), 0) == 0);
	CHECK(strcmp(host, "10.9.9.9") == 0 && strcmp(serv, "4242") == 0);
	CHECK(gni(&s, host, sizeof(host), serv, sizeof(serv), NI_NAMEREQD) ==
	      EAI_NONAME);
	CHECK(gni(&s, host, sizeof(host), 0, 0, NI_NAMEREQD | NI_NUMERICHOST) ==
	      0);
	CHECK(strcmp(host, "10.9.9.9") == 0);

	/* The loopback without a file. */
	s = sin_of(htonl(INADDR_LOOPBACK), 7);
	CHECK(netdb_getnameinfo(&no_files, (struct sockaddr *)&s, sizeof(s),
				host, sizeof(host), serv, sizeof(serv),
				NI_NAMEREQD) == 0);
	CHECK(strcmp(host, "localhost") == 0 && strcmp(serv, "7") == 0);

	/* Buffers: exactly large enough, one byte short. */
	s = sin_of(quad(10, 0, 2, 15), 80);
	CHECK(gni(&s, host, 8, 0, 0, 0) == 0 && strcmp(host, "samsara") == 0);
	CHECK(gni(&s, host, 7, 0, 0, 0) == EAI_OVERFLOW);
	CHECK(gni(&s, host, 10, 0, 0, NI_NUMERICHOST) == 0);
	CHECK(gni(&s, host, 9, 0, 0, NI_NUMERICHOST) == EAI_OVERFLOW);
	CHECK(gni(&s, 0, 0, serv, 5, 0) == 0 && strcmp(serv, "http") == 0);
	CHECK(gni(&s, 0, 0, serv, 4, 0) == EAI_OVERFLOW);
	CHECK(gni(&s, 0, 0, serv, 3, NI_NUMERICSERV) == 0);
	CHECK(gni(&s, 0, 0, serv, 2, NI_NUMERICSERV) == EAI_OVERFLOW);
	CHECK(gni(&s, host, 4, serv, sizeof(serv), 0) == EAI_OVERFLOW);

	/* Nothing asked for, bad addresses and flags. */
	CHECK(gni(&s, 0, 0, 0, 0, 0) == EAI_NONAME);
	CHECK(gni(&s, host, 0, serv, 0, 0) == EAI_NONAME);
	CHECK(gni(&s, host, sizeof(host), serv, sizeof(serv), 0x100) ==
	      EAI_BADFLAGS);
	CHECK(netdb_getnameinfo(&files, (struct sockaddr *)&s, sizeof(s) - 1,
				host, sizeof(host), 0, 0, 0) == EAI_FAMILY);
	CHECK(netdb_getnameinfo(&files, 0, sizeof(s), host, sizeof(host), 0, 0,
				0) == EAI_FAMILY);
	struct sockaddr_storage ss = {.ss_family = AF_INET6};
	CHECK(netdb_getnameinfo(&files, (struct sockaddr *)&ss, sizeof(ss),
				host, sizeof(host), 0, 0, 0) == EAI_FAMILY);
	/* A sockaddr_storage holding an IPv4 address is fine. */
	memcpy(&ss, &s, sizeof(s));
	CHECK(netdb_getnameinfo(&files, (struct sockaddr *)&ss, sizeof(ss),
				host, sizeof(host), 0, 0, 0) == 0);
	CHECK(strcmp(host, "samsara") == 0);
}

/* ---- gai_strerror ----------------------------------------------------- */

static void gai_strerror_all(void)
{
	static const int codes[] = {
		EAI_BADFLAGS, EAI_NONAME,   EAI_AGAIN,	 EAI_FAIL,
		EAI_FAMILY,   EAI_SOCKTYPE, EAI_SERVICE, EAI_MEMORY,
		EAI_SYSTEM,   EAI_OVERFLOW, 0,
	};
	const char *unknown = gai_strerror(12345);
	CHECK(unknown && *unknown);
	CHECK(gai_strerror(1) == unknown && gai_strerror(-5) == unknown);
	CHECK(gai_strerror(-9) == unknown && gai_strerror(-13) == unknown);
	for (size_t i = 0; i < LEN(codes); i++) {
		const char *t = gai_strerror(codes[i]);
		CHECK(t && *t && t != unknown);
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(t, gai_strerror(codes[j])) != 0);
	}
	CHECK(strstr(gai_strerror(EAI_NONAME), "not known") != 0);
	CHECK(strstr(gai_strerror(EAI_FAMILY), "family") != 0);
}

/* ---- hostent, servent, protoent --------------------------------------- */

static void hostent(void)
{
	struct hostent *he = netdb_gethostbyname(hosts_path, "sam");
	struct in_addr a;
	CHECK(he != 0);
	if (he) {
		CHECK(strcmp(he->h_name, "samsara") == 0);
		CHECK(strcmp(he->h_aliases[0], "samsara.local") == 0);
		CHECK(strcmp(he->h_aliases[1], "sam") == 0);
		CHECK(he->h_aliases[2] == 0);
		CHECK(he->h_addrtype == AF_INET && he->h_length == 4);
		memcpy(&a, he->h_addr, 4);
		CHECK(a.s_addr == quad(10, 0, 2, 15));
		CHECK(he->h_addr_list[1] == 0);
	}
	he = netdb_gethostbyname(hosts_path, "multi");
	CHECK(he && he->h_addr_list[0] && he->h_addr_list[1] &&
	      !he->h_addr_list[2]);
	if (he && he->h_addr_list[1]) {
		memcpy(&a, he->h_addr_list[1], 4);
		CHECK(a.s_addr == quad(10, 0, 0, 2));
	}
	he = netdb_gethostbyname(hosts_path, "1.2.3.4");
	CHECK(he && strcmp(he->h_name, "1.2.3.4") == 0 && !he->h_aliases[0]);
	if (he) {
		memcpy(&a, he->h_addr, 4);
		CHECK(a.s_addr == quad(1, 2, 3, 4) && !he->h_addr_list[1]);
	}
	h_errno = 0;
	CHECK(netdb_gethostbyname(hosts_path, "nosuchhost") == 0);
	CHECK(h_errno == HOST_NOT_FOUND);
	h_errno = 0;
	CHECK(netdb_gethostbyname(hosts_path, 0) == 0);
	CHECK(h_errno == HOST_NOT_FOUND);
	CHECK(netdb_gethostbyname(empty_path, "localhost") != 0);

	a.s_addr = quad(10, 0, 2, 2);
	he = netdb_gethostbyaddr(hosts_path, &a, sizeof(a), AF_INET);
	CHECK(he && strcmp(he->h_name, "host") == 0);
	CHECK(he && strcmp(he->h_aliases[0], "gateway.example") == 0);
	a.s_addr = quad(10, 9, 9, 9);
	h_errno = 0;
	CHECK(netdb_gethostbyaddr(hosts_path, &a, sizeof(a), AF_INET) == 0);
	CHECK(h_errno == HOST_NOT_FOUND);
	h_errno = 0;
	CHECK(netdb_gethostbyaddr(hosts_path, &a, 16, AF_INET6) == 0);
	CHECK(h_errno == NO_RECOVERY);
	h_errno = 0;
	CHECK(netdb_gethostbyaddr(hosts_path, &a, 3, AF_INET) == 0);
	CHECK(h_errno == NO_RECOVERY);
}

static void servent_protoent(void)
{
	struct servent *se = netdb_getservbyname(services_path, "www", "tcp");
	CHECK(se && strcmp(se->s_name, "http") == 0);
	CHECK(se && se->s_port == htons(80) && strcmp(se->s_proto, "tcp") == 0);
	CHECK(se && strcmp(se->s_aliases[0], "www") == 0);
	se = netdb_getservbyname(services_path, "echo", 0);
	CHECK(se && se->s_port == htons(7) && strcmp(se->s_proto, "tcp") == 0);
	CHECK(netdb_getservbyname(services_path, "www", "udp") == 0);
	CHECK(netdb_getservbyname(services_path, 0, "tcp") == 0);
	se = netdb_getservbyport(services_path, htons(514), "udp");
	CHECK(se && strcmp(se->s_name, "syslog") == 0);
	CHECK(netdb_getservbyport(services_path, htons(81), 0) == 0);

	struct protoent *pe = getprotobyname("icmp");
	CHECK(pe && pe->p_proto == IPPROTO_ICMP && pe->p_aliases[0] == 0);
	pe = getprotobynumber(IPPROTO_TCP);
	CHECK(pe && strcmp(pe->p_name, "tcp") == 0);
	pe = getprotobyname("udp");
	CHECK(pe && pe->p_proto == IPPROTO_UDP);
	CHECK(getprotobyname("sctp") == 0 && getprotobyname(0) == 0);
	CHECK(getprotobynumber(132) == 0);
}

/* ---- the public calls ------------------------------------------------- */

static void public_calls(void)
{
	struct addrinfo *res = 0, h = hint(AI_NUMERICHOST | AI_NUMERICSERV,
					   AF_INET, SOCK_DGRAM, 0);
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	CHECK(getaddrinfo("10.0.2.2", "5353", &h, &res) == 0);
	CHECK(res && count(res) == 1);
	CHECK(res &&
	      entry_is(res, SOCK_DGRAM, IPPROTO_UDP, quad(10, 0, 2, 2), 5353));
	if (res)
		CHECK(getnameinfo(res->ai_addr, res->ai_addrlen, host,
				  sizeof(host), serv, sizeof(serv),
				  NI_NUMERICHOST | NI_NUMERICSERV) == 0);
	CHECK(strcmp(host, "10.0.2.2") == 0 && strcmp(serv, "5353") == 0);
	freeaddrinfo(res);
	struct hostent *he = gethostbyname("10.0.2.15");
	CHECK(he && strcmp(he->h_name, "10.0.2.15") == 0);
	CHECK(strcmp(netdb_system.hosts, "/etc/hosts") == 0);
	CHECK(strcmp(netdb_system.services, "/etc/services") == 0);
}

int main(void)
{
	unit_file = "inet";
	make_files();
	RUN(abi_is_linux);
	RUN(pton_table);
	RUN(pton_family);
	RUN(aton_table);
	RUN(ntop);
	RUN(ntoa_byteorder);
	RUN(hosts_file);
	RUN(hosts_limits);
	RUN(services_file);
	RUN(gai_numeric);
	RUN(gai_hints);
	RUN(gai_null_host);
	RUN(gai_names);
	RUN(gai_services);
	RUN(gai_errors);
	RUN(gni_flags);
	RUN(gai_strerror_all);
	RUN(hostent);
	RUN(servent_protoent);
	RUN(public_calls);
	unlink(hosts_path);
	unlink(services_path);
	return unit_done();
}
