// SPDX-License-Identifier: BSD-2-Clause
/*
 * Ethernet interfaces: INET's side of proto/ndev.h (through
 * ndevclient.h).
 *
 * Drivers are found in DS: each publishes "drv.net.LABEL" once its card
 * is up, and INET follows "drv.net.*".  A key whose owner is not the
 * label it names is ignored (only the driver itself may say it is up).
 * The first key of a label makes an interface, eth0, eth1, ... in the
 * order they come; the interface and its lwIP netif stay for good,
 * with its addresses and connections, while drivers come and go
 * underneath: a new endpoint behind a known label is a restarted
 * driver, and INET starts a new session with it (nic_start): new
 * grants, NDEV_INIT, the receive mode again, fresh receive buffers.
 * Removing or readdressing the netif would abort every TCP connection
 * on it (lwIP), so a dead driver only marks the interface not RUNNING.
 *
 * Frames are copied: lwIP's frame goes into one of the interface's
 * transmit slots, granted read-only to the driver, so no lwIP buffer
 * is ever held by a driver (TCP can resend anything at once).  A full
 * set of slots is back-pressure: linkoutput says ERR_MEM, lwIP keeps
 * TCP's segment, and tcp_txnow() runs when a slot frees.  Receive
 * buffers are lwIP pool pbufs granted writable; a finished one goes to
 * lwIP only after its grant is revoked.
 *
 * A driver is not trusted: a collect entry with an id INET has not
 * queued, a length outside the buffer, or a reply of the wrong shape
 * (ndevclient.h: -EIO) is counted in bad_replies and ignored; an IPC
 * failure means the driver died and the interface waits for the next.
 */
#include <stdio.h>
#include <string.h>

#include "dsclient.h"
#include "inet.h"
#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/stats.h"
#include "ndevclient.h"
#include "netif/ethernet.h"

struct nic nics[INET_NICS];
static uint32_t next_session = 1;

#define RX_ID(i) (0x100u + (uint32_t)(i))
#define TX_ID(i) (1u + (uint32_t)(i))

static bool ipc_failed(int r)
{
	return r == -EDEADSRCDST || r == -EDEADEPT || r == -EBADEPT ||
	       r == -EIPCDENIED || r == -ELOCKED;
}

struct nic *nic_by_name(const char *name)
{
	for (int i = 0; i < INET_NICS; i++)
		if (nics[i].used && !strcmp(nics[i].name, name))
			return &nics[i];
	return 0;
}

static struct nic *nic_by_label(const char *label, bool make)
{
	for (int i = 0; i < INET_NICS; i++)
		if (nics[i].used && !strcmp(nics[i].label, label))
			return &nics[i];
	if (!make)
		return 0;
	int count = 0;
	for (int i = 0; i < INET_NICS; i++)
		count += nics[i].used;
	for (int i = 0; i < INET_NICS; i++) {
		struct nic *n = &nics[i];
		if (n->used)
			continue;
		memset(n, 0, sizeof(*n));
		n->used = true;
		n->ep = NONE;
		n->mode = NDEV_MODE_UP | NDEV_MODE_BCAST;
		strncpy(n->label, label, sizeof(n->label) - 1);
		snprintf(n->name, sizeof(n->name), "eth%d", count);
		return n;
	}
	return 0;
}

/* Give back everything of the last session: grants and buffers. */
static void nic_forget(struct nic *n)
{
	for (int i = 0; i < NIC_TX_SLOTS; i++)
		if (n->tx[i].busy) {
			grant_revoke(n->tx[i].grant);
			n->tx[i].busy = false;
			n->tx_drops++;
		}
	n->tx_busy = 0;
	for (int i = 0; i < NIC_RX_SLOTS; i++)
		if (n->rx[i].p) {
			grant_revoke(n->rx[i].grant);
			pbuf_free(n->rx[i].p);
			n->rx[i].p = 0;
		}
}

static void nic_dead(struct nic *n)
{
	if (n->state == NIC_NONE)
		return;
	printf("inet: %s: driver %s (ep %d) is gone\n", n->name, n->label,
	       n->ep);
	nic_forget(n);
	n->ep = NONE;
	n->state = NIC_NONE;
	if (n->netif_added)
		netif_set_link_down(&n->netif);
}

/* Post a receive buffer in slot i: 0, or an error. */
static int post_rx(struct nic *n, int i)
{
	struct pbuf *p = pbuf_alloc(PBUF_RAW, NDEV_MAX_FRAME, PBUF_POOL);
	if (!p)
		return -ENOBUFS;
	if (p->next) { /* the pool's buffers are too small to be granted */
		pbuf_free(p);
		return -ENOBUFS;
	}
	grant_id_t g = grant_create(n->ep, p->payload, p->len, GF_WRITE);
	if (g < 0) {
		pbuf_free(p);
		return g;
	}
	int r = ndev_recv(n->ep, n->session, RX_ID(i), g, p->len);
	if (r < 0) {
		grant_revoke(g);
		pbuf_free(p);
		if (ipc_failed(r))
			nic_dead(n);
		return r;
	}
	n->rx[i].p = p;
	n->rx[i].grant = g;
	return 0;
}

