// SPDX-License-Identifier: BSD-2-Clause
/*
 * The interface and socket-table ioctls (abi/netif.h): what ifconfig
 * and netstat show, and the changes root may make.  Every request is
 * copied in whole from VFS's grant, checked, acted on, and its answer
 * copied back.  The protocol counters are lwIP's own (lwip_stats),
 * copied field by field so that the ABI does not follow lwIP's layout.  Only a socket made by root (uid 0) may change an
 * interface.
 */
#include <string.h>

#include "abi/netif.h"
#include "hooks.h"
#include "inet.h"
#include "lwip/dhcp.h"
#include "lwip/stats.h"
#include "lwip/tcp.h"

static struct nic *nic_of(const struct netif *netif)
{
	for (int i = 0; i < INET_NICS; i++)
		if (nics[i].used && nics[i].netif_added &&
		    &nics[i].netif == netif)
			return &nics[i];
	return 0;
}

static void fill_nic(const struct nic *n, struct if_info *o)
{
	strncpy(o->name, n->name, IF_NAME_LEN - 1);
	strncpy(o->driver, n->label, IF_DRIVER_LEN - 1);
	strncpy(o->card, n->info.name, IF_DRIVER_LEN - 1);
	memcpy(o->mac, n->info.mac, 6);
	if (n->state != NIC_NONE && netif_is_link_up(&n->netif))
		o->flags |= IFI_RUNNING;
	o->rx_packets = n->rx_packets, o->tx_packets = n->tx_packets;
	o->rx_bytes = n->rx_bytes, o->tx_bytes = n->tx_bytes;
	o->rx_errors = n->rx_errors, o->rx_drops = n->rx_drops;
	o->tx_errors = n->tx_errors, o->tx_drops = n->tx_drops;
	o->bad_replies = n->bad_replies;
	o->restarts = n->restarts;
}

static int if_info(struct if_info *o)
{
	uint32_t want = o->index, i = 0;
	struct netif *netif = netif_list;
	for (; netif && i < want; netif = netif->next)
		i++;
	if (!netif)
		return -ENXIO;
	memset(o, 0, sizeof(*o));
	o->index = want;
	struct nic *n = nic_of(netif);
	if (n)
		fill_nic(n, o);
	else {
		strncpy(o->name, "lo", IF_NAME_LEN - 1);
		o->flags |= IFI_LOOPBACK | IFI_RUNNING;
	}
	if (netif_is_up(netif))
		o->flags |= IFI_UP;
	if (netif->flags & NETIF_FLAG_BROADCAST)
		o->flags |= IFI_BROADCAST;
	o->addr = ip4_addr_get_u32(netif_ip4_addr(netif));
	o->mask = ip4_addr_get_u32(netif_ip4_netmask(netif));
	o->gw = ip4_addr_get_u32(netif_ip4_gw(netif));
	o->mtu = netif->mtu;
	struct dhcp *d = netif_dhcp_data(netif);
	o->dhcp = !d				 ? IFI_DHCP_OFF
		  : dhcp_supplied_address(netif) ? IFI_DHCP_BOUND
						 : IFI_DHCP_ASKING;
	if (d && d->state == 0) /* DHCP_STATE_OFF */
		o->dhcp = IFI_DHCP_OFF;
	return 0;
}

static int if_set(const struct if_set *q)
{
	const uint32_t known = IFS_ADDR | IFS_GW | IFS_UP | IFS_DOWN | IFS_DHCP;
	char name[IF_NAME_LEN + 1];
	memcpy(name, q->name, IF_NAME_LEN);
	name[IF_NAME_LEN] = 0;
	if (q->what & ~known || !q->what ||
	    (q->what & IFS_UP && q->what & IFS_DOWN) ||
	    (q->what & IFS_ADDR && q->what & IFS_DHCP))
		return -EINVAL;
	struct nic *n = nic_by_name(name);
	if (!n || !n->netif_added)
		return -ENXIO;
	ip4_addr_t a, m, g;
	ip4_addr_set_u32(&a, q->addr);
	ip4_addr_set_u32(&m, q->mask);
	ip4_addr_set_u32(&g, q->gw);
	if (q->what & IFS_ADDR) {
		uint32_t hm = lwip_ntohl(q->mask);
		if (hm & (~hm >> 1)) /* not a run of ones from the top */
			return -EINVAL;
		dhcp_release_and_stop(&n->netif);
		netif_set_addr(&n->netif, &a, &m, netif_ip4_gw(&n->netif));
	}
	if (q->what & IFS_GW)
		netif_set_gw(&n->netif, &g);
	if (q->what & (IFS_UP | IFS_DHCP))
		nic_set_up(n, true);
	if (q->what & IFS_DOWN)
		nic_set_up(n, false);
	if (q->what & IFS_DHCP)
		return sock_errno(dhcp_start(&n->netif));
	return 0;
}

