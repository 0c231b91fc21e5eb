// SPDX-License-Identifier: BSD-2-Clause
/*
 * ifconfig: show and configure INET's network interfaces.
 *
 *	ifconfig [-a]
 *	ifconfig [-w SECONDS] IF
 *	ifconfig [-w SECONDS] IF ADDR [netmask MASK] [gw GW]
 *	ifconfig [-w SECONDS] IF gw GW
 *	ifconfig [-w SECONDS] IF up | down
 *	ifconfig [-w SECONDS] IF dhcp [-w SECONDS]
 *
 * With no interface, every interface is listed (-a changes nothing);
 * with one, only that one.  A listing gives the name, the flags (UP,
 * BROADCAST, LOOPBACK, RUNNING), the MTU, the IPv4 address, netmask
 * and gateway, the MAC address and the DHCP state (off, asking,
 * bound), the packet, byte, error and drop counts each way, and the
 * driver behind it: its label, the card it names, how many times it
 * was restarted and how many of its replies broke the protocol.
 *
 * ADDR sets the address and netmask (255.255.255.0 unless given; this
 * stops DHCP), gw the gateway; up and down switch the interface on and
 * off; dhcp starts DHCP on it (and brings it up).  With dhcp's -w,
 * ifconfig then waits up to SECONDS for a lease and prints the address
 * it got.  The -w before IF waits up to SECONDS for IF to exist (the
 * drivers announce themselves to INET while the system boots).  Only
 * root may change an interface: INET refuses a socket made by any
 * other user (EPERM), and ifconfig says so in words.
 *
 * It all goes through INET's interface ioctls on a socket
 * (include/abi/netif.h): SIOCGIFINFO reads interface 0, 1, ... until
 * ENXIO, SIOCSIFCONF changes one.
 *
 * Exit status: 0 when it worked, 1 when INET refused or failed it (no
 * such interface, not root, no lease in time), 2 for a bad command
 * line (unknown word, bad address, mask or number).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>

#include "abi/netif.h"
#include "cmdlib.h"

#define POLL_MS 100	      /* how often -w looks again */
#define MAX_WAIT_MS 86400000L /* a day */

static int sock = -1;

static void usage(void)
{
	fprintf(stderr, "usage: ifconfig [-a]\n"
			"       ifconfig [-w SECONDS] IF [ADDR [netmask MASK]] "
			"[gw GW]\n"
			"       ifconfig [-w SECONDS] IF up|down\n"
			"       ifconfig [-w SECONDS] IF dhcp [-w SECONDS]\n");
	exit(2);
}

/* The socket INET answers the ioctls on, or exit 1 with why not. */
static int inet(void)
{
	if (sock < 0)
		sock = socket(AF_INET, SOCK_DGRAM, 0);
	if (sock < 0) {
		fprintf(stderr, "ifconfig: cannot reach INET: %s\n",
			strerror(errno));
		exit(1);
	}
	return sock;
}

/* Interface number `index`: 0, or -1 past the last one. */
static int info_at(uint32_t index, struct if_info *o)
{
	memset(o, 0, sizeof(*o));
	o->index = index;
	if (ioctl(inet(), SIOCGIFINFO, o) == 0)
		return 0;
	if (errno != ENXIO) {
		fprintf(stderr, "ifconfig: SIOCGIFINFO: %s\n", strerror(errno));
		exit(1);
	}
	return -1;
}

/* The interface called name: 0, or -1 if there is none. */
static int info_of(const char *name, struct if_info *o)
{
	for (uint32_t i = 0; info_at(i, o) == 0; i++)
		if (strncmp(o->name, name, IF_NAME_LEN) == 0)
			return 0;
	return -1;
}

static void sleep_ms(long ms)
{
	struct timespec t = {ms / 1000, ms % 1000 * 1000000L};
	nanosleep(&t, 0);
}

/* The interface called name, waiting up to wait_ms for it to appear;
 * exit 1 if it does not. */
static void find(const char *name, long wait_ms, struct if_info *o)
{
	for (long waited = 0; info_of(name, o) < 0; waited += POLL_MS) {
		if (waited >= wait_ms) {
			fprintf(stderr, "ifconfig: %s: no such interface",
				name);
			if (wait_ms > 0)
				fprintf(stderr, " (waited %ld.%01ld s)",
					wait_ms / 1000, wait_ms % 1000 / 100);
			fprintf(stderr, "\n");
			exit(1);
		}
		sleep_ms(POLL_MS);
	}
}

