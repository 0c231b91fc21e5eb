// SPDX-License-Identifier: BSD-2-Clause
/*
 * The guest's end of the network benchmarks (tests/bench.py, net_*).
 * The same source is built for Samsara (into the network test root's
 * /test) and, with the host's gcc -m32 -static, for the Linux baseline
 * guest, so that both systems run exactly the same program.  Each mode
 * listens on PORT (any address), says so, serves one connection and
 * exits:
 *
 *   b_net sink PORT       reads to end of file; prints "sink: bytes N us
 *                         T clock C", T the microseconds from the first
 *                         byte's arrival to the last's (the receiver's
 *                         clock: the sender's view would count the
 *                         host's socket buffers), C the clock's reading
 *                         as it prints
 *   b_net source PORT N   writes N bytes, then closes; the host times
 *                         them; prints "source: bytes N"
 *   b_net echo PORT       TCP_NODELAY; sends back whatever comes, as it
 *                         comes, until end of file; prints "echo: bytes
 *                         N" (the host times 1-byte round trips)
 *
 * Before serving it prints "MODE: listening on PORT clock C" (C: the
 * monotonic clock in microseconds: the harness compares the clock's pace
 * between the two lines with its own, as a guest's clock may be
 * calibrated badly); a failing call
 * prints "b_net: CALL: ERRNO" and the status is 1.  Plain POSIX only:
 * nothing here may favour one system.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 65536

static char buf[CHUNK];

static int fail(const char *what)
{
	printf("b_net: %s: %d\n", what, errno);
	fflush(stdout);
	return 1;
}

static long long now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* One accepted connection on port, after "mode: listening on port";
 * -1 on failure (said). */
static int accept_one(const char *mode, int port)
{
	int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	if (l < 0)
		return fail("socket"), -1;
	struct sockaddr_in a;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)port);
	a.sin_addr.s_addr = htonl(INADDR_ANY);
	if (setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0)
		return fail("setsockopt"), -1;
	if (bind(l, (struct sockaddr *)&a, sizeof(a)) < 0)
		return fail("bind"), -1;
	if (listen(l, 1) < 0)
		return fail("listen"), -1;
	printf("%s: listening on %d clock %lld\n", mode, port, now_us());
	fflush(stdout);
	int s = accept(l, 0, 0);
	if (s < 0)
		return fail("accept"), -1;
	close(l);
	return s;
}

static int sink(int port)
{
	int s = accept_one("sink", port);
	if (s < 0)
		return 1;
	long long total = 0, first = 0, last = 0;
	ssize_t r;
	while ((r = read(s, buf, sizeof(buf))) > 0) {
		last = now_us();
		if (total == 0)
			first = last;
		total += r;
	}
	if (r < 0)
		return fail("read");
	close(s);
	printf("sink: bytes %lld us %lld clock %lld\n", total, last - first,
	       now_us());
	fflush(stdout);
	return 0;
}

static int source(int port, long long n)
{
	int s = accept_one("source", port);
	if (s < 0)
		return 1;
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7 + (i >> 8));
	for (long long done = 0; done < n;) {
		size_t want = n - done < CHUNK ? (size_t)(n - done) : CHUNK;
		ssize_t w = write(s, buf, want);
		if (w <= 0)
			return fail("write");
		done += w;
	}
	if (close(s) < 0)
		return fail("close");
	printf("source: bytes %lld\n", n);
	fflush(stdout);
	return 0;
}

static int echo(int port)
{
	int s = accept_one("echo", port), one = 1;
	if (s < 0)
		return 1;
	if (setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) < 0)
		return fail("setsockopt");
	long long total = 0;
	ssize_t r;
	while ((r = read(s, buf, sizeof(buf))) > 0) {
		for (ssize_t done = 0, w; done < r; done += w)
			if ((w = write(s, buf + done, (size_t)(r - done))) <= 0)
				return fail("write");
		total += r;
	}
	if (r < 0)
		return fail("read");
	close(s);
	printf("echo: bytes %lld\n", total);
	fflush(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	int port = argc >= 3 ? atoi(argv[2]) : 0;
	if (port <= 0 || port > 65535)
		argc = 0;
	if (argc == 3 && !strcmp(argv[1], "sink"))
		return sink(port);
	if (argc == 4 && !strcmp(argv[1], "source") && atoll(argv[3]) > 0)
		return source(port, atoll(argv[3]));
	if (argc == 3 && !strcmp(argv[1], "echo"))
		return echo(port);
	fprintf(stderr, "usage: b_net sink PORT | source PORT BYTES | "
			"echo PORT\n");
	return 2;
}