static void post_all_rx(struct nic *n)
{
	for (int i = 0; i < NIC_RX_SLOTS && i < n->info.max_recv; i++)
		if (!n->rx[i].p && n->state != NIC_NONE && post_rx(n, i) < 0)
			break;
}

static int nic_conf(struct nic *n)
{
	uint32_t mode = n->state == NIC_UP ? n->mode : NDEV_MODE_DOWN;
	int r = ndev_conf(n->ep, n->session, mode);
	if (ipc_failed(r))
		nic_dead(n);
	return r;
}

/* An address came or changed (DHCP, ifconfig): one console line. */
static void on_status(struct netif *netif)
{
	struct nic *n = netif->state;
	char a[16], m[16], g[16];
	if (ip4_addr_isany_val(*netif_ip4_addr(netif)))
		return;
	ip4addr_ntoa_r(netif_ip4_addr(netif), a, sizeof(a));
	ip4addr_ntoa_r(netif_ip4_netmask(netif), m, sizeof(m));
	ip4addr_ntoa_r(netif_ip4_gw(netif), g, sizeof(g));
	printf("inet: %s: address %s netmask %s gateway %s%s\n", n->name, a, m,
	       g, dhcp_supplied_address(netif) ? " (DHCP)" : "");
}

/* The first interface is configured by DHCP when it first comes up;
 * the others wait for ifconfig. */
static void add_netif(struct nic *n)
{
	ip4_addr_t zero;
	ip4_addr_set_zero(&zero);
	netif_add(&n->netif, &zero, &zero, &zero, n, ethif_init,
		  ethernet_input);
	n->netif_added = true;
	if (n == &nics[0] || !netif_default)
		netif_set_default(&n->netif);
	netif_set_status_callback(&n->netif, on_status);
	netif_set_up(&n->netif);
	if (!strcmp(n->name, "eth0"))
		n->dhcp_due = true;
}

/* A new session with the driver instance ep. */
static void nic_start(struct nic *n, endpoint_t ep)
{
	bool restart = n->ep != NONE || n->netif_added;
	nic_forget(n);
	n->ep = ep;
	n->state = NIC_NONE;
	n->session = next_session++;
	if (!next_session)
		next_session = 1;
	int r = ndev_init(ep, n->session, &n->info);
	if (r < 0 || n->info.status < 0) {
		printf("inet: %s: driver %s does not start a session (error "
		       "%d)\n",
		       n->name, n->label, r < 0 ? r : n->info.status);
		n->ep = NONE;
		return;
	}
	n->info.name[NDEV_NAME_MAX - 1] = 0;
	if (n->info.max_send == 0 || n->info.max_send > NIC_TX_SLOTS)
		n->info.max_send = NIC_TX_SLOTS;
	if (n->info.max_recv == 0 || n->info.max_recv > NIC_RX_SLOTS)
		n->info.max_recv = NIC_RX_SLOTS;
	n->restarts += restart;
	n->state = NIC_UP;
	if (!n->netif_added)
		add_netif(n);
	if (nic_conf(n) < 0 && n->state == NIC_NONE)
		return;
	post_all_rx(n);
	if (n->info.link != NDEV_LINK_DOWN)
		netif_set_link_up(&n->netif);
	else
		netif_set_link_down(&n->netif);
	if (n->dhcp_due) {
		n->dhcp_due = false;
		int e = dhcp_start(&n->netif);
		if (e != ERR_OK)
			printf("inet: %s: DHCP does not start (error %d)\n",
			       n->name, e);
	}
	const uint8_t *m = n->info.mac;
	printf("inet: %s: %s (%s) %02x:%02x:%02x:%02x:%02x:%02x%s\n", n->name,
	       n->label, n->info.name, m[0], m[1], m[2], m[3], m[4], m[5],
	       restart ? ", restarted" : "");
	tcp_txnow();
}

void nic_set_up(struct nic *n, bool up)
{
	if (up) {
		netif_set_up(&n->netif);
		if (n->ep != NONE)
			n->state = NIC_UP;
	} else {
		netif_set_down(&n->netif);
		if (n->ep != NONE)
			n->state = NIC_DOWN;
	}
	if (n->ep != NONE)
		nic_conf(n);
}

/* "drv.net.LABEL" changed in DS. */
static void key_changed(const struct ds_event *ev)
{
	const char *label = ev->key + strlen(NDEV_KEY_PREFIX);
	if (strncmp(ev->key, NDEV_KEY_PREFIX, strlen(NDEV_KEY_PREFIX)) ||
	    strcmp(label, ev->owner) != 0)
		return; /* not the driver's own word */
	struct nic *n = nic_by_label(label, !(ev->flags & DS_EV_DELETED));
	endpoint_t ep;
	if (!n)
		return;
	if (ev->flags & DS_EV_DELETED || ds_retrieve_label(label, &ep) < 0) {
		nic_dead(n);
		return;
	}
	if (ep != n->ep || n->state == NIC_NONE)
		nic_start(n, ep);
}

