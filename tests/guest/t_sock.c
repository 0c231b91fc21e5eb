// SPDX-License-Identifier: BSD-2-Clause
/*
 * The socket-API suite (iso/socket_api), in the style of the POSIX
 * suite: every test runs in its own child and passes when the child
 * exits 0; a failed check prints its line and exits 1; a hang is ended
 * by SIGALRM.  It runs as root on the booted system, with INET started
 * by /etc/rc, over 127.0.0.1 (lwIP's loopback), so it needs no network
 * card.  One line per test ("ok NAME" / "not ok NAME"), then
 * "t_sock: N tests, M failed".
 *
 *   tcp        connect, accept, 256 KiB each way with a pattern check,
 *              read/write and send/recv alike, names of both ends
 *   udp        sendto/recvfrom with the sender's address, connected
 *              send, a datagram cut to the buffer, MSG_PEEK
 *   inuse      a second bind of a port: EADDRINUSE
 *   refused    connect to a port nobody listens on: ECONNREFUSED
 *   nonblock   non-blocking connect: EINPROGRESS, then writable with
 *              SO_ERROR 0 (and ECONNREFUSED for a closed port); recv
 *              with nothing queued: EWOULDBLOCK
 *   select     a socket and a pipe in one select and one poll: only
 *              the ready one is reported; a listener is readable when
 *              a connection waits
 *   timeout    SO_RCVTIMEO: a recv with nothing to read ends with
 *              EWOULDBLOCK after about the time set
 *   sockopt    SO_REUSEADDR, SO_KEEPALIVE and TCP_NODELAY read back as
 *              set; SO_ERROR, SO_TYPE; SO_SNDTIMEO ends a send that
 *              cannot go on; a broadcast needs SO_BROADCAST (EACCES);
 *              an unknown option is ENOPROTOOPT
 *   halfclose  shutdown(SHUT_WR): the peer reads end of file and can
 *              still answer
 *   backlog    listen(fd, 1): a second connection waits until the
 *              first is accepted
 *   eintr      a signal ends a blocked recv with EINTR
 *   fork       a connected socket inherited by a child: its writes
 *              arrive, and the connection ends when both close
 *   errors     bad families, types, lengths, pointers, descriptors and
 *              options each get their error
 *
 * Not in the table, for the harness to drive over a network card
 * (tests/net.py):
 *   t_sock icmp ADDR N      N echo requests to ADDR on a raw socket:
 *                           "icmp: N/N replies" when each came back
 *   t_sock tcpecho PORT     accept one connection on PORT and send back
 *                           what comes until the peer's end of file
 *   t_sock udpecho PORT N   send back the first N datagrams to PORT
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define WATCHDOG 30

static const char *current;

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			printf("t_sock: %s: line %d: %s (errno %d)\n",         \
			       current, __LINE__, #c, errno);                  \
			fflush(stdout);                                        \
			_exit(1);                                              \
		}                                                              \
	} while (0)

static struct sockaddr_in loop_addr(int port)
{
	struct sockaddr_in a;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static int listener(int port, int backlog)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	CHECK(fd >= 0);
	CHECK(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) == 0);
	struct sockaddr_in a = loop_addr(port);
	CHECK(bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0);
	CHECK(listen(fd, backlog) == 0);
	return fd;
}

static int connect_to(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(fd >= 0);
	struct sockaddr_in a = loop_addr(port);
	CHECK(connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0);
	return fd;
}

static int ms_now(void)
{
	struct timeval tv;
	gettimeofday(&tv, 0);
	return (int)(tv.tv_sec % 100000 * 1000 + tv.tv_usec / 1000);
}

static void write_all(int fd, const uint8_t *p, size_t n)
{
	while (n) {
		ssize_t r = write(fd, p, n);
		CHECK(r > 0);
		p += r, n -= (size_t)r;
	}
}

static void read_all(int fd, uint8_t *p, size_t n)
{
	while (n) {
		ssize_t r = read(fd, p, n);
		CHECK(r > 0);
		p += r, n -= (size_t)r;
	}
}

#define BIG (256 * 1024)
static uint8_t out[BIG], in[BIG];

static void pattern(uint8_t *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(i * 7 + seed + (i >> 9));
}

static void t_tcp(void)
{
	int l = listener(7001, 4);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		int c = connect_to(7001);
		pattern(out, BIG, 1);
		write_all(c, out, BIG);
		read_all(c, in, BIG);
		pattern(out, BIG, 2);
		_exit(memcmp(in, out, BIG) ? 3 : 0);
	}
	struct sockaddr_in peer, me;
	socklen_t len = sizeof(peer);
	int s = accept(l, (struct sockaddr *)&peer, &len);
	CHECK(s >= 0);
	CHECK(len == sizeof(peer) && peer.sin_family == AF_INET);
	CHECK(peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
	len = sizeof(me);
	CHECK(getsockname(s, (struct sockaddr *)&me, &len) == 0);
	CHECK(me.sin_port == htons(7001));
	struct sockaddr_in p2;
	len = sizeof(p2);
	CHECK(getpeername(s, (struct sockaddr *)&p2, &len) == 0);
	CHECK(p2.sin_port == peer.sin_port);
	size_t got = 0;
	while (got < BIG) {
		ssize_t r = recv(s, in + got, BIG - got, 0);
		CHECK(r > 0);
		got += (size_t)r;
	}
	pattern(out, BIG, 1);
	CHECK(memcmp(in, out, BIG) == 0);
	pattern(out, BIG, 2);
	for (size_t sent = 0; sent < BIG;) {
		ssize_t r = send(s, out + sent, BIG - sent, 0);
		CHECK(r > 0);
		sent += (size_t)r;
	}
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	char c;
	CHECK(read(s, &c, 1) == 0); /* the child's close: end of file */
	CHECK(close(s) == 0 && close(l) == 0);
}

