// SPDX-License-Identifier: BSD-2-Clause
/*
 * p_rogue_nic: a network driver that breaks the protocol on purpose, to
 * show that INET counts and survives what a broken or hostile driver
 * answers (proto/ndev.h).  It has no card: it is started under RS with
 * a network driver's label (`service up /test/rogue_nic -label
 * rtl8139`), so INET's policy lets INET talk to it, and it speaks the
 * protocol by hand (it is a forger in tests/host/test_proto_senders.py).
 *
 * Its first instance answers INET's INIT with the wrong session and
 * then crashes on purpose; INET must refuse the session and RS start a
 * second instance.  That one starts a proper session and, through the
 * NOTIFYs it sends after each answer, makes INET collect again and
 * again, each collect answered worse than the last:
 *
 *   1  the wrong session                       (INET: a bad reply)
 *   2  the wrong reply type                    (a bad reply)
 *   3  200 entries where 9 fit                 (a bad reply)
 *   4  an id INET never queued, a frame longer than its buffer, one
 *      shorter than an Ethernet header          (three bad replies)
 *   5  "more" for ever, with nothing in it: INET must stop asking by
 *      itself.  The rogue counts the collects until INET sends it
 *      something else (the harness makes INET send by giving eth0 an
 *      address), prints "rogue: N collects in a row", and goes on to
 *   6  the honest part: it reports every frame INET sent as sent, and
 *      feeds INET an echo request from 10.0.5.2 (answering INET's ARP
 *      request for that address); when INET sends the echo reply it
 *      prints "rogue: INET answered the echo request".
 *
 * Each step prints a line starting "rogue: ", which the harness
 * (tests/net.py rogue_driver) follows.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "dsclient.h"
#include "libsys.h"
#include "proto/ndev.h"

#define MORE_LIMIT 1000 /* "more" answers before the rogue gives up */
#define SLOTS 4