static void print_flags(uint16_t flags)
{
	static const struct {
		uint16_t bit;
		const char *name;
	} names[] = {{IFI_UP, "UP"},
		     {IFI_BROADCAST, "BROADCAST"},
		     {IFI_LOOPBACK, "LOOPBACK"},
		     {IFI_RUNNING, "RUNNING"}};
	const char *sep = "";
	printf("flags=<");
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (flags & names[i].bit) {
			printf("%s%s", sep, names[i].name);
			sep = ",";
		}
	}
	printf(">");
}

static const char *dhcp_name(uint32_t d)
{
	return d == IFI_DHCP_BOUND    ? "bound"
	       : d == IFI_DHCP_ASKING ? "asking"
				      : "off";
}

static const char *or_dash(const char *s)
{
	return *s ? s : "-";
}

static void show(const struct if_info *o)
{
	char a[16], m[16], g[16], name[IF_NAME_LEN + 1] = {0};
	char driver[IF_DRIVER_LEN + 1] = {0}, card[IF_DRIVER_LEN + 1] = {0};
	memcpy(name, o->name, IF_NAME_LEN);
	memcpy(driver, o->driver, IF_DRIVER_LEN);
	memcpy(card, o->card, IF_DRIVER_LEN);
	const uint8_t *e = o->mac;
	printf("%s: ", name);
	print_flags(o->flags);
	printf(" mtu %u\n", (unsigned)o->mtu);
	printf("\tinet %s netmask %s gateway %s\n", format_ipv4(o->addr, a),
	       format_ipv4(o->mask, m), format_ipv4(o->gw, g));
	printf("\tether %02x:%02x:%02x:%02x:%02x:%02x dhcp %s\n", e[0], e[1],
	       e[2], e[3], e[4], e[5], dhcp_name(o->dhcp));
	printf("\tRX packets %u bytes %u errors %u dropped %u\n",
	       (unsigned)o->rx_packets, (unsigned)o->rx_bytes,
	       (unsigned)o->rx_errors, (unsigned)o->rx_drops);
	printf("\tTX packets %u bytes %u errors %u dropped %u\n",
	       (unsigned)o->tx_packets, (unsigned)o->tx_bytes,
	       (unsigned)o->tx_errors, (unsigned)o->tx_drops);
	printf("\tdriver %s card %s restarts %u bad replies %u\n",
	       or_dash(driver), or_dash(card), (unsigned)o->restarts,
	       (unsigned)o->bad_replies);
}

static int list_all(void)
{
	struct if_info o;
	for (uint32_t i = 0; info_at(i, &o) == 0; i++) {
		if (i > 0)
			printf("\n");
		show(&o);
	}
	return 0;
}

/* An IPv4 address operand, or exit 2 naming it. */
static uint32_t address(const char *s, const char *what)
{
	struct in_addr a;
	if (inet_pton(AF_INET, s, &a) != 1) {
		fprintf(stderr, "ifconfig: %s: not an IPv4 %s\n", s, what);
		exit(2);
	}
	return a.s_addr;
}

static long seconds(const char *s)
{
	long ms;
	if (parse_time_ms(s, MAX_WAIT_MS, &ms) < 0) {
		fprintf(stderr, "ifconfig: -w %s: not a number of seconds\n",
			s);
		exit(2);
	}
	return ms;
}

/* The words after IF, as one change. */
struct change {
	struct if_set set;
	bool mask_given;
	long dhcp_wait_ms; /* -1: do not wait */
};

static void parse_change(char **w, int n, struct change *c)
{
	c->dhcp_wait_ms = -1;
	for (int i = 0; i < n; i++) {
		const char *word = w[i];
		const char *value = i + 1 < n ? w[i + 1] : 0;
		if (!strcmp(word, "netmask") || !strcmp(word, "gw") ||
		    !strcmp(word, "-w")) {
			if (!value) {
				fprintf(stderr, "ifconfig: %s needs a value\n",
					word);
				usage();
			}
			i++;
		}
		if (!strcmp(word, "netmask")) {
			c->set.mask = address(value, "netmask");
			c->mask_given = true;
		} else if (!strcmp(word, "gw")) {
			c->set.gw = address(value, "gateway address");
			c->set.what |= IFS_GW;
		} else if (!strcmp(word, "-w") && c->set.what & IFS_DHCP) {
			c->dhcp_wait_ms = seconds(value);
		} else if (!strcmp(word, "up")) {
			c->set.what |= IFS_UP;
		} else if (!strcmp(word, "down")) {
			c->set.what |= IFS_DOWN;
		} else if (!strcmp(word, "dhcp")) {
			c->set.what |= IFS_DHCP;
		} else if (i == 0 && word[0] >= '0' && word[0] <= '9') {
			c->set.addr = address(word, "address");
			c->set.what |= IFS_ADDR;
		} else {
			fprintf(stderr, "ifconfig: %s: unknown word\n", word);
			usage();
		}
	}
}