static void t_udp(void)
{
	int a = socket(AF_INET, SOCK_DGRAM, 0),
	    b = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK(a >= 0 && b >= 0);
	struct sockaddr_in aa = loop_addr(7101), ba = loop_addr(7102), from;
	CHECK(bind(a, (struct sockaddr *)&aa, sizeof(aa)) == 0);
	CHECK(bind(b, (struct sockaddr *)&ba, sizeof(ba)) == 0);
	CHECK(sendto(a, "hello", 5, 0, (struct sockaddr *)&ba, sizeof(ba)) ==
	      5);
	char buf[16];
	socklen_t len = sizeof(from);
	CHECK(recvfrom(b, buf, sizeof(buf), MSG_PEEK, (struct sockaddr *)&from,
		       &len) == 5);
	CHECK(recvfrom(b, buf, sizeof(buf), 0, (struct sockaddr *)&from,
		       &len) == 5);
	CHECK(!memcmp(buf, "hello", 5) && len == sizeof(from));
	CHECK(from.sin_port == htons(7101));
	CHECK(connect(b, (struct sockaddr *)&aa, sizeof(aa)) == 0);
	CHECK(send(b, "0123456789", 10, 0) == 10);
	CHECK(recv(a, buf, 4, 0) == 4 && !memcmp(buf, "0123", 4));
	CHECK(send(b, "x", 1, 0) == 1); /* the rest of the last one is lost */
	CHECK(recv(a, buf, sizeof(buf), 0) == 1 && buf[0] == 'x');
	CHECK(close(a) == 0 && close(b) == 0);
}

static void t_inuse(void)
{
	int a = socket(AF_INET, SOCK_STREAM, 0),
	    b = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = loop_addr(7201);
	CHECK(bind(a, (struct sockaddr *)&sa, sizeof(sa)) == 0);
	CHECK(bind(b, (struct sockaddr *)&sa, sizeof(sa)) < 0 &&
	      errno == EADDRINUSE);
	int u = socket(AF_INET, SOCK_DGRAM, 0),
	    v = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK(bind(u, (struct sockaddr *)&sa, sizeof(sa)) == 0);
	CHECK(bind(v, (struct sockaddr *)&sa, sizeof(sa)) < 0 &&
	      errno == EADDRINUSE);
}

static void t_refused(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = loop_addr(7301);
	CHECK(connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0);
	CHECK(errno == ECONNREFUSED);
}