void nic_ds_news(void)
{
	struct ds_event ev;
	for (int i = 0; i < 256 && ds_check(&ev) == 0; i++)
		key_changed(&ev);
}

/* ---- sending --------------------------------------------------------- */

int nic_output(struct nic *n, struct pbuf *p)
{
	if (n->state != NIC_UP) {
		n->tx_drops++;
		return ERR_OK; /* gone: dropped, as a wire would */
	}
	if (p->tot_len > NDEV_MAX_FRAME || p->tot_len < NDEV_MIN_FRAME) {
		n->tx_errors++;
		return ERR_VAL;
	}
	int i = 0;
	while (i < (int)n->info.max_send && n->tx[i].busy)
		i++;
	if (i == (int)n->info.max_send)
		return ERR_MEM; /* TCP keeps the segment; tcp_txnow later */
	pbuf_copy_partial(p, n->tx[i].buf, p->tot_len, 0);
	grant_id_t g = grant_create(n->ep, n->tx[i].buf, p->tot_len, GF_READ);
	if (g < 0)
		return ERR_MEM;
	int r = ndev_send(n->ep, n->session, TX_ID(i), g, p->tot_len);
	if (r < 0) {
		grant_revoke(g);
		if (ipc_failed(r))
			nic_dead(n);
		else if (r != -EAGAIN)
			n->tx_errors++;
		return r == -EAGAIN ? ERR_MEM : ERR_OK;
	}
	n->tx[i].busy = true;
	n->tx[i].grant = g;
	n->tx_busy++;
	n->tx_packets++;
	n->tx_bytes += p->tot_len;
	return ERR_OK;
}

/* ---- news from the driver --------------------------------------------- */

static void sent(struct nic *n, uint32_t i, int result)
{
	grant_revoke(n->tx[i].grant);
	n->tx[i].busy = false;
	n->tx_busy--;
	if (result < 0)
		n->tx_errors++;
}

static void received(struct nic *n, uint32_t i, int result)
{
	struct pbuf *p = n->rx[i].p;
	grant_revoke(n->rx[i].grant);
	n->rx[i].p = 0;
	if (result < NDEV_MIN_FRAME || result > p->len) {
		if (result >= 0) {
			n->bad_replies++; /* a length it cannot have */
			LINK_STATS_INC(link.lenerr);
		} else
			LINK_STATS_INC(link.err);
		LINK_STATS_INC(link.drop);
		n->rx_errors += result < 0;
		pbuf_free(p);
		return;
	}
	pbuf_realloc(p, (u16_t)result);
	LINK_STATS_INC(link.recv);
	n->rx_packets++;
	n->rx_bytes += (uint32_t)result;
	if (n->netif.input(p, &n->netif) != ERR_OK)
		pbuf_free(p);
}

static void entry(struct nic *n, const struct ndev_done *d, bool *freed)
{
	uint32_t id = d->id;
	if (id >= TX_ID(0) && id < TX_ID(n->info.max_send) &&
	    n->tx[id - TX_ID(0)].busy) {
		sent(n, id - TX_ID(0), d->result);
		*freed = true;
	} else if (id >= RX_ID(0) && id < RX_ID(n->info.max_recv) &&
		   n->rx[id - RX_ID(0)].p)
		received(n, id - RX_ID(0), d->result);
	else
		n->bad_replies++;
}

static void collect(struct nic *n)
{
	bool freed = false;
	for (int round = 0; round < 64 && n->state != NIC_NONE; round++) {
		struct ndev_collect_reply c;
		int r = ndev_collect(n->ep, n->session, &c);
		if (r < 0) {
			if (ipc_failed(r))
				nic_dead(n);
			else
				n->bad_replies++;
			break;
		}
		for (int i = 0; i < c.count && n->state != NIC_NONE; i++)
			entry(n, &c.done[i], &freed);
		n->rx_errors += c.rx_errors;
		n->rx_drops += c.rx_drops;
		n->tx_errors += c.tx_errors;
		if (c.link == NDEV_LINK_DOWN && netif_is_link_up(&n->netif))
			netif_set_link_down(&n->netif);
		else if (c.link == NDEV_LINK_UP && !netif_is_link_up(&n->netif))
			netif_set_link_up(&n->netif);
		if (!c.more)
			break;
	}
	post_all_rx(n);
	if (freed)
		tcp_txnow();
}

bool nic_notified(endpoint_t from)
{
	for (int i = 0; i < INET_NICS; i++)
		if (nics[i].used && nics[i].ep == from &&
		    nics[i].state != NIC_NONE) {
			collect(&nics[i]);
			return true;
		}
	return false;
}
