// SPDX-License-Identifier: BSD-2-Clause
/*
 * ping: send ICMP echo requests to a host and report its replies.
 *
 *	ping [-c COUNT] [-W TIMEOUT] [-i INTERVAL] HOST
 *
 * HOST is an IPv4 address or a name getaddrinfo knows (/etc/hosts).
 * ping sends a request every INTERVAL seconds (1; decimals allowed,
 * at least 0.01), COUNT of them (until interrupted if not given), and
 * after the last one waits up to TIMEOUT seconds (1) for the replies
 * still owed.  Each request carries our identifier (the pid), its
 * sequence number and 56 data bytes: the time it was sent (CLOCK_
 * MONOTONIC, microseconds) and then a fixed pattern.
 *
 * A packet counts as a reply when it is an IPv4 packet (its header's
 * own length skipped) holding an ICMP echo reply with a good checksum,
 * from HOST, with our identifier and the sequence number of a request
 * we sent; a second reply to one request is marked (DUP!) and not
 * counted again.  Each reply prints a line with its size, sequence
 * number, TTL and round-trip time in milliseconds (to the
 * microsecond); an ICMP error about one of our requests
 * (unreachable, time exceeded) prints a line too.  At the end (or on
 * SIGINT) ping prints how many requests went out (one the network
 * refused to send counts, as lost) and how many were answered, the
 * loss, and the least, mean and greatest round trip.
 *
 * Raw ICMP sockets are root's: anybody else is told so.
 *
 * Exit status: 0 if any reply came, 1 if none did or ping could not
 * run (not root, unknown host), 2 for a bad command line.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>

#include "cmdlib.h"

#define DATA_LEN 56 /* bytes after the ICMP header */
#define MAX_COUNT 1000000L
#define MAX_SECONDS_MS 3600000L
#define SEQ_SLOTS 65536 /* one "answered" bit per sequence number */

static volatile sig_atomic_t interrupted;

static struct {
	struct sockaddr_in to;
	uint16_t id;
	long seqs; /* sequence numbers used: 0 .. seqs-1 */
	long sent, received, dups;
	uint64_t rtt_min, rtt_max, rtt_sum; /* µs */
	uint8_t answered[SEQ_SLOTS / 8];
} ping;

static void usage(void)
{
	fprintf(stderr, "usage: ping [-c COUNT] [-W TIMEOUT] [-i INTERVAL] "
			"HOST\n");
	exit(2);
}

static uint64_t now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000 + (uint64_t)t.tv_nsec / 1000;
}

