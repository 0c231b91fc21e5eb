// SPDX-License-Identifier: BSD-2-Clause
/*
 * The network drivers and their library from INET's side (guest tests
 * "ndev_isa", "ndev_pci" and "ndev_rtl8139").  Booted with memory, fs,
 * vfs, pm, ds, pci and rs, one QEMU card on a restricted user network
 * -- an NE2000 (ne2k_isa at 0x300/IRQ 9, or ne2k_pci at slot 3, IRQ
 * 11) or an RTL8139 (slot 5, IRQ 10) -- and a RAM disk holding
 * /sbin/ne2000, /sbin/ne2000pci and /sbin/rtl8139 with their policies
 * (the product's, with t_ndev added to their ipc lines) and PCI's.
 * t_ndev starts the driver through RS as `ne2000 isa 0x300 9
 * clients=t_ndev`, `ne2000pci pci clients=t_ndev` or `rtl8139
 * clients=t_ndev` and plays INET
 * through lib/libsys/ndev.c:
 *
 *   start    RS runs it and DS has drv.net.LABEL = 0 (no restart)
 *   session  requests before INIT and with another session: ESTALE;
 *            INIT gives QEMU's mac=, the card's name, queue limits
 *            (and the RTL8139's link: up)
 *   invalid  bad mode bits, lengths and ids: EINVAL
 *   arp      CONF UP|BCAST, receive buffers posted; an ARP request
 *            for 10.0.2.2 from 10.0.2.15 gets slirp's reply (to our
 *            MAC, from 10.0.2.2); the sent frame's entry says 0
 *   ping     an ICMP echo request to 10.0.2.2, built here with its
 *            checksums, comes back as a reply with the same id, seq
 *            and payload and correct checksums
 *   bulk     80 echo requests of 1400 bytes, one after another: every
 *            reply comes back whole, in order -- more than a receive
 *            ring holds (64 KiB on the RTL8139), so the driver goes
 *            round its ring and copies frames that wrap at its end
 *   queues   frames and buffers past max_send / max_recv: EAGAIN,
 *            until a collect frees them; a new INIT forgets the old
 *            session's buffers (nothing collected, all room again)
 *   eperm    a second process (a child of t_ndev) gets EPERM
 *   restart  RS_FI_CRASH: RS starts a new instance, which publishes
 *            drv.net.LABEL = 1; the new instance has no session
 *            (ESTALE), INIT reports restarts 1 and the same MAC, and
 *            ARP works again.  The RTL8139, a bus master, had DMA
 *            memory: the kernel's counters show it quarantined at the
 *            crash and released (once PCI turned bus mastering off),
 *            and the new instance's ping works
 * Each part fails with its own name; "PASS: ndev" comes only at the
 * end.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "dsclient.h"
#include "ndevclient.h"
#include "rsclient.h"
#include "tlib.h"

#define NR_RX 8
#define BUF_SIZE 1536
#define RX_ID 100 /* receive buffer i has id RX_ID + i */
#define WAIT_MS 3000

static endpoint_t rs, drv;
static const char *label; /* "ne2000", "ne2000pci" or "rtl8139" */
static bool rtl;	  /* the RTL8139 */
static uint32_t session;
static uint8_t mac[6], gw_mac[6];
static const uint8_t my_ip[4] = {10, 0, 2, 15}, gw_ip[4] = {10, 0, 2, 2};

static uint8_t rx[NR_RX][BUF_SIZE], tx[BUF_SIZE];
static grant_id_t rx_grant[NR_RX], tx_grant = -1;
static bool rx_posted[NR_RX];

static void pause_ms(long ms)
{
	struct timespec t = {0, ms * 1000 * 1000};
	nanosleep(&t, 0);
}

static endpoint_t wait_running(endpoint_t old)
{
	struct rs_info i;
	uint64_t end = t_ticks() + WAIT_MS / 10;
	while (t_ticks() < end) {
		if (t_rs_info(rs, label, &i) && i.state == RS_STATE_RUNNING &&
		    i.ep != old && i.ep != NONE)
			return i.ep;
		pause_ms(5);
	}
	t_log("ndev: %s did not come up\n", label);
	T_ASSERT(0);
}

/* DS's drv.net.LABEL reaches `restarts` (the driver's card is up). */
static void wait_announced(uint32_t restarts)
{
	char key[DS_KEY_MAX];
	snprintf(key, sizeof(key), "%s%s", NDEV_KEY_PREFIX, label);
	uint32_t v = 0xffffffff;
	uint64_t end = t_ticks() + WAIT_MS / 10;
	while ((ds_retrieve_u32(key, &v) < 0 || v != restarts) &&
	       t_ticks() < end)
		pause_ms(5);
	T_EQ(v, restarts);
}