static bool writable(int fd, int ms)
{
	fd_set w;
	FD_ZERO(&w);
	FD_SET(fd, &w);
	struct timeval tv = {ms / 1000, ms % 1000 * 1000};
	return select(fd + 1, 0, &w, 0, &tv) == 1 && FD_ISSET(fd, &w);
}

static void t_nonblock(void)
{
	int l = listener(7401, 4);
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), err;
	socklen_t len = sizeof(err);
	struct sockaddr_in a = loop_addr(7401);
	int r = connect(fd, (struct sockaddr *)&a, sizeof(a));
	CHECK(r == 0 || (r < 0 && errno == EINPROGRESS));
	CHECK(writable(fd, 2000));
	CHECK(getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 &&
	      err == 0);
	char c;
	CHECK(recv(fd, &c, 1, 0) < 0 && errno == EWOULDBLOCK);
	int s = accept(l, 0, 0);
	CHECK(s >= 0);
	CHECK(fcntl(s, F_SETFL, O_NONBLOCK) == 0);
	CHECK(read(s, &c, 1) < 0 && errno == EAGAIN);
	int bad = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(fcntl(bad, F_SETFL, O_NONBLOCK) == 0);
	a = loop_addr(7402);
	r = connect(bad, (struct sockaddr *)&a, sizeof(a));
	CHECK(r < 0 && (errno == EINPROGRESS || errno == ECONNREFUSED));
	if (errno == EINPROGRESS) {
		CHECK(writable(bad, 2000));
		CHECK(getsockopt(bad, SOL_SOCKET, SO_ERROR, &err, &len) == 0);
		CHECK(err == ECONNREFUSED);
	}
}

static void t_select(void)
{
	int l = listener(7501, 4), p[2];
	CHECK(pipe(p) == 0);
	int c = connect_to(7501);
	fd_set r;
	FD_ZERO(&r);
	FD_SET(l, &r);
	FD_SET(p[0], &r);
	struct timeval tv = {2, 0};
	CHECK(select((l > p[0] ? l : p[0]) + 1, &r, 0, 0, &tv) == 1);
	CHECK(FD_ISSET(l, &r) && !FD_ISSET(p[0], &r));
	int s = accept(l, 0, 0);
	CHECK(s >= 0);
	struct pollfd fds[2] = {{s, POLLIN, 0}, {p[0], POLLIN, 0}};
	CHECK(poll(fds, 2, 100) == 0); /* nothing yet */
	CHECK(write(p[1], "p", 1) == 1);
	CHECK(poll(fds, 2, 1000) == 1 && fds[1].revents & POLLIN &&
	      !(fds[0].revents & POLLIN));
	char x;
	CHECK(read(p[0], &x, 1) == 1);
	pid_t pid = fork();
	if (pid == 0) {
		usleep(200000);
		_exit(write(c, "s", 1) == 1 ? 0 : 1);
	}
	int t0 = ms_now();
	CHECK(poll(fds, 2, 5000) == 1 && fds[0].revents & POLLIN);
	CHECK(ms_now() - t0 >= 150);
	CHECK(recv(s, &x, 1, 0) == 1 && x == 's');
	waitpid(pid, 0, 0);
}

static void t_timeout(void)
{
	int l = listener(7601, 4), c = connect_to(7601), s = accept(l, 0, 0);
	CHECK(s >= 0);
	struct timeval tv = {0, 300000};
	CHECK(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0);
	struct timeval back;
	socklen_t len = sizeof(back);
	CHECK(getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &back, &len) == 0);
	CHECK(back.tv_sec == 0 && back.tv_usec == 300000);
	char x;
	int t0 = ms_now();
	CHECK(recv(s, &x, 1, 0) < 0 && errno == EWOULDBLOCK);
	int took = ms_now() - t0;
	CHECK(took >= 250 && took < 3000);
	(void)c;
}

/* getsockopt of an int option: its value. */
static int get_int(int fd, int level, int name)
{
	int v = -1;
	socklen_t len = sizeof(v);
	CHECK(getsockopt(fd, level, name, &v, &len) == 0 && len == sizeof(v));
	return v;
}