/* The Internet checksum (RFC 1071) of len bytes. */
static uint16_t checksum(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t sum = 0;
	for (; len > 1; p += 2, len -= 2)
		sum += (uint32_t)p[0] << 8 | p[1];
	if (len)
		sum += (uint32_t)p[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}

static uint8_t pattern(int i)
{
	return (uint8_t)(i & 0xff);
}

static void send_request(int fd, uint16_t seq)
{
	uint8_t pkt[ICMP_MINLEN + DATA_LEN];
	struct icmphdr *h = (struct icmphdr *)pkt;
	memset(pkt, 0, sizeof(pkt));
	h->type = ICMP_ECHO;
	h->un.echo.id = htons(ping.id);
	h->un.echo.sequence = htons(seq);
	uint64_t t = now_us();
	memcpy(pkt + ICMP_MINLEN, &t, sizeof(t));
	for (int i = sizeof(t); i < DATA_LEN; i++)
		pkt[ICMP_MINLEN + i] = pattern(i);
	h->checksum = checksum(pkt, sizeof(pkt));
	ping.seqs = (long)seq + 1;
	ping.sent++; /* sent, or lost on the way out */
	if (sendto(fd, pkt, sizeof(pkt), 0, (struct sockaddr *)&ping.to,
		   sizeof(ping.to)) < 0)
		fprintf(stderr, "ping: sendto: %s\n", strerror(errno));
}

static void print_rtt(uint64_t us)
{
	printf("%llu.%03llu", (unsigned long long)(us / 1000),
	       (unsigned long long)(us % 1000));
}

/* An echo reply of len ICMP bytes, ttl from its IP header. */
static void echo_reply(const uint8_t *icmp, size_t len, int ttl,
		       const char *from)
{
	const struct icmphdr *h = (const struct icmphdr *)icmp;
	uint16_t seq = ntohs(h->un.echo.sequence);
	if (ntohs(h->un.echo.id) != ping.id || seq >= ping.seqs)
		return; /* somebody else's, or never sent */
	uint64_t sent_at, now = now_us();
	if (len < ICMP_MINLEN + sizeof(sent_at))
		return;
	memcpy(&sent_at, icmp + ICMP_MINLEN, sizeof(sent_at));
	uint64_t rtt = now >= sent_at ? now - sent_at : 0;
	bool dup = ping.answered[seq / 8] >> (seq % 8) & 1;
	bool bad_data = len != ICMP_MINLEN + DATA_LEN;
	for (size_t i = sizeof(sent_at); !bad_data && i < DATA_LEN; i++)
		bad_data = icmp[ICMP_MINLEN + i] != pattern((int)i);
	printf("%u bytes from %s: icmp_seq=%u ttl=%d time=", (unsigned)len,
	       from, (unsigned)seq, ttl);
	print_rtt(rtt);
	printf(" ms%s%s\n", dup ? " (DUP!)" : "",
	       bad_data ? " (wrong data)" : "");
	if (dup) {
		ping.dups++;
		return;
	}
	ping.answered[seq / 8] |= (uint8_t)(1 << (seq % 8));
	ping.received++;
	ping.rtt_sum += rtt;
	if (ping.received == 1 || rtt < ping.rtt_min)
		ping.rtt_min = rtt;
	if (rtt > ping.rtt_max)
		ping.rtt_max = rtt;
}

/* An ICMP error whose quoted datagram is one of our requests. */
static void icmp_error(const uint8_t *icmp, size_t len, const char *from)
{
	const struct icmphdr *h = (const struct icmphdr *)icmp;
	if (len < ICMP_MINLEN + sizeof(struct ip) + ICMP_MINLEN)
		return;
	const struct ip *inner = (const struct ip *)(icmp + ICMP_MINLEN);
	size_t hl = (size_t)inner->ip_hl * 4;
	if (inner->ip_p != IPPROTO_ICMP || hl < sizeof(struct ip) ||
	    len < ICMP_MINLEN + hl + ICMP_MINLEN)
		return;
	const struct icmphdr *req =
		(const struct icmphdr *)(icmp + ICMP_MINLEN + hl);
	if (req->type != ICMP_ECHO || ntohs(req->un.echo.id) != ping.id)
		return;
	printf("From %s icmp_seq=%u %s\n", from,
	       (unsigned)ntohs(req->un.echo.sequence),
	       h->type == ICMP_UNREACH ? "Destination unreachable"
				       : "Time to live exceeded");
}

/* One packet from the raw socket: an IP header, then ICMP. */
static void receive(int fd)
{
	uint8_t buf[1600];
	struct sockaddr_in from;
	socklen_t flen = sizeof(from);
	ssize_t n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			     &flen);
	if (n < 0) {
		if (errno != EINTR)
			fprintf(stderr, "ping: recvfrom: %s\n",
				strerror(errno));
		return;
	}
	const struct ip *ip = (const struct ip *)buf;
	size_t hl = (size_t)ip->ip_hl * 4;
	if ((size_t)n < sizeof(struct ip) || ip->ip_v != 4 ||
	    hl < sizeof(struct ip) || (size_t)n < hl + ICMP_MINLEN ||
	    ip->ip_p != IPPROTO_ICMP)
		return;
	const uint8_t *icmp = buf + hl;
	size_t len = (size_t)n - hl;
	if (checksum(icmp, len) != 0)
		return;
	char addr[16];
	format_ipv4(ip->ip_src.s_addr, addr);
	const struct icmphdr *h = (const struct icmphdr *)icmp;
	if (h->type == ICMP_ECHOREPLY &&
	    ip->ip_src.s_addr == ping.to.sin_addr.s_addr)
		echo_reply(icmp, len, ip->ip_ttl, addr);
	else if (h->type == ICMP_UNREACH || h->type == ICMP_TIMXCEED)
		icmp_error(icmp, len, addr);
}