static void grants(void)
{
	for (int i = 0; i < NR_RX; i++) {
		if (rx_grant[i] > 0)
			grant_revoke(rx_grant[i]);
		rx_grant[i] = grant_create(drv, rx[i], BUF_SIZE, GF_WRITE);
		T_ASSERT(rx_grant[i] >= 0);
		rx_posted[i] = false;
	}
	if (tx_grant >= 0)
		grant_revoke(tx_grant);
	tx_grant = grant_create(drv, tx, BUF_SIZE, GF_READ);
	T_ASSERT(tx_grant >= 0);
}

static void post(int i)
{
	T_EQ(ndev_recv(drv, session, RX_ID + (uint32_t)i, rx_grant[i],
		       BUF_SIZE),
	     0);
	rx_posted[i] = true;
}

/* A NOTIFY from the driver within ms: true. */
static bool wait_notify(uint32_t ms)
{
	alarm_ms(ms);
	for (;;) {
		message_t m;
		int st;
		T_EQ(ipc_receive(ANY, &m, &st), 0);
		if (!IPC_IS_NOTIFY(st))
			continue;
		if (m.m_source == drv) {
			alarm_ms(0);
			return true;
		}
		if (m.m_source == CLOCK)
			return false;
	}
}

/* What one frame must be to end a wait: a test of rx[i]'s len bytes. */
typedef bool (*frame_test)(const uint8_t *f, uint32_t len);

static uint32_t sent_ok, frames_seen;

/* Collect until `more` is 0: each sent frame's entry must say 0; each
 * filled buffer is tested, then posted again.  True if one passed. */
static bool collect(frame_test want)
{
	struct ndev_collect_reply c;
	bool found = false;
	do {
		T_EQ(ndev_collect(drv, session, &c), 0);
		for (int k = 0; k < c.count; k++) {
			uint32_t id = c.done[k].id;
			int r = c.done[k].result;
			if (id < RX_ID) {
				T_EQ(r, 0);
				sent_ok++;
				continue;
			}
			int i = (int)(id - RX_ID);
			T_ASSERT(i >= 0 && i < NR_RX && rx_posted[i]);
			T_ASSERT(r >= NDEV_MIN_FRAME && r <= NDEV_MAX_FRAME);
			rx_posted[i] = false;
			frames_seen++;
			if (want && want(rx[i], (uint32_t)r))
				found = true;
			post(i);
		}
	} while (c.more);
	return found;
}

static bool wait_frame(frame_test want)
{
	uint64_t end = t_ticks() + WAIT_MS / 10;
	while (t_ticks() < end)
		if (wait_notify(WAIT_MS) && collect(want))
			return true;
	return false;
}

static void put16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static uint32_t get16(const uint8_t *p)
{
	return (uint32_t)(p[0] << 8 | p[1]);
}

/* The Internet checksum of len bytes (RFC 1071). */
static uint16_t csum(const uint8_t *p, uint32_t len)
{
	uint32_t sum = 0;
	for (uint32_t i = 0; i + 1 < len; i += 2)
		sum += get16(p + i);
	if (len % 2)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static void eth_header(uint8_t *f, const uint8_t *dst, uint32_t type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, mac, 6);
	put16(f + 12, type);
}

static uint32_t next_tx_id = 1;

/* tx[0..len) goes out; 0 or the error. */
static int send_tx(uint32_t len)
{
	int r = ndev_send(drv, session, next_tx_id, tx_grant, len);
	if (r == 0)
		next_tx_id = next_tx_id % (RX_ID - 1) + 1;
	return r;
}

static uint32_t arp_request(void)
{
	static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	memset(tx, 0, sizeof(tx));
	eth_header(tx, bcast, 0x0806);
	uint8_t *a = tx + 14;
	put16(a, 1);	      /* Ethernet */
	put16(a + 2, 0x0800); /* IPv4 */
	a[4] = 6;
	a[5] = 4;
	put16(a + 6, 1); /* request */
	memcpy(a + 8, mac, 6);
	memcpy(a + 14, my_ip, 4);
	memcpy(a + 24, gw_ip, 4);
	return 42;
}

static bool is_arp_reply(const uint8_t *f, uint32_t len)
{
	const uint8_t *a = f + 14;
	if (len < 42 || get16(f + 12) != 0x0806 || get16(a + 6) != 2 ||
	    memcmp(f, mac, 6) || memcmp(a + 14, gw_ip, 4) ||
	    memcmp(a + 18, mac, 6) || memcmp(a + 24, my_ip, 4))
		return false;
	memcpy(gw_mac, a + 8, 6);
	return true;
}