/* Checks that the change is one INET can make, then fills the mask. */
static void check_change(struct change *c)
{
	uint32_t what = c->set.what;
	if (c->mask_given && !(what & IFS_ADDR)) {
		fprintf(stderr, "ifconfig: netmask needs an address\n");
		exit(2);
	}
	if (what & IFS_UP && what & IFS_DOWN) {
		fprintf(stderr, "ifconfig: up and down together\n");
		exit(2);
	}
	if (what & IFS_DHCP && what & (IFS_ADDR | IFS_DOWN)) {
		fprintf(stderr, "ifconfig: dhcp with %s\n",
			what & IFS_ADDR ? "an address" : "down");
		exit(2);
	}
	if (!c->mask_given)
		c->set.mask = htonl(0xffffff00);
	uint32_t m = ntohl(c->set.mask);
	if (m & (~m >> 1)) {
		char b[16];
		fprintf(stderr,
			"ifconfig: %s: not a netmask (ones, then "
			"zeros)\n",
			format_ipv4(c->set.mask, b));
		exit(2);
	}
}

/* Waits up to wait_ms for interface name to get its DHCP lease. */
static int wait_lease(const char *name, long wait_ms)
{
	struct if_info o;
	char a[16], m[16];
	for (long waited = 0;; waited += POLL_MS) {
		if (info_of(name, &o) < 0) {
			fprintf(stderr, "ifconfig: %s: gone\n", name);
			return 1;
		}
		if (o.dhcp == IFI_DHCP_BOUND && o.addr != 0) {
			printf("%s: %s netmask %s (DHCP)\n", name,
			       format_ipv4(o.addr, a), format_ipv4(o.mask, m));
			return 0;
		}
		if (waited >= wait_ms)
			break;
		sleep_ms(POLL_MS);
	}
	fprintf(stderr, "ifconfig: %s: no DHCP lease after %ld.%01ld s\n", name,
		wait_ms / 1000, wait_ms % 1000 / 100);
	return 1;
}

/* INET's EPERM: the socket is not root's. */
static int not_root(const char *name)
{
	fprintf(stderr,
		"ifconfig: %s: permission denied: only root may "
		"change an interface\n",
		name);
	return 1;
}

static int change(const char *name, struct change *c)
{
	memcpy(c->set.name, name, strlen(name)); /* shorter: main */
	if (ioctl(inet(), SIOCSIFCONF, &c->set) < 0) {
		int e = errno;
		if (e == EPERM)
			return not_root(name);
		fprintf(stderr, "ifconfig: %s: %s\n", name,
			e == ENXIO ? "INET cannot change this interface"
				   : strerror(e));
		return 1;
	}
	if (c->dhcp_wait_ms >= 0)
		return wait_lease(name, c->dhcp_wait_ms);
	return 0;
}

int main(int argc, char **argv)
{
	long wait_ms = 0;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-a"))
			continue;
		if (strcmp(argv[i], "-w") || i + 1 >= argc) {
			fprintf(stderr, "ifconfig: %s: %s\n", argv[i],
				strcmp(argv[i], "-w") ? "unknown option"
						      : "needs a value");
			usage();
		}
		wait_ms = seconds(argv[++i]);
	}
	if (i == argc) {
		if (wait_ms)
			usage();
		return list_all();
	}
	const char *name = argv[i++];
	if (strlen(name) >= IF_NAME_LEN) {
		fprintf(stderr,
			"ifconfig: %s: no such interface (names are "
			"shorter than %d)\n",
			name, IF_NAME_LEN);
		return 1;
	}
	struct change c;
	memset(&c, 0, sizeof(c));
	parse_change(argv + i, argc - i, &c);
	check_change(&c);
	struct if_info o;
	find(name, wait_ms, &o);
	if (c.set.what == 0) {
		show(&o);
		return 0;
	}
	return change(name, &c);
}