static const uint8_t my_mac[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
static const uint8_t peer_mac[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x02};
static const uint8_t my_ip[4] = {10, 0, 5, 1}, peer_ip[4] = {10, 0, 5, 2};

static endpoint_t inet = NONE;
static uint32_t session;
static int step = 1;
static uint32_t collects_in_row;

/* INET's queued requests, as the rogue remembers them. */
static struct {
	bool used;
	uint16_t id;
	grant_id_t grant;
	uint32_t len;
} rx[SLOTS], tx[SLOTS];

/* The frames waiting to be given to INET (ARP reply, echo request). */
static uint8_t pending[2][64];
static uint32_t pending_len[2];
static int npending;

static void answer(endpoint_t to, int type, const void *body, uint32_t len)
{
	if (ipc_reply(to, type, body, len) < 0)
		printf("rogue: reply to %d failed\n", to);
}

static void reply_status(endpoint_t to, int status)
{
	struct ndev_reply r = {.status = status, .session = session};
	answer(to, NDEV_REPLY, &r, sizeof(r));
}

static void do_init(const message_t *m)
{
	struct ndev_init_reply r;
	memset(&r, 0, sizeof(r));
	r.session = NDEV_REQ(m)->init.session;
	if (sef_restarts() == 0) {
		r.session++; /* wrong: INET must refuse the session */
		answer(m->m_source, NDEV_INIT_REPLY, &r, sizeof(r));
		printf("rogue: wrong session answered\n");
		sef_panic("scripted crash after the wrong session");
	}
	session = r.session;
	inet = m->m_source;
	memcpy(r.mac, my_mac, 6);
	r.link = NDEV_LINK_UP;
	r.mtu = 1500;
	r.max_send = SLOTS;
	r.max_recv = SLOTS;
	r.restarts = sef_restarts();
	snprintf(r.name, sizeof(r.name), "rogue");
	memset(rx, 0, sizeof(rx));
	memset(tx, 0, sizeof(tx));
	answer(m->m_source, NDEV_INIT_REPLY, &r, sizeof(r));
	printf("rogue: session %u\n", (unsigned)session);
}

static void put(uint8_t *f, uint32_t *off, const void *p, uint32_t n)
{
	memcpy(f + *off, p, n);
	*off += n;
}

static uint16_t cksum(const uint8_t *p, uint32_t n)
{
	uint32_t s = 0;
	for (uint32_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)p[i] << 8 | p[i + 1];
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/* An ARP reply telling INET where 10.0.5.2 is. */
static void queue_arp_reply(void)
{
	uint8_t *f = pending[npending];
	uint32_t o = 0;
	static const uint8_t arp_hdr[8] = {0, 1, 8, 0, 6, 4, 0, 2};
	put(f, &o, my_mac, 6);
	put(f, &o, peer_mac, 6);
	put(f, &o, "\x08\x06", 2);
	put(f, &o, arp_hdr, 8);
	put(f, &o, peer_mac, 6);
	put(f, &o, peer_ip, 4);
	put(f, &o, my_mac, 6);
	put(f, &o, my_ip, 4);
	pending_len[npending++] = o;
}

/* An echo request from 10.0.5.2: id 0x5151, sequence 1, 8 bytes. */
static void queue_echo_request(void)
{
	uint8_t *f = pending[npending];
	uint32_t o = 0;
	uint8_t ip[20] = {0x45, 0, 0, 36, 0, 1, 0, 0, 64, 1};
	uint8_t icmp[16] = {8,	 0,   0,   0,	0x51, 0x51, 0,	 1,
			    'r', 'o', 'g', 'u', 'e',  '!',  '!', '!'};
	memcpy(ip + 12, peer_ip, 4);
	memcpy(ip + 16, my_ip, 4);
	uint16_t s = cksum(ip, sizeof(ip));
	ip[10] = (uint8_t)(s >> 8);
	ip[11] = (uint8_t)s;
	s = cksum(icmp, sizeof(icmp));
	icmp[2] = (uint8_t)(s >> 8);
	icmp[3] = (uint8_t)s;
	put(f, &o, my_mac, 6);
	put(f, &o, peer_mac, 6);
	put(f, &o, "\x08\x00", 2);
	put(f, &o, ip, sizeof(ip));
	put(f, &o, icmp, sizeof(icmp));
	pending_len[npending++] = o;
}

/* A frame INET sent, looked at in the honest step. */
static void look_at(const uint8_t *f, uint32_t len)
{
	if (len >= 42 && f[12] == 8 && f[13] == 6 && f[21] == 1 &&
	    !memcmp(f + 38, peer_ip, 4) && npending < 2) {
		queue_arp_reply();
		return;
	}
	if (len >= 42 && f[12] == 8 && f[13] == 0 && f[23] == 1 && f[34] == 0 &&
	    f[38] == 0x51 && f[39] == 0x51 && !memcmp(f + 26, my_ip, 4) &&
	    !memcmp(f + 30, peer_ip, 4))
		printf("rogue: INET answered the echo request\n");
}

static void take(const message_t *m, bool is_send)
{
	const struct ndev_buf *b = &NDEV_REQ(m)->send;
	if (m->m_source != inet || b->session != session) {
		reply_status(m->m_source, -ESTALE);
		return;
	}
	for (int i = 0; i < SLOTS; i++) {
		if ((is_send ? tx : rx)[i].used)
			continue;
		if (is_send) {
			tx[i].used = true;
			tx[i].id = (uint16_t)b->id;
			tx[i].len = b->len;
			uint8_t f[NDEV_MAX_FRAME];
			uint32_t n = b->len < sizeof(f) ? b->len : sizeof(f);
			if (step == 5) {
				printf("rogue: %u collects in a row\n",
				       (unsigned)collects_in_row);
				step = 6;
			}
			if (step >= 6 &&
			    sys_safecopyfrom(inet, b->grant, 0, f, n) == 0)
				look_at(f, n);
		} else {
			rx[i].used = true;
			rx[i].id = (uint16_t)b->id;
			rx[i].grant = b->grant;
			rx[i].len = b->len;
		}
		reply_status(m->m_source, 0);
		if (step != 5)
			ipc_notify(inet);
		return;
	}
	reply_status(m->m_source, -EAGAIN);
}

/* Whether an honest collect would have something to tell. */
static bool has_news(void)
{
	bool rx_free = false;
	for (int i = 0; i < SLOTS; i++) {
		if (tx[i].used)
			return true;
		rx_free |= rx[i].used;
	}
	return rx_free && (npending > 0 || step == 6);
}

/* The honest collect of step 6: frames sent, frames received. */
static void honest(struct ndev_collect_reply *r)
{
	for (int i = 0; i < SLOTS && r->count < NDEV_COLLECT_MAX; i++) {
		if (!tx[i].used)
			continue;
		r->done[r->count++] = (struct ndev_done){tx[i].id, 0};
		tx[i].used = false;
	}
	if (npending == 0 && step == 6) {
		queue_echo_request();
		step = 7;
	}
	for (int i = 0; i < SLOTS && npending && r->count < NDEV_COLLECT_MAX;
	     i++) {
		if (!rx[i].used)
			continue;
		npending--;
		if (sys_safecopyto(inet, rx[i].grant, 0, pending[npending],
				   pending_len[npending]) < 0)
			printf("rogue: copy to INET failed\n");
		r->done[r->count++] = (struct ndev_done){
			rx[i].id, (int16_t)pending_len[npending]};
		rx[i].used = false;
	}
}

static void do_collect(const message_t *m)
{
	struct ndev_collect_reply r;
	memset(&r, 0, sizeof(r));
	r.session = session;
	r.link = NDEV_LINK_UP;
	int type = NDEV_COLLECT_REPLY;
	bool again = true;
	switch (step) {
	case 1:
		r.session = session + 7;
		break;
	case 2:
		type = NDEV_REPLY;
		break;
	case 3:
		r.count = 200;
		break;
	case 4:
		r.done[r.count++] = (struct ndev_done){0x7777, 60};
		for (int i = 0; i < SLOTS; i++) {
			if (!rx[i].used || r.count >= 3)
				continue;
			r.done[r.count] = (struct ndev_done){
				rx[i].id,
				(int16_t)(r.count == 1 ? rx[i].len + 1 : 3)};
			r.count++;
			rx[i].used = false;
		}
		printf("rogue: bad entries sent\n");
		break;
	case 5:
		collects_in_row++;
		r.more = collects_in_row < MORE_LIMIT;
		again = false;
		break;
	default:
		honest(&r);
		again = false;
	}
	answer(m->m_source, type, &r, sizeof(r));
	if (step <= 4) {
		printf("rogue: step %d answered\n", step);
		step++;
	}
	if (step == 5 && collects_in_row == 0)
		printf("rogue: more for ever\n");
	if (again)
		ipc_notify(inet);
}

int main(void)
{
	sef_startup("rogue_nic");
	char key[DS_KEY_MAX];
	snprintf(key, sizeof(key), "%s%s", NDEV_KEY_PREFIX, sef_label());
	if (ds_publish_u32(key, sef_restarts(), DSF_OVERWRITE) < 0)
		sef_panic("cannot publish its key");
	printf("rogue: instance %u up as %s\n", (unsigned)sef_restarts(),
	       sef_label());
	for (;;) {
		message_t m;
		int st;
		if (sef_receive(ANY, &m, &st) != 0 || IPC_IS_NOTIFY(st))
			continue;
		if (m.m_type == NDEV_INIT) {
			do_init(&m);
			continue;
		}
		if (m.m_source != inet) {
			reply_status(m.m_source, -EPERM);
			continue;
		}
		if (m.m_type == NDEV_CONF)
			reply_status(m.m_source, 0);
		else if (m.m_type == NDEV_SEND || m.m_type == NDEV_RECV)
			take(&m, m.m_type == NDEV_SEND);
		else if (m.m_type == NDEV_COLLECT)
			do_collect(&m);
		else
			reply_status(m.m_source, -ENOSYS);
		if (step >= 6 && has_news())
			ipc_notify(inet); /* more honest news */
	}
}