#define PING_ID 0x5a5a
#define PING_SEQ 7
#define PING_DATA 56
#define BULK_PINGS 80
#define BULK_DATA 1400

/* The echo request of the moment and the reply it wants. */
static uint32_t ping_seq = PING_SEQ, ping_data = PING_DATA;

static uint32_t echo_request(void)
{
	memset(tx, 0, sizeof(tx));
	eth_header(tx, gw_mac, 0x0800);
	uint8_t *ip = tx + 14, *icmp = ip + 20;
	uint32_t icmp_len = 8 + ping_data;
	ip[0] = 0x45;
	put16(ip + 2, 20 + icmp_len);
	put16(ip + 4, 0x1234);
	ip[8] = 64; /* TTL */
	ip[9] = 1;  /* ICMP */
	memcpy(ip + 12, my_ip, 4);
	memcpy(ip + 16, gw_ip, 4);
	put16(ip + 10, csum(ip, 20));
	icmp[0] = 8; /* echo request */
	put16(icmp + 4, PING_ID);
	put16(icmp + 6, ping_seq);
	for (uint32_t i = 0; i < ping_data; i++)
		icmp[8 + i] = (uint8_t)(i * 3 + ping_seq);
	put16(icmp + 2, csum(icmp, icmp_len));
	return 14 + 20 + icmp_len;
}

static bool is_echo_reply(const uint8_t *f, uint32_t len)
{
	const uint8_t *ip = f + 14, *icmp = ip + 20;
	if (len < 14 + 20 + 8 + ping_data || get16(f + 12) != 0x0800 ||
	    ip[0] != 0x45 || ip[9] != 1 || memcmp(ip + 12, gw_ip, 4) ||
	    memcmp(ip + 16, my_ip, 4))
		return false;
	uint32_t icmp_len = get16(ip + 2) - 20;
	T_EQ(csum(ip, 20), 0);
	if (icmp[0] != 0 || get16(icmp + 4) != PING_ID ||
	    get16(icmp + 6) != ping_seq)
		return false;
	T_EQ(icmp_len, 8 + ping_data);
	T_EQ(csum(icmp, icmp_len), 0);
	for (uint32_t i = 0; i < ping_data; i++)
		T_EQ(icmp[8 + i], (uint8_t)(i * 3 + ping_seq));
	return true;
}

/* A frame nobody answers: to a made-up station, an experimental type. */
static uint32_t dummy_frame(void)
{
	static const uint8_t nobody[6] = {0x02, 0, 0, 0, 0, 0x99};
	memset(tx, 0, sizeof(tx));
	eth_header(tx, nobody, 0x88b5);
	return 60;
}

static void up(const char *board)
{
	static struct rs_up u;
	memset(&u, 0, sizeof(u));
	snprintf(u.path, sizeof(u.path), "/sbin/%s", label);
	strcpy(u.label, label);
	if (!strcmp(board, "isa"))
		strcpy(u.args, "isa 0x300 9 clients=t_ndev");
	else if (!strcmp(board, "pci"))
		strcpy(u.args, "pci clients=t_ndev");
	else
		strcpy(u.args, "clients=t_ndev");
	T_ASSERT(rs_up(rs, &u, 0) >= 0);
}

static void t_start(const char *board)
{
	t_case = "start";
	up(board);
	drv = wait_running(NONE);
	wait_announced(0);
}

static struct ndev_init_reply info;

static void t_session(const char *board, const uint8_t *want_mac)
{
	t_case = "session";
	struct ndev_init_reply i;
	struct ndev_collect_reply c;
	T_EQ(ndev_conf(drv, 1, NDEV_MODE_UP), -ESTALE);
	T_EQ(ndev_collect(drv, 1, &c), -ESTALE);
	T_EQ(ndev_init(drv, 0, &i), -EINVAL);
	session = 1;
	T_EQ(ndev_init(drv, session, &i), 0);
	memcpy(mac, i.mac, 6);
	t_log("ndev: %s: MAC %02x:%02x:%02x:%02x:%02x:%02x, queues %u/%u, "
	      "restarts %u\n",
	      i.name, mac[0], mac[1], mac[2], mac[3], mac[4], mac[5],
	      i.max_send, i.max_recv, (unsigned)i.restarts);
	T_EQ(memcmp(mac, want_mac, 6), 0);
	char name[NDEV_NAME_MAX];
	if (rtl)
		strcpy(name, "rtl8139");
	else
		snprintf(name, sizeof(name), "ne2000 %s", board);
	T_EQ(strcmp(i.name, name), 0);
	if (rtl)
		T_EQ(i.link, NDEV_LINK_UP);
	T_EQ(i.restarts, 0);
	T_EQ(i.mtu, 1500);
	T_ASSERT(i.max_send >= 2 && i.max_recv >= NR_RX);
	T_EQ(ndev_conf(drv, 2, NDEV_MODE_UP), -ESTALE);
	T_EQ(ndev_collect(drv, session, &c), 0);
	T_EQ(c.count, 0);
	T_EQ(c.more, 0);
	info = i;
}