static void t_sockopt(void)
{
	int one = 1, zero = 0;
	int l = listener(7651, 4), c = connect_to(7651), s = accept(l, 0, 0);
	CHECK(s >= 0);
	/* Each boolean option reads back what was set, on and off. */
	static const struct {
		int level, name;
	} flags[] = {{SOL_SOCKET, SO_REUSEADDR},
		     {SOL_SOCKET, SO_KEEPALIVE},
		     {IPPROTO_TCP, TCP_NODELAY}};
	for (unsigned i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		CHECK(setsockopt(c, flags[i].level, flags[i].name, &one,
				 sizeof(one)) == 0);
		CHECK(get_int(c, flags[i].level, flags[i].name) != 0);
		CHECK(setsockopt(c, flags[i].level, flags[i].name, &zero,
				 sizeof(zero)) == 0);
		CHECK(get_int(c, flags[i].level, flags[i].name) == 0);
	}
	CHECK(get_int(c, SOL_SOCKET, SO_ERROR) == 0);
	CHECK(get_int(c, SOL_SOCKET, SO_TYPE) == SOCK_STREAM);
	/* SO_SNDTIMEO: a send that cannot go on (the peer reads nothing,
	 * every buffer fills) ends after about the time set, with what it
	 * sent or EWOULDBLOCK. */
	struct timeval tv = {0, 300000}, back;
	socklen_t len = sizeof(back);
	CHECK(setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) == 0);
	CHECK(getsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &back, &len) == 0);
	CHECK(back.tv_sec == 0 && back.tv_usec == 300000);
	int t0 = ms_now();
	ssize_t n = 0;
	for (int k = 0; k < 64 && n >= 0; k++)
		n = send(c, out, BIG, 0);
	CHECK(n < 0 && errno == EWOULDBLOCK);
	int took = ms_now() - t0;
	CHECK(took >= 250 && took < 10000);
	/* SO_BROADCAST: a datagram to 255.255.255.255 needs it. */
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK(u >= 0);
	CHECK(get_int(u, SOL_SOCKET, SO_BROADCAST) == 0);
	CHECK(get_int(u, SOL_SOCKET, SO_TYPE) == SOCK_DGRAM);
	struct sockaddr_in all = loop_addr(7652);
	all.sin_addr.s_addr = htonl(INADDR_BROADCAST);
	CHECK(sendto(u, "b", 1, 0, (struct sockaddr *)&all, sizeof(all)) < 0 &&
	      errno == EACCES);
	CHECK(setsockopt(u, SOL_SOCKET, SO_BROADCAST, &one, sizeof(one)) == 0);
	CHECK(get_int(u, SOL_SOCKET, SO_BROADCAST) != 0);
	CHECK(sendto(u, "b", 1, 0, (struct sockaddr *)&all, sizeof(all)) < 0
		      ? errno != EACCES
		      : 1);
	/* An option nobody knows, and one of the wrong level. */
	CHECK(setsockopt(c, SOL_SOCKET, 0x7777, &one, sizeof(one)) < 0 &&
	      errno == ENOPROTOOPT);
	CHECK(getsockopt(u, IPPROTO_TCP, TCP_NODELAY, &one, &len) < 0);
	close(u);
}

static void t_halfclose(void)
{
	int l = listener(7701, 4), c = connect_to(7701), s = accept(l, 0, 0);
	CHECK(s >= 0);
	CHECK(write(c, "abc", 3) == 3);
	CHECK(shutdown(c, SHUT_WR) == 0);
	char buf[8];
	read_all(s, (uint8_t *)buf, 3);
	CHECK(read(s, buf, sizeof(buf)) == 0);
	CHECK(write(s, "back", 4) == 4);
	read_all(c, (uint8_t *)buf, 4);
	CHECK(!memcmp(buf, "back", 4));
	CHECK(write(c, "x", 1) < 0 && errno == EPIPE);
}