/* Receives until `until` (µs), or until every request is answered
 * when all_in is set. */
static void receive_until(int fd, uint64_t until, bool all_in)
{
	while (!interrupted) {
		uint64_t now = now_us();
		if (now >= until || (all_in && ping.received >= ping.sent))
			return;
		uint64_t left = until - now;
		struct timeval tv = {(time_t)(left / 1000000),
				     (suseconds_t)(left % 1000000)};
		fd_set rd;
		FD_ZERO(&rd);
		FD_SET(fd, &rd);
		int r = select(fd + 1, &rd, 0, 0, &tv);
		if (r < 0 && errno != EINTR) {
			fprintf(stderr, "ping: select: %s\n", strerror(errno));
			exit(1);
		}
		if (r > 0)
			receive(fd);
	}
}

static void summary(const char *host)
{
	printf("\n--- %s ping statistics ---\n", host);
	long lost = ping.sent - ping.received;
	printf("%ld packets transmitted, %ld received, ", ping.sent,
	       ping.received);
	if (ping.dups)
		printf("+%ld duplicates, ", ping.dups);
	printf("%ld%% packet loss\n",
	       ping.sent ? (lost * 100 + ping.sent / 2) / ping.sent : 0);
	if (ping.received) {
		printf("rtt min/avg/max = ");
		print_rtt(ping.rtt_min);
		printf("/");
		print_rtt(ping.rtt_sum / (uint64_t)ping.received);
		printf("/");
		print_rtt(ping.rtt_max);
		printf(" ms\n");
	}
}

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static long time_arg(int opt, const char *s, long min_ms)
{
	long ms;
	if (parse_time_ms(s, MAX_SECONDS_MS, &ms) < 0 || ms < min_ms) {
		fprintf(stderr,
			"ping: -%c %s: give seconds from %ld.%03ld to "
			"%ld\n",
			opt, s, min_ms / 1000, min_ms % 1000,
			MAX_SECONDS_MS / 1000);
		exit(2);
	}
	return ms;
}

/* The raw socket, or exit 1 saying why not. */
static int open_raw(void)
{
	int fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	if (fd >= 0)
		return fd;
	if (errno == EPERM || errno == EACCES)
		fprintf(stderr, "ping: permission denied: raw ICMP sockets "
				"are for root only\n");
	else
		fprintf(stderr, "ping: socket: %s\n", strerror(errno));
	exit(1);
}

int main(int argc, char **argv)
{
	long count = -1, timeout_ms = 1000, interval_ms = 1000;
	int c;
	while ((c = getopt(argc, argv, "c:W:i:")) != -1) {
		if (c == 'c') {
			if (parse_num(optarg, 1, MAX_COUNT, &count) < 0) {
				fprintf(stderr,
					"ping: -c %s: give a count "
					"from 1 to %ld\n",
					optarg, MAX_COUNT);
				exit(2);
			}
		} else if (c == 'W')
			timeout_ms = time_arg('W', optarg, 1);
		else if (c == 'i')
			interval_ms = time_arg('i', optarg, 10);
		else
			usage();
	}
	if (optind != argc - 1)
		usage();
	const char *host = argv[optind];
	ping.to.sin_family = AF_INET;
	int r = resolve_ipv4(host, &ping.to.sin_addr);
	if (r != 0) {
		fprintf(stderr, "ping: %s: unknown host (%s)\n", host,
			gai_strerror(r));
		return 1;
	}
	int fd = open_raw();
	ping.id = (uint16_t)getpid();
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, 0);
	char addr[16];
	printf("PING %s (%s): %d data bytes\n", host,
	       format_ipv4(ping.to.sin_addr.s_addr, addr), DATA_LEN);
	fflush(stdout);
	for (long i = 0; !interrupted && (count < 0 || i < count); i++) {
		if (i >= SEQ_SLOTS) /* sequence numbers would repeat */
			break;
		send_request(fd, (uint16_t)i);
		bool last = count >= 0 && i == count - 1;
		uint64_t wait = (uint64_t)(last ? timeout_ms : interval_ms);
		receive_until(fd, now_us() + wait * 1000, last);
		fflush(stdout);
	}
	summary(host);
	return ping.received > 0 ? 0 : 1;
}