static void t_invalid(void)
{
	t_case = "invalid";
	T_EQ(ndev_conf(drv, session, NDEV_MODE_ALL + 1), -EINVAL);
	T_EQ(ndev_conf(drv, session, 0x80000001u), -EINVAL);
	grants();
	T_EQ(ndev_send(drv, session, 1, tx_grant, NDEV_MIN_FRAME - 1), -EINVAL);
	T_EQ(ndev_send(drv, session, 1, tx_grant, NDEV_MAX_FRAME + 1), -EINVAL);
	T_EQ(ndev_send(drv, session, 0, tx_grant, 60), -EINVAL);
	T_EQ(ndev_send(drv, session, NDEV_ID_MAX + 1, tx_grant, 60), -EINVAL);
	T_EQ(ndev_recv(drv, session, RX_ID, rx_grant[0], NDEV_MAX_FRAME - 1),
	     -EINVAL);
	T_EQ(ndev_recv(drv, session, 0, rx_grant[0], BUF_SIZE), -EINVAL);
	post(0);
	T_EQ(ndev_recv(drv, session, RX_ID, rx_grant[1], BUF_SIZE), -EINVAL);
	T_EQ(ndev_send(drv, session, RX_ID, tx_grant, 60), -EINVAL);
}

static void arp(void)
{
	T_EQ(ndev_conf(drv, session, NDEV_MODE_UP | NDEV_MODE_BCAST), 0);
	for (int i = 0; i < NR_RX; i++)
		if (!rx_posted[i])
			post(i);
	uint32_t before = sent_ok;
	T_EQ(send_tx(arp_request()), 0);
	T_ASSERT(wait_frame(is_arp_reply));
	T_ASSERT(sent_ok > before);
	t_log("ndev: ARP: 10.0.2.2 is at %02x:%02x:%02x:%02x:%02x:%02x\n",
	      gw_mac[0], gw_mac[1], gw_mac[2], gw_mac[3], gw_mac[4], gw_mac[5]);
}

static void t_ping(void)
{
	t_case = "ping";
	uint64_t t0 = clock_us();
	T_EQ(send_tx(echo_request()), 0);
	T_ASSERT(wait_frame(is_echo_reply));
	t_log("ndev: ping 10.0.2.2: reply after %u us\n",
	      (unsigned)(clock_us() - t0));
}

/* Echo requests big enough that their replies go round the ring. */
static void t_bulk(void)
{
	t_case = "bulk";
	uint64_t t0 = clock_us();
	uint32_t seen = frames_seen;
	ping_data = BULK_DATA;
	for (ping_seq = 1000; ping_seq < 1000 + BULK_PINGS; ping_seq++) {
		T_EQ(send_tx(echo_request()), 0);
		T_ASSERT(wait_frame(is_echo_reply));
	}
	uint32_t us = (uint32_t)(clock_us() - t0);
	t_log("ndev: %u echoes of %u bytes in %u ms (%u frames received)\n",
	      BULK_PINGS, BULK_DATA, us / 1000, frames_seen - seen);
	ping_seq = PING_SEQ;
	ping_data = PING_DATA;
}

/* Sends past the limit get EAGAIN until collected; so do buffers. */
static void t_queues(uint32_t max_send, uint32_t max_recv)
{
	t_case = "queues";
	collect(0);
	uint32_t n = 0;
	int r;
	while ((r = send_tx(dummy_frame())) == 0)
		T_ASSERT(++n <= max_send);
	T_EQ(r, -EAGAIN);
	T_EQ(n, max_send);
	wait_notify(WAIT_MS);
	collect(0);
	T_EQ(send_tx(dummy_frame()), 0);
	/* Buffers: NR_RX are posted; more ids up to max_recv. */
	n = NR_RX;
	while ((r = ndev_recv(drv, session, RX_ID + n, rx_grant[0],
			      BUF_SIZE)) == 0)
		T_ASSERT(++n <= max_recv);
	T_EQ(r, -EAGAIN);
	T_EQ(n, max_recv);
	/* A new session forgets them: nothing to collect, room again. */
	struct ndev_init_reply i;
	session = 3;
	T_EQ(ndev_init(drv, session, &i), 0);
	struct ndev_collect_reply c;
	T_EQ(ndev_collect(drv, session, &c), 0);
	T_EQ(c.count, 0);
	for (int k = 0; k < NR_RX; k++)
		rx_posted[k] = false;
	for (uint32_t k = 0; k < max_recv; k++)
		T_EQ(ndev_recv(drv, session, RX_ID + NR_RX + k, rx_grant[0],
			       BUF_SIZE),
		     0);
	session = 4; /* and forget those again */
	T_EQ(ndev_init(drv, session, &i), 0);
}