static void t_backlog(void)
{
	int l = listener(7801, 1);
	int a = connect_to(7801);
	int b = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	struct sockaddr_in sa = loop_addr(7801);
	int r = connect(b, (struct sockaddr *)&sa, sizeof(sa));
	CHECK(r < 0 && errno == EINPROGRESS);
	CHECK(!writable(b, 500)); /* the queue is full: b waits */
	int s = accept(l, 0, 0);
	CHECK(s >= 0);
	CHECK(writable(b, 10000)); /* its SYN, sent again, gets in */
	int err;
	socklen_t len = sizeof(err);
	CHECK(getsockopt(b, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0);
	CHECK(accept(l, 0, 0) >= 0);
	(void)a;
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void t_eintr(void)
{
	int l = listener(7901, 4), c = connect_to(7901), s = accept(l, 0, 0);
	CHECK(s >= 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm; /* no SA_RESTART */
	CHECK(sigaction(SIGALRM, &sa, 0) == 0);
	alarm(1);
	char x;
	CHECK(recv(s, &x, 1, 0) < 0 && errno == EINTR);
	CHECK(write(c, "y", 1) == 1); /* the socket still works */
	CHECK(read(s, &x, 1) == 1 && x == 'y');
}

static void t_fork(void)
{
	int l = listener(8001, 4), c = connect_to(8001), s = accept(l, 0, 0);
	CHECK(s >= 0);
	pid_t pid = fork();
	if (pid == 0) {
		_exit(write(c, "child", 5) == 5 ? 0 : 1);
	}
	char buf[8];
	read_all(s, (uint8_t *)buf, 5);
	CHECK(!memcmp(buf, "child", 5));
	int st;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	      WEXITSTATUS(st) == 0);
	int d = dup(c);
	CHECK(d >= 0 && close(c) == 0);
	CHECK(write(d, "dup", 3) == 3); /* still open through the dup */
	read_all(s, (uint8_t *)buf, 3);
	CHECK(close(d) == 0);
	CHECK(read(s, buf, 1) == 0); /* the last close ends it */
}

static void t_errors(void)
{
	CHECK(socket(AF_INET6, SOCK_STREAM, 0) < 0 && errno == EAFNOSUPPORT);
	CHECK(socket(AF_INET, 99, 0) < 0 &&
	      (errno == EPROTOTYPE || errno == EPROTONOSUPPORT));
	CHECK(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP) < 0 &&
	      errno == EPROTONOSUPPORT);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = loop_addr(8101);
	CHECK(bind(fd, (struct sockaddr *)&a, 4) < 0 && errno == EINVAL);
	CHECK(bind(fd, (struct sockaddr *)8, sizeof(a)) < 0 && errno == EFAULT);
	a.sin_family = AF_INET6;
	CHECK(bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 &&
	      errno == EAFNOSUPPORT);
	int one = 1;
	CHECK(setsockopt(fd, SOL_SOCKET, 12345, &one, sizeof(one)) < 0 &&
	      errno == ENOPROTOOPT);
	CHECK(setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, 2) < 0 &&
	      errno == EINVAL);
	CHECK(setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) == 0);
	CHECK(listen(99, 1) < 0 && errno == EBADF);
	int p[2];
	CHECK(pipe(p) == 0);
	CHECK(listen(p[0], 1) < 0 && errno == ENOTSOCK);
	CHECK(send(fd, "x", 1, 0) < 0 && errno == ENOTCONN);
	char x;
	CHECK(recv(fd, &x, 1, 0) < 0 && errno == ENOTCONN);
	CHECK(lseek(fd, 0, SEEK_SET) < 0 && errno == ESPIPE);
	int l = listener(8102, 4), c = connect_to(8102), s = accept(l, 0, 0);
	CHECK(s >= 0 && write(c, "z", 1) == 1);
	CHECK(recv(s, (void *)8, 1, 0) < 0 && errno == EFAULT);
	socklen_t *bad_len = (socklen_t *)12;
	CHECK(accept(l, (struct sockaddr *)8, bad_len) < 0 && errno == EFAULT);
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);
	CHECK(getpeername(l, (struct sockaddr *)&peer, &len) < 0 &&
	      errno == ENOTCONN);
	if (fork() == 0) { /* raw sockets are root's */
		setuid(100);
		_exit(socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) < 0 &&
				      (errno == EACCES || errno == EPERM)
			      ? 0
			      : 1);
	}
	int st;
	wait(&st);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	int raw = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	CHECK(raw >= 0);
}

