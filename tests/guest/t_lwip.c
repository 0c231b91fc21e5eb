// SPDX-License-Identifier: BSD-2-Clause
/*
 * lwIP as INET builds it (build/lib/liblwip.a: servers/inet/lwip's
 * options and port), run inside one Samsara process: t_lwip CASE.
 *
 *   loopback  lwip_init() brings up lo0 at 127.0.0.1; LWIP_RAND gives
 *             different numbers; a 100 ms sys_timeout fires after
 *             100 ms to 1 s of sys_now.  Then, all on lo0 and driven
 *             only by this program's loop (netif_poll_all delivers
 *             what the loopback queued, sys_check_timeouts runs lwIP's
 *             timers):
 *             - UDP: a datagram from an ephemeral port to a bound one
 *               and the answer back, both checked byte for byte, with
 *               the sender's address and port;
 *             - ICMP: an echo request from a raw PCB, answered by lwIP,
 *               the reply seen by the raw PCB;
 *             - TCP: a connection to a listener, 256 KiB through an
 *               echo server that holds what its send buffer cannot
 *               take and opens its receive window only as it echoes,
 *               every byte checked, then a half-close each way.
 *             Afterwards lwIP's heap and receive pool are empty again
 *             and its counters show the traffic without errors.
 *   assert    a child trips an lwIP assertion (pbuf_free(NULL)): it
 *             must end at once with RS's panic status, after one
 *             "panic: t_lwip: lwIP assertion ..." line (the harness
 *             checks the line).
 */
#include <string.h>

#include "lwip/icmp.h"
#include "lwip/inet_chksum.h"
#include "lwip/init.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/prot/ip4.h"
#include "lwip/raw.h"
#include "lwip/stats.h"
#include "lwip/sys.h"
#include "lwip/tcp.h"
#include "lwip/timeouts.h"
#include "lwip/udp.h"
#include "proto/rs.h"
#include "tlib.h"

#define UDP_PORT 7000
#define TCP_PORT 7001
#define TCP_TOTAL (256 * 1024)
#define WAIT_MS 30000

static ip_addr_t lo_addr;

/* Run lwIP until *done or ms have passed; true if done. */
static bool run_until(const bool *done, uint32_t ms)
{
	uint32_t start = sys_now();
	while (!*done && sys_now() - start < ms) {
		netif_poll_all();
		sys_check_timeouts();
	}
	return *done;
}

static struct pbuf *pbuf_of(const void *data, u16_t len, pbuf_layer layer)
{
	struct pbuf *p = pbuf_alloc(layer, len, PBUF_RAM);
	T_ASSERT(p != NULL);
	T_EQ(pbuf_take(p, data, len), ERR_OK);
	return p;
}

/* ---- a timer on sys_now ---- */

static uint32_t timer_fired_at;
static bool timer_fired;

static void timer_fire(void *arg)
{
	(void)arg;
	timer_fired_at = sys_now();
	timer_fired = true;
}

static void check_timer(void)
{
	uint32_t t0 = sys_now();
	sys_timeout(100, timer_fire, 0);
	T_ASSERT(run_until(&timer_fired, WAIT_MS));
	uint32_t waited = timer_fired_at - t0;
	t_log("t_lwip: a 100 ms lwIP timeout fired after %u ms\n",
	      (unsigned)waited);
	T_ASSERT(waited >= 100 && waited < 1000);
}

/* ---- UDP ---- */

struct udp_seen {
	bool got;
	char data[64];
	u16_t len, port;
	ip_addr_t from;
};

static void udp_got(void *arg, struct udp_pcb *pcb, struct pbuf *p,
		    const ip_addr_t *addr, u16_t port)
{
	struct udp_seen *s = arg;
	(void)pcb;
	s->len = pbuf_copy_partial(p, s->data, sizeof(s->data) - 1, 0);
	s->data[s->len] = 0;
	s->port = port;
	ip_addr_copy(s->from, *addr);
	s->got = true;
	pbuf_free(p);
}