static int sock_info(struct sock_info *o)
{
	uint32_t i = o->index;
	while (i < INET_SOCKS && !(socks[i].used && socks[i].visible))
		i++;
	if (i >= INET_SOCKS)
		return -ENOENT;
	struct sock *s = &socks[i];
	struct sockaddr_in l, r;
	memset(o, 0, sizeof(*o));
	o->index = i;
	o->type = s->type;
	o->state = SI_DGRAM;
	if (s->type == SOCK_STREAM) {
		o->state = s->tcp ? (int32_t)s->tcp->state : 0;
		o->recv_q = s->rcvq ? s->rcvq->tot_len : 0;
		if (s->tcp && !s->listening)
			o->send_q = s->tcp->snd_lbb - s->tcp->lastack;
	} else
		o->recv_q = dgram_queued(s);
	memset(&r, 0, sizeof(r));
	s->proto->name(s, 0, &l);
	s->proto->name(s, 1, &r);
	o->local_addr = l.sin_addr.s_addr;
	o->local_port = lwip_ntohs(l.sin_port);
	o->remote_addr = r.sin_addr.s_addr;
	o->remote_port = lwip_ntohs(r.sin_port);
	return 0;
}

static void copy_proto(struct net_proto_stats *o, const struct stats_proto *p)
{
	o->xmit = p->xmit;
	o->recv = p->recv;
	o->fw = p->fw;
	o->drop = p->drop;
	o->chkerr = p->chkerr;
	o->lenerr = p->lenerr;
	o->memerr = p->memerr;
	o->rterr = p->rterr;
	o->proterr = p->proterr;
	o->opterr = p->opterr;
	o->err = p->err;
}

static int net_stats(struct net_stats *o)
{
	memset(o, 0, sizeof(*o));
	copy_proto(&o->proto[NS_LINK], &lwip_stats.link);
	copy_proto(&o->proto[NS_ARP], &lwip_stats.etharp);
	copy_proto(&o->proto[NS_FRAG], &lwip_stats.ip_frag);
	copy_proto(&o->proto[NS_IP], &lwip_stats.ip);
	copy_proto(&o->proto[NS_ICMP], &lwip_stats.icmp);
	copy_proto(&o->proto[NS_UDP], &lwip_stats.udp);
	copy_proto(&o->proto[NS_TCP], &lwip_stats.tcp);
	o->syn_evicted = (uint32_t)port_syn_evicted;
	return 0;
}

int ifconf_ioctl(struct sock *s, uint32_t request, endpoint_t vfs,
		 grant_id_t grant, uint32_t len)
{
	union {
		struct if_info info;
		struct if_set set;
		struct sock_info sock;
		struct net_stats stats;
	} u;
	uint32_t size;
	if (request == SIOCGIFINFO)
		size = sizeof(u.info);
	else if (request == SIOCSIFCONF)
		size = sizeof(u.set);
	else if (request == SIOCGSOCKINFO)
		size = sizeof(u.sock);
	else if (request == SIOCGNETSTATS)
		size = sizeof(u.stats);
	else
		return -ENOTTY;
	if (len < size)
		return -EINVAL;
	if (sys_safecopyfrom(vfs, grant, 0, &u, size) < 0)
		return -EFAULT;
	int r;
	if (request == SIOCSIFCONF)
		return s->uid != 0 ? -EPERM : if_set(&u.set);
	r = request == SIOCGIFINFO     ? if_info(&u.info)
	    : request == SIOCGNETSTATS ? net_stats(&u.stats)
				       : sock_info(&u.sock);
	if (r == 0 && sys_safecopyto(vfs, grant, 0, &u, size) < 0)
		return -EFAULT;
	return r;
}
