// SPDX-License-Identifier: BSD-2-Clause
/*
 * The glue between an interface (nic.c) and lwIP: the netif's init
 * function and its linkoutput, which hands a finished Ethernet frame
 * to the interface's driver.  ARP and IPv4 output are lwIP's own
 * (etharp_output); what comes in goes to ethernet_input (nic.c).
 */
#include <string.h>

#include "inet.h"
#include "lwip/etharp.h"
#include "lwip/stats.h"

/* The frame to the driver; the link counters (netstat -s) count it as
 * sent, or dropped when the driver's slots are all busy. */
static err_t linkoutput(struct netif *netif, struct pbuf *p)
{
	err_t r = (err_t)nic_output((struct nic *)netif->state, p);
	if (r == ERR_OK)
		LINK_STATS_INC(link.xmit);
	else
		LINK_STATS_INC(link.drop);
	return r;
}

err_t ethif_init(struct netif *netif)
{
	struct nic *n = netif->state;
	netif->name[0] = 'e';
	netif->name[1] = 'n';
	netif->hwaddr_len = ETH_HWADDR_LEN;
	memcpy(netif->hwaddr, n->info.mac, ETH_HWADDR_LEN);
	netif->mtu = n->info.mtu ? n->info.mtu : 1500;
	netif->flags =
		NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	netif->output = etharp_output;
	netif->linkoutput = linkoutput;
	netif_set_hostname(netif, "samsara"); /* what DHCP tells */
	return ERR_OK;
}
