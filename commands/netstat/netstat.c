// SPDX-License-Identifier: BSD-2-Clause
/*
 * netstat: INET's sockets, or its interfaces in short.
 *
 *	netstat [-an]
 *	netstat -i
 *	netstat -s
 *
 * With no option, one line per socket: protocol (tcp, udp, raw), the
 * bytes received but not yet read (Recv-Q) and sent but not yet
 * acknowledged (Send-Q), the local and the remote address and port
 * ("*" for none), and a TCP socket's state (LISTEN, ESTABLISHED,
 * TIME_WAIT ...).  A UDP socket with no local port is left out, as on
 * other systems: nobody can send to it, and the socket netstat itself
 * asks through is one.  Addresses are always numeric (-a and -n are
 * accepted and change nothing).
 *
 * -i gives a line per interface: name, MTU, the packets received and
 * sent, their errors and drops, and the flags (B broadcast, L loopback,
 * R running, U up).  ifconfig shows the rest.
 *
 * -s gives INET's protocol counters since it started, a line per layer
 * (link, arp, frag for IP fragment reassembly, ip, icmp, udp, tcp):
 * packets sent, received, forwarded and dropped, then the counts of
 * why (bad checksum, bad length, no memory, no route, protocol error,
 * bad option, other); a dropped packet may count under several.  A
 * last line counts the half-open TCP connections INET dropped to let a
 * new one in when they had filled a listener's backlog (a SYN flood).
 *
 * It reads INET's tables through ioctls on a socket (abi/netif.h):
 * SIOCGSOCKINFO from index 0 upward, SIOCGIFINFO from 0 until ENXIO,
 * SIOCGNETSTATS once.
 *
 * Exit status: 0, 1 when INET cannot be asked, 2 for a bad command
 * line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <netinet/in.h>

#include "abi/netif.h"
#include "cmdlib.h"

static void usage(void)
{
	fprintf(stderr,
		"usage: netstat [-an]\n       netstat -i\n       netstat -s\n");
	exit(2);
}

static const char *state_name(const struct sock_info *s)
{
	static const char *const names[] = {
		"CLOSED",      "LISTEN",     "SYN_SENT",   "SYN_RCVD",
		"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT",
		"CLOSING",     "LAST_ACK",   "TIME_WAIT"};
	if (s->state == SI_DGRAM)
		return "";
	if (s->state < 0 || s->state >= (int)(sizeof(names) / sizeof(names[0])))
		return "?";
	return names[s->state];
}

static const char *proto_name(int32_t type)
{
	return type == SOCK_STREAM  ? "tcp"
	       : type == SOCK_DGRAM ? "udp"
	       : type == SOCK_RAW   ? "raw"
				    : "?";
}

/* "addr:port", "*" for port 0, into buf. */
static const char *endpoint(uint32_t addr, uint16_t port, char buf[24])
{
	char a[16];
	format_ipv4(addr, a);
	if (port)
		snprintf(buf, 24, "%s:%u", a, (unsigned)port);
	else
		snprintf(buf, 24, "%s:*", a);
	return buf;
}

static int sockets(int fd)
{
	struct sock_info s;
	char l[24], r[24];
	printf("Proto Recv-Q Send-Q %-22s %-22s State\n", "Local Address",
	       "Foreign Address");
	for (uint32_t i = 0;; i = s.index + 1) {
		memset(&s, 0, sizeof(s));
		s.index = i;
		if (ioctl(fd, SIOCGSOCKINFO, &s) < 0) {
			if (errno == ENOENT)
				return 0;
			fprintf(stderr, "netstat: SIOCGSOCKINFO: %s\n",
				strerror(errno));
			return 1;
		}
		if (s.type == SOCK_DGRAM && s.local_port == 0)
			continue;
		const char *state = state_name(&s);
		printf("%-5s %6u %6u %-22s %-22s%s%s\n", proto_name(s.type),
		       (unsigned)s.recv_q, (unsigned)s.send_q,
		       endpoint(s.local_addr, s.local_port, l),
		       endpoint(s.remote_addr, s.remote_port, r),
		       *state ? " " : "", state);
	}
}

static int interfaces(int fd)
{
	struct if_info o;
	printf("Iface     MTU    RX-OK RX-ERR RX-DRP    TX-OK TX-ERR TX-DRP "
	       "Flg\n");
	for (uint32_t i = 0;; i++) {
		memset(&o, 0, sizeof(o));
		o.index = i;
		if (ioctl(fd, SIOCGIFINFO, &o) < 0) {
			if (errno == ENXIO)
				return 0;
			fprintf(stderr, "netstat: SIOCGIFINFO: %s\n",
				strerror(errno));
			return 1;
		}
		char name[IF_NAME_LEN + 1] = {0}, flags[5];
		int f = 0;
		memcpy(name, o.name, IF_NAME_LEN);
		if (o.flags & IFI_BROADCAST)
			flags[f++] = 'B';
		if (o.flags & IFI_LOOPBACK)
			flags[f++] = 'L';
		if (o.flags & IFI_RUNNING)
			flags[f++] = 'R';
		if (o.flags & IFI_UP)
			flags[f++] = 'U';
		flags[f] = 0;
		printf("%-8s %5u %8u %6u %6u %8u %6u %6u %s\n", name,
		       (unsigned)o.mtu, (unsigned)o.rx_packets,
		       (unsigned)o.rx_errors, (unsigned)o.rx_drops,
		       (unsigned)o.tx_packets, (unsigned)o.tx_errors,
		       (unsigned)o.tx_drops, f ? flags : "-");
	}
}

static int protocols(int fd)
{
	static const char *const names[NS_COUNT] = {
		[NS_LINK] = "link", [NS_ARP] = "arp",	[NS_FRAG] = "frag",
		[NS_IP] = "ip",	    [NS_ICMP] = "icmp", [NS_UDP] = "udp",
		[NS_TCP] = "tcp"};
	struct net_stats st;
	if (ioctl(fd, SIOCGNETSTATS, &st) < 0) {
		fprintf(stderr, "netstat: SIOCGNETSTATS: %s\n",
			strerror(errno));
		return 1;
	}
	printf("Proto      Sent     Recv  Fwd     Drop ChkErr LenErr MemErr "
	       "RtErr ProtoErr OptErr   Err\n");
	for (int i = 0; i < NS_COUNT; i++) {
		const struct net_proto_stats *p = &st.proto[i];
		printf("%-5s %9u %8u %4u %8u %6u %6u %6u %5u %8u %6u %5u\n",
		       names[i], (unsigned)p->xmit, (unsigned)p->recv,
		       (unsigned)p->fw, (unsigned)p->drop, (unsigned)p->chkerr,
		       (unsigned)p->lenerr, (unsigned)p->memerr,
		       (unsigned)p->rterr, (unsigned)p->proterr,
		       (unsigned)p->opterr, (unsigned)p->err);
	}
	printf("tcp: %u half-open connections dropped for newer SYNs\n",
	       (unsigned)st.syn_evicted);
	return 0;
}

int main(int argc, char **argv)
{
	int c, iflag = 0, sflag = 0;
	while ((c = getopt(argc, argv, "anis")) != -1) {
		if (c == 'i')
			iflag = 1;
		else if (c == 's')
			sflag = 1;
		else if (c != 'a' && c != 'n')
			usage();
	}
	if (optind != argc || (iflag && sflag))
		usage();
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		fprintf(stderr, "netstat: cannot reach INET: %s\n",
			strerror(errno));
		return 1;
	}
	return iflag ? interfaces(fd) : sflag ? protocols(fd) : sockets(fd);
}