static int intruder(void *arg)
{
	(void)arg;
	struct ndev_collect_reply c;
	if (ndev_conf(drv, session, NDEV_MODE_UP) != -EPERM ||
	    ndev_collect(drv, session, &c) != -EPERM ||
	    ndev_recv(drv, session, 999, rx_grant[0], BUF_SIZE) != -EPERM)
		return 1;
	return 0;
}

static void t_eperm(void)
{
	t_case = "eperm";
	t_spawn(intruder, 0);
	struct kc_getksig k = t_reap();
	T_EQ(k.kind, KSIG_EXIT);
	T_EQ(k.status, 0);
}

static struct kinfo_counters counters(void)
{
	struct kinfo_counters c;
	T_EQ(sys_getinfo(GI_COUNTERS, &c, sizeof(c), 0), 0);
	return c;
}

/* The dead instance's DMA memory (its ring and buffers, at least 17
 * pages) went into quarantine and, PCI having turned the card's bus
 * mastering off, came out again. */
static void dma_released(const struct kinfo_counters *before)
{
	struct kinfo_counters c = counters();
	uint64_t end = t_ticks() + WAIT_MS / 10;
	while (c.dma_released - before->dma_released < 17 && t_ticks() < end) {
		pause_ms(5);
		c = counters();
	}
	uint32_t held = (uint32_t)(c.dma_quarantined - before->dma_quarantined);
	t_log("ndev: %u DMA pages quarantined at the crash, %u released\n",
	      held, (unsigned)(c.dma_released - before->dma_released));
	T_ASSERT(held >= 17);
	T_EQ(c.dma_released - before->dma_released, held);
}

static void t_restart(void)
{
	t_case = "restart";
	endpoint_t old = drv;
	struct kinfo_counters before = counters();
	T_EQ(rs_fi(rs, label, RS_FI_CRASH), 0);
	uint64_t t0 = clock_us();
	drv = wait_running(old);
	wait_announced(1);
	t_log("ndev: new instance announced %u us after the crash\n",
	      (unsigned)(clock_us() - t0));
	struct ndev_collect_reply c;
	T_ASSERT(ndev_collect(old, session, &c) < 0);
	T_EQ(ndev_collect(drv, session, &c), -ESTALE);
	struct ndev_init_reply i;
	uint8_t was[6];
	memcpy(was, mac, 6);
	session = 5;
	T_EQ(ndev_init(drv, session, &i), 0);
	T_EQ(i.restarts, 1);
	T_EQ(memcmp(i.mac, was, 6), 0);
	grants();
	arp();
	if (rtl) {
		dma_released(&before);
		T_EQ(send_tx(echo_request()), 0);
		T_ASSERT(wait_frame(is_echo_reply));
	} else {
		T_EQ(counters().dma_quarantined, before.dma_quarantined);
	}
}

int main(int argc, char **argv)
{
	T_ASSERT(argc >= 3);
	const char *board = argv[1];
	uint8_t want[6];
	unsigned v[6];
	T_EQ(sscanf(argv[2], "%x:%x:%x:%x:%x:%x", &v[0], &v[1], &v[2], &v[3],
		    &v[4], &v[5]),
	     6);
	for (int k = 0; k < 6; k++)
		want[k] = (uint8_t)v[k];
	rtl = !strcmp(board, "rtl8139");
	label = rtl			? "rtl8139"
		: !strcmp(board, "pci") ? "ne2000pci"
					: "ne2000";
	rs = proc_find("rs");
	T_ASSERT(rs != NONE);
	t_start(board);
	t_session(board, want);
	t_invalid();
	t_case = "arp";
	arp();
	t_ping();
	t_bulk();
	t_queues(info.max_send, info.max_recv);
	t_eperm();
	t_restart();
	t_log("ndev: %u frames sent, %u received\n", (unsigned)sent_ok,
	      (unsigned)frames_seen);
	t_case = "ndev";
	t_pass();
	t_finish();
}
