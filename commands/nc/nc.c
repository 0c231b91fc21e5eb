// SPDX-License-Identifier: BSD-2-Clause
/*
 * nc: netcat, standard input and output joined to a TCP or UDP socket.
 *
 *	nc [-Nuv] [-w SECONDS] [-p SRCPORT] HOST PORT
 *	nc -l [-Nuv] [-w SECONDS] -p PORT
 *	nc -l [-Nuv] [-w SECONDS] PORT
 *
 * The first form connects to HOST (an IPv4 address or a name from
 * /etc/hosts) at PORT, from SRCPORT if given; with -l nc listens on
 * PORT at every local address and takes one connection (TCP), or with
 * -u takes the sender of the first datagram that arrives as its peer
 * (that datagram is the first output).  -v tells on standard error
 * what nc listens on and whom it is connected to.
 *
 * Then it copies both ways, select() on standard input and the socket,
 * each read (up to 64 KiB) written whole (write_all) before the next:
 * bytes from standard input go to the peer, bytes from the peer to
 * standard output, exactly as they are.  The rules for the end, as
 * OpenBSD's nc has them:
 *
 *  - End of standard input: nc stops reading it.  With -N it then shuts
 *    down the connection's sending side (shutdown SHUT_WR; the peer
 *    reads end of file) but goes on reading; without -N the connection
 *    is left as it is and nc goes on reading the peer.
 *  - End of file from the peer (it shut down its side, or closed): nc
 *    stops reading the socket.  A listening nc (-l) is then done; a
 *    connecting one is done once standard input has ended too (until
 *    then it keeps sending what it reads, to a peer that may still
 *    read).
 *  - UDP has no end of file: an empty datagram carries nothing, and
 *    nc -u runs until -w's idle time runs out or it is killed; -N
 *    changes nothing.
 *  - -w SECONDS bounds the connect; once connected, nc ends (status 0)
 *    after SECONDS in which nothing came from either side.  Waiting
 *    for a connection with -l is never cut short.
 *  - A write to the peer that fails (reset) ends the reading of
 *    standard input, whose data has nowhere to go, and a read that
 *    fails counts as the peer's end of file; both make the status 1.
 *    A write to standard output that fails ends nc at once, status 1
 *    (without a word when its reader has gone, as with `nc ... | head`).
 *
 * Exit status: 0 when the copy ended as above, 1 when nc could not
 * connect, listen or resolve HOST, or a read or write failed, 2 for a
 * bad command line.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>

#include "cmdlib.h"

#define BUF_SIZE 65536
#define MAX_WAIT_MS 86400000L /* a day */

static struct {
	bool listen, udp, shut_on_eof, verbose;
	long wait_ms; /* -1: no -w */
	long port, src_port;
	const char *host;
} opt = {.wait_ms = -1};

static char buf[BUF_SIZE];
static int status;

static void usage(void)
{
	fprintf(stderr, "usage: nc [-Nuv] [-w SECONDS] [-p SRCPORT] HOST "
			"PORT\n"
			"       nc -l [-Nuv] [-w SECONDS] [-p] PORT\n");
	exit(2);
}

/* A write to standard output failed: the end, status 1, quietly when
 * the reader has gone (EPIPE: SIGPIPE is ignored for the socket's
 * sake). */
static void out_failed(void)
{
	if (errno != EPIPE)
		fprintf(stderr, "nc: write to stdout: %s\n", strerror(errno));
	exit(1);
}

static long port_arg(const char *s)
{
	long p;
	if (parse_num(s, 1, 65535, &p) < 0) {
		fprintf(stderr, "nc: %s: not a port number (1-65535)\n", s);
		exit(2);
	}
	return p;
}

static void parse_args(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "lNuvw:p:")) != -1) {
		if (c == 'l')
			opt.listen = true;
		else if (c == 'N')
			opt.shut_on_eof = true;
		else if (c == 'u')
			opt.udp = true;
		else if (c == 'v')
			opt.verbose = true;
		else if (c == 'p')
			opt.src_port = port_arg(optarg);
		else if (c == 'w') {
			if (parse_time_ms(optarg, MAX_WAIT_MS, &opt.wait_ms) <
				    0 ||
			    opt.wait_ms == 0) {
				fprintf(stderr,
					"nc: -w %s: not a number of "
					"seconds\n",
					optarg);
				exit(2);
			}
		} else
			usage();
	}
	argc -= optind;
	argv += optind;
	if (opt.listen) {
		if (argc > 1 || (argc == 1) == (opt.src_port != 0))
			usage();
		opt.port = argc == 1 ? port_arg(argv[0]) : opt.src_port;
		return;
	}
	if (argc != 2)
		usage();
	opt.host = argv[0];
	opt.port = port_arg(argv[1]);
}

static const char *proto(void)
{
	return opt.udp ? "udp" : "tcp";
}

static int new_socket(void)
{
	int fd = socket(AF_INET, opt.udp ? SOCK_DGRAM : SOCK_STREAM, 0);
	if (fd < 0) {
		fprintf(stderr, "nc: socket: %s\n", strerror(errno));
		exit(1);
	}
	return fd;
}

static void bind_port(int fd, long port)
{
	int one = 1;
	struct sockaddr_in a;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_ANY);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
		fprintf(stderr, "nc: port %ld: %s\n", port, strerror(errno));
		exit(1);
	}
}