static void check_udp(void)
{
	static struct udp_seen at_srv, at_cli;
	struct udp_pcb *srv = udp_new(), *cli = udp_new();
	T_ASSERT(srv != NULL && cli != NULL);
	T_EQ(udp_bind(srv, &lo_addr, UDP_PORT), ERR_OK);
	T_EQ(udp_bind(cli, &lo_addr, 0), ERR_OK);
	T_ASSERT(cli->local_port >= 0xc000); /* lwIP's ephemeral range */
	udp_recv(srv, udp_got, &at_srv);
	udp_recv(cli, udp_got, &at_cli);

	const char *ask = "a datagram to 127.0.0.1";
	struct pbuf *p = pbuf_of(ask, (u16_t)strlen(ask), PBUF_TRANSPORT);
	T_EQ(udp_sendto(cli, p, &lo_addr, UDP_PORT), ERR_OK);
	pbuf_free(p);
	T_ASSERT(run_until(&at_srv.got, WAIT_MS));
	T_EQ(strcmp(at_srv.data, ask), 0);
	T_EQ(at_srv.port, cli->local_port);
	T_ASSERT(ip_addr_cmp(&at_srv.from, &lo_addr));

	const char *answer = "and its answer";
	p = pbuf_of(answer, (u16_t)strlen(answer), PBUF_TRANSPORT);
	T_EQ(udp_sendto(srv, p, &at_srv.from, at_srv.port), ERR_OK);
	pbuf_free(p);
	T_ASSERT(run_until(&at_cli.got, WAIT_MS));
	T_EQ(strcmp(at_cli.data, answer), 0);
	T_EQ(at_cli.port, UDP_PORT);
	udp_remove(srv);
	udp_remove(cli);
}

/* ---- ICMP through a raw PCB ---- */

#define PING_ID 0x5a5a
#define PING_SEQ 7

static bool ping_answered;

/* Sees every ICMP packet to 127.0.0.1: our request (left to lwIP, which
 * answers it) and the reply (taken). */
static u8_t ping_got(void *arg, struct raw_pcb *pcb, struct pbuf *p,
		     const ip_addr_t *addr)
{
	(void)arg;
	(void)pcb;
	(void)addr;
	struct ip_hdr ip;
	struct icmp_echo_hdr echo;
	if (pbuf_copy_partial(p, &ip, sizeof(ip), 0) != sizeof(ip))
		return 0;
	u16_t hl = IPH_HL_BYTES(&ip);
	if (pbuf_copy_partial(p, &echo, sizeof(echo), hl) != sizeof(echo))
		return 0;
	if (echo.type != ICMP_ER || echo.id != lwip_htons(PING_ID) ||
	    echo.seqno != lwip_htons(PING_SEQ))
		return 0;
	ping_answered = true;
	pbuf_free(p);
	return 1;
}

static void check_ping(void)
{
	struct raw_pcb *pcb = raw_new(IP_PROTO_ICMP);
	T_ASSERT(pcb != NULL);
	raw_recv(pcb, ping_got, 0);
	struct {
		struct icmp_echo_hdr h;
		char data[32];
	} req;
	memset(&req, 0, sizeof(req));
	req.h.type = ICMP_ECHO;
	req.h.id = lwip_htons(PING_ID);
	req.h.seqno = lwip_htons(PING_SEQ);
	memset(req.data, 'p', sizeof(req.data));
	req.h.chksum = inet_chksum(&req, sizeof(req));
	struct pbuf *p = pbuf_of(&req, sizeof(req), PBUF_IP);
	T_EQ(raw_sendto(pcb, p, &lo_addr), ERR_OK);
	pbuf_free(p);
	T_ASSERT(run_until(&ping_answered, WAIT_MS));
	raw_remove(pcb);
}

/* ---- TCP: a client, an echo server ---- */

static uint8_t pattern(uint32_t i)
{
	return (uint8_t)(i * 7 + (i >> 8) + (i >> 16));
}

struct tcp_client {
	struct tcp_pcb *pcb;
	uint32_t sent, echoed;
	bool connected, bad_byte, closed;
};

struct tcp_server {
	struct tcp_pcb *pcb;
	uint8_t held[TCP_WND]; /* received, not yet echoed */
	uint32_t nheld;
	uint32_t pushed_back; /* times the send buffer could not take all */
	bool accepted, closed;
};

static struct tcp_client client;
static struct tcp_server server;