static const struct {
	const char *name;
	void (*fn)(void);
} tests[] = {
	{"tcp", t_tcp},
	{"udp", t_udp},
	{"inuse", t_inuse},
	{"refused", t_refused},
	{"nonblock", t_nonblock},
	{"select", t_select},
	{"timeout", t_timeout},
	{"sockopt", t_sockopt},
	{"halfclose", t_halfclose},
	{"backlog", t_backlog},
	{"eintr", t_eintr},
	{"fork", t_fork},
	{"errors", t_errors},
};

static uint16_t icmp_sum(const uint8_t *p, size_t n)
{
	uint32_t sum = 0;
	for (size_t i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static int icmp(const char *addr, int n)
{
	int fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), got = 0;
	struct sockaddr_in to;
	memset(&to, 0, sizeof(to));
	to.sin_family = AF_INET;
	if (fd < 0 || inet_pton(AF_INET, addr, &to.sin_addr) != 1)
		return 1;
	struct timeval tv = {2, 0};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	for (int seq = 1; seq <= n; seq++) {
		uint8_t req[64] = {8, 0, 0, 0, 0x53, 0x4d, 0, (uint8_t)seq};
		uint16_t c = icmp_sum(req, sizeof(req));
		req[2] = (uint8_t)(c >> 8), req[3] = (uint8_t)c;
		if (sendto(fd, req, sizeof(req), 0, (struct sockaddr *)&to,
			   sizeof(to)) != sizeof(req))
			return 1;
		for (;;) {
			uint8_t rep[256];
			ssize_t r = recv(fd, rep, sizeof(rep), 0);
			if (r < 0)
				break; /* timed out: lost */
			size_t hl = (size_t)(rep[0] & 15) * 4;
			if ((size_t)r >= hl + 8 && rep[hl] == 0 &&
			    rep[hl + 4] == 0x53 && rep[hl + 7] == seq &&
			    !memcmp(rep + 12, &to.sin_addr, 4)) {
				got++;
				break;
			}
		}
	}
	printf("icmp: %d/%d replies\n", got, n);
	return got == n ? 0 : 1;
}

static int tcpecho(int port)
{
	int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	struct sockaddr_in a;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 1) < 0)
		return 1;
	printf("tcpecho: listening on %d\n", port);
	fflush(stdout);
	int s = accept(l, 0, 0);
	long total = 0;
	for (ssize_t r; s >= 0 && (r = read(s, in, sizeof(in))) > 0;) {
		for (ssize_t done = 0, w; done < r; done += w)
			if ((w = write(s, in + done, (size_t)(r - done))) <= 0)
				return 1;
		total += r;
	}
	printf("tcpecho: %ld bytes\n", total);
	return s < 0 || close(s) < 0;
}

static int udpecho(int port, int n)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
		return 1;
	printf("udpecho: listening on %d\n", port);
	fflush(stdout);
	for (int i = 0; i < n; i++) {
		struct sockaddr_in from;
		socklen_t len = sizeof(from);
		ssize_t r = recvfrom(fd, in, sizeof(in), 0,
				     (struct sockaddr *)&from, &len);
		printf("udpecho: %d bytes from %s:%d\n", (int)r,
		       inet_ntoa(from.sin_addr), ntohs(from.sin_port));
		fflush(stdout);
		if (r < 0 || sendto(fd, in, (size_t)r, 0,
				    (struct sockaddr *)&from, len) != r)
			return 1;
	}
	printf("udpecho: %d datagrams\n", n);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "icmp"))
		return icmp(argv[2], atoi(argv[3]));
	if (argc == 3 && !strcmp(argv[1], "tcpecho"))
		return tcpecho(atoi(argv[2]));
	if (argc == 4 && !strcmp(argv[1], "udpecho"))
		return udpecho(atoi(argv[2]), atoi(argv[3]));
	int failed = 0, n = 0;
	for (unsigned i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (argc > 1 && strcmp(argv[1], tests[i].name))
			continue;
		n++;
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			current = tests[i].name;
			signal(SIGPIPE, SIG_IGN);
			alarm(WATCHDOG);
			tests[i].fn();
			_exit(0);
		}
		int st = -1;
		waitpid(pid, &st, 0);
		bool ok = pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
		failed += !ok;
		printf("%s %s\n", ok ? "ok" : "not ok", tests[i].name);
	}
	printf("t_sock: %d tests, %d failed\n", n, failed);
	return failed != 0;
}