/* connect, bounded by -w: a non-blocking connect and a select. */
static int connect_within(int fd, const struct sockaddr_in *a)
{
	if (opt.wait_ms < 0)
		return connect(fd, (const struct sockaddr *)a, sizeof(*a));
	int flags = fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	int r = connect(fd, (const struct sockaddr *)a, sizeof(*a));
	if (r < 0 && errno == EINPROGRESS) {
		fd_set wr;
		FD_ZERO(&wr);
		FD_SET(fd, &wr);
		struct timeval tv = {opt.wait_ms / 1000,
				     opt.wait_ms % 1000 * 1000};
		int err = ETIMEDOUT;
		socklen_t len = sizeof(err);
		if (select(fd + 1, 0, &wr, 0, &tv) > 0)
			getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
		errno = err;
		r = err ? -1 : 0;
	}
	fcntl(fd, F_SETFL, flags);
	return r;
}

static int connect_peer(void)
{
	struct sockaddr_in a;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)opt.port);
	int r = resolve_ipv4(opt.host, &a.sin_addr);
	if (r != 0) {
		fprintf(stderr, "nc: %s: unknown host (%s)\n", opt.host,
			gai_strerror(r));
		exit(1);
	}
	int fd = new_socket();
	if (opt.src_port)
		bind_port(fd, opt.src_port);
	char ip[16];
	format_ipv4(a.sin_addr.s_addr, ip);
	if (connect_within(fd, &a) < 0) {
		fprintf(stderr, "nc: connect to %s (%s) port %ld (%s): %s\n",
			opt.host, ip, opt.port, proto(), strerror(errno));
		exit(1);
	}
	if (opt.verbose)
		fprintf(stderr, "nc: connected to %s (%s) port %ld (%s)\n",
			opt.host, ip, opt.port, proto());
	return fd;
}

static void say_peer(const struct sockaddr_in *a)
{
	char ip[16];
	if (opt.verbose)
		fprintf(stderr, "nc: connection from %s port %u (%s)\n",
			format_ipv4(a->sin_addr.s_addr, ip),
			(unsigned)ntohs(a->sin_port), proto());
}

/* UDP: the first datagram's sender becomes the peer. */
static int first_datagram(int fd)
{
	struct sockaddr_in from;
	socklen_t len = sizeof(from);
	ssize_t n;
	do
		n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			     &len);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		fprintf(stderr, "nc: recvfrom: %s\n", strerror(errno));
		exit(1);
	}
	if (connect(fd, (struct sockaddr *)&from, sizeof(from)) < 0) {
		fprintf(stderr, "nc: connect: %s\n", strerror(errno));
		exit(1);
	}
	say_peer(&from);
	if (write_all(STDOUT_FILENO, buf, (size_t)n) < 0)
		out_failed();
	return fd;
}

static int listen_peer(void)
{
	int fd = new_socket();
	bind_port(fd, opt.port);
	if (opt.verbose)
		fprintf(stderr, "nc: listening on 0.0.0.0 port %ld (%s)\n",
			opt.port, proto());
	if (opt.udp)
		return first_datagram(fd);
	if (listen(fd, 1) < 0) {
		fprintf(stderr, "nc: listen: %s\n", strerror(errno));
		exit(1);
	}
	struct sockaddr_in from;
	socklen_t len = sizeof(from);
	int s;
	do
		s = accept(fd, (struct sockaddr *)&from, &len);
	while (s < 0 && errno == EINTR);
	if (s < 0) {
		fprintf(stderr, "nc: accept: %s\n", strerror(errno));
		exit(1);
	}
	close(fd);
	say_peer(&from);
	return s;
}

/* One read of standard input, sent on; false once it has ended. */
static bool from_stdin(int net)
{
	ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));
	if (n < 0 && errno == EINTR)
		return true;
	if (n < 0) {
		fprintf(stderr, "nc: read from stdin: %s\n", strerror(errno));
		status = 1;
	}
	if (n <= 0) {
		if (opt.shut_on_eof && !opt.udp)
			shutdown(net, SHUT_WR);
		return false;
	}
	if (write_all(net, buf, (size_t)n) < 0) {
		fprintf(stderr, "nc: write to the network: %s\n",
			strerror(errno));
		status = 1;
		return false;
	}
	return true;
}

/* One read of the socket, written out; false once the peer is done. */
static bool from_net(int net)
{
	ssize_t n = read(net, buf, sizeof(buf));
	if (n < 0 && errno == EINTR)
		return true;
	if (n < 0) {
		fprintf(stderr, "nc: read from the network: %s\n",
			strerror(errno));
		status = 1;
		return false;
	}
	if (n == 0)
		return opt.udp; /* an empty datagram; TCP: end of file */
	if (write_all(STDOUT_FILENO, buf, (size_t)n) < 0)
		out_failed();
	return true;
}

static void relay(int net)
{
	bool in_open = true, net_open = true;
	for (;;) {
		if (!net_open && (!in_open || opt.listen))
			return;
		fd_set rd;
		FD_ZERO(&rd);
		if (in_open)
			FD_SET(STDIN_FILENO, &rd);
		if (net_open)
			FD_SET(net, &rd);
		struct timeval tv = {opt.wait_ms / 1000,
				     opt.wait_ms % 1000 * 1000};
		int r = select(net + 1, &rd, 0, 0, opt.wait_ms > 0 ? &tv : 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			fprintf(stderr, "nc: select: %s\n", strerror(errno));
			exit(1);
		}
		if (r == 0)
			return; /* idle for -w's time */
		if (in_open && FD_ISSET(STDIN_FILENO, &rd))
			in_open = from_stdin(net);
		if (net_open && FD_ISSET(net, &rd))
			net_open = from_net(net);
	}
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);
	signal(SIGPIPE, SIG_IGN);
	int net = opt.listen ? listen_peer() : connect_peer();
	relay(net);
	close(net);
	return status;
}