static void client_push(struct tcp_client *c)
{
	static uint8_t chunk[2048];
	while (c->sent < TCP_TOTAL && tcp_sndbuf(c->pcb) > 0) {
		uint32_t n = TCP_TOTAL - c->sent;
		n = n > sizeof(chunk) ? sizeof(chunk) : n;
		n = n > tcp_sndbuf(c->pcb) ? tcp_sndbuf(c->pcb) : n;
		for (uint32_t i = 0; i < n; i++)
			chunk[i] = pattern(c->sent + i);
		if (tcp_write(c->pcb, chunk, (u16_t)n, TCP_WRITE_FLAG_COPY) !=
		    ERR_OK)
			break; /* the queue is full: sent() calls again */
		c->sent += n;
	}
	tcp_output(c->pcb);
}

static err_t client_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	(void)pcb;
	(void)len;
	client_push(arg);
	return ERR_OK;
}

static err_t client_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p,
			 err_t err)
{
	struct tcp_client *c = arg;
	T_EQ(err, ERR_OK);
	if (p == NULL) { /* the server's FIN, after all the echo */
		T_EQ(tcp_close(pcb), ERR_OK);
		c->closed = true;
		return ERR_OK;
	}
	for (struct pbuf *q = p; q; q = q->next)
		for (u16_t i = 0; i < q->len; i++)
			if (((uint8_t *)q->payload)[i] != pattern(c->echoed++))
				c->bad_byte = true;
	tcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	if (c->echoed == TCP_TOTAL) /* all back: close our half */
		T_EQ(tcp_shutdown(pcb, 0, 1), ERR_OK);
	return ERR_OK;
}

static err_t client_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct tcp_client *c = arg;
	(void)pcb;
	T_EQ(err, ERR_OK);
	c->connected = true;
	client_push(c);
	return ERR_OK;
}

static void client_error(void *arg, err_t err)
{
	(void)arg;
	t_log("t_lwip: the client's connection failed: error %d\n", err);
	t_fail(__FILE__, __LINE__, "a TCP error on the client");
}

/* Echo what is held, as far as the send buffer takes it.  Only what is
 * echoed is acknowledged to the receive window (tcp_recved), so the
 * client can never send more than `held` has room for. */
static void server_flush(struct tcp_server *s)
{
	uint32_t n = s->nheld;
	n = n > tcp_sndbuf(s->pcb) ? tcp_sndbuf(s->pcb) : n;
	if (n > 0 &&
	    tcp_write(s->pcb, s->held, (u16_t)n, TCP_WRITE_FLAG_COPY) != ERR_OK)
		n = 0;
	if (n < s->nheld)
		s->pushed_back++;
	if (n == 0)
		return;
	memmove(s->held, s->held + n, s->nheld - n);
	s->nheld -= n;
	tcp_recved(s->pcb, (u16_t)n);
	tcp_output(s->pcb);
}

static err_t server_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p,
			 err_t err)
{
	struct tcp_server *s = arg;
	T_EQ(err, ERR_OK);
	if (p == NULL) { /* the client's FIN: all was echoed; close ours */
		T_EQ(s->nheld, 0);
		T_EQ(tcp_close(pcb), ERR_OK);
		s->closed = true;
		return ERR_OK;
	}
	T_ASSERT(s->nheld + p->tot_len <= sizeof(s->held));
	s->nheld += pbuf_copy_partial(p, s->held + s->nheld, p->tot_len, 0);
	pbuf_free(p);
	server_flush(s);
	return ERR_OK;
}

static err_t server_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	(void)pcb;
	(void)len;
	server_flush(arg);
	return ERR_OK;
}

static err_t server_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct tcp_server *s = arg;
	T_EQ(err, ERR_OK);
	T_ASSERT(!s->accepted);
	s->accepted = true;
	s->pcb = pcb;
	tcp_arg(pcb, s);
	tcp_recv(pcb, server_recv);
	tcp_sent(pcb, server_sent);
	return ERR_OK;
}

static void check_tcp(void)
{
	struct tcp_pcb *l = tcp_new();
	T_ASSERT(l != NULL);
	T_EQ(tcp_bind(l, &lo_addr, TCP_PORT), ERR_OK);
	struct tcp_pcb *listener = tcp_listen(l);
	T_ASSERT(listener != NULL);
	tcp_arg(listener, &server);
	tcp_accept(listener, server_accept);

	client.pcb = tcp_new();
	T_ASSERT(client.pcb != NULL);
	tcp_arg(client.pcb, &client);
	tcp_recv(client.pcb, client_recv);
	tcp_sent(client.pcb, client_sent);
	tcp_err(client.pcb, client_error);
	uint32_t t0 = sys_now();
	T_EQ(tcp_connect(client.pcb, &lo_addr, TCP_PORT, client_connected),
	     ERR_OK);
	T_ASSERT(run_until(&client.connected, WAIT_MS));
	T_ASSERT(server.accepted);

	while (!(client.closed && server.closed) && sys_now() - t0 < WAIT_MS) {
		netif_poll_all();
		sys_check_timeouts();
	}
	uint32_t ms = sys_now() - t0;
	t_log("t_lwip: tcp echo of %u bytes in %u ms; sent %u, echoed %u; "
	      "server pushed back %u times; segments out %u, dropped %u\n",
	      TCP_TOTAL, (unsigned)ms, (unsigned)client.sent,
	      (unsigned)client.echoed, (unsigned)server.pushed_back,
	      (unsigned)lwip_stats.tcp.xmit, (unsigned)lwip_stats.tcp.drop);
	T_ASSERT(client.closed && server.closed);
	T_EQ(client.sent, TCP_TOTAL);
	T_EQ(client.echoed, TCP_TOTAL);
	T_ASSERT(!client.bad_byte);
	T_EQ(tcp_close(listener), ERR_OK);
}

/* After the traffic: every buffer back, counters as expected. */
static void check_counters(void)
{
	for (int i = 0; i < 100; i++) { /* the last ACKs */
		netif_poll_all();
		sys_check_timeouts();
	}
	t_log("t_lwip: heap used %u (max %u), pool used %u (max %u), "
	      "udp recv %u, icmp recv %u, tcp recv %u\n",
	      (unsigned)lwip_stats.mem.used, (unsigned)lwip_stats.mem.max,
	      (unsigned)lwip_stats.memp[MEMP_PBUF_POOL]->used,
	      (unsigned)lwip_stats.memp[MEMP_PBUF_POOL]->max,
	      (unsigned)lwip_stats.udp.recv, (unsigned)lwip_stats.icmp.recv,
	      (unsigned)lwip_stats.tcp.recv);
	T_EQ(lwip_stats.mem.used, 0);
	T_EQ(lwip_stats.mem.err, 0);
	T_EQ(lwip_stats.memp[MEMP_PBUF_POOL]->used, 0);
	T_EQ(lwip_stats.udp.recv, 2);
	T_EQ(lwip_stats.icmp.recv,
	     1); /* the request; the raw PCB took the reply */
	T_EQ(lwip_stats.icmp.xmit, 1); /* lwIP's answer */
	T_ASSERT(lwip_stats.tcp.recv >= TCP_TOTAL / TCP_MSS);
	T_EQ(lwip_stats.tcp.chkerr + lwip_stats.ip.chkerr, 0);
	T_EQ(lwip_stats.tcp.memerr + lwip_stats.udp.memerr, 0);
}

static void case_loopback(void)
{
	lwip_init();
	IP_ADDR4(&lo_addr, 127, 0, 0, 1);
	struct netif *lo = netif_find("lo0");
	T_ASSERT(lo != NULL);
	T_ASSERT(ip4_addr_cmp(netif_ip4_addr(lo), &lo_addr));
	T_ASSERT(netif_is_up(lo) && netif_is_link_up(lo));

	uint32_t a = LWIP_RAND(), b = LWIP_RAND();
	T_ASSERT(a != b);
	check_timer();
	check_udp();
	check_ping();
	check_tcp();
	check_counters();
}

static int trip_assertion(void *arg)
{
	(void)arg;
	sef_startup("t_lwip");
	lwip_init();
	pbuf_free(NULL); /* LWIP_ASSERT("p != NULL") */
	return 0;	 /* not reached: the assertion ends the process */
}

static void case_assert(void)
{
	endpoint_t child = t_spawn(trip_assertion, 0);
	struct kc_getksig k = t_reap();
	T_EQ(k.who, child);
	T_EQ(k.kind, KSIG_EXIT);
	T_EQ(k.status, RS_PANIC_STATUS);
}

static const struct t_case_entry cases[] = {
	{"loopback", case_loopback},
	{"assert", case_assert},
};

int main(int argc, char **argv)
{
	t_run_case(argc, argv, cases, sizeof(cases) / sizeof(cases[0]));
}
