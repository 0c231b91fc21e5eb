/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * INET's interface and socket-table ioctls, for ifconfig and netstat:
 * issued on any socket (ioctl(2) through VFS, proto/sock.h), answered
 * by servers/inet/ifconf.c.  The request numbers use sys/ioctl.h's
 * encoding (the argument's size in bits 16-29, so VFS knows how much
 * to grant), group 'i'.  Addresses are IPv4 in network byte order.
 *
 *   SIOCGIFINFO   struct if_info: index in (0, 1, ... in lwIP's order,
 *                 lo first); all the rest out; ENXIO past the last
 *   SIOCSIFCONF   struct if_set: change interface `name` (root only:
 *                 EPERM): IFS_ADDR sets addr and mask (stopping DHCP),
 *                 IFS_GW the gateway, IFS_UP / IFS_DOWN, IFS_DHCP
 *                 starts lwIP's DHCP client; ENXIO: no such interface
 *   SIOCGSOCKINFO struct sock_info: index in; the first socket at or
 *                 after it out (its index in `index`); ENOENT if none
 *   SIOCGNETSTATS struct net_stats: out, the protocol counters of
 *                 INET since it started (netstat -s)
 */
#pragma once

#include <stdint.h>

#define NETIF_IOC(nr, size) (((uint32_t)(size) << 16) | ('i' << 8) | (nr))

#define IF_NAME_LEN 8
#define IF_DRIVER_LEN 16

/* if_info.flags, with the numbers of <net/if.h>'s IFF_*. */
#define IFI_UP 0x1
#define IFI_BROADCAST 0x2
#define IFI_LOOPBACK 0x8
#define IFI_RUNNING 0x40

/* if_info.dhcp */
#define IFI_DHCP_OFF 0
#define IFI_DHCP_ASKING 1
#define IFI_DHCP_BOUND 2

struct if_info {
	uint32_t index;
	char name[IF_NAME_LEN];	    /* lo, eth0 ... */
	char driver[IF_DRIVER_LEN]; /* the driver's label; "" for lo */
	char card[IF_DRIVER_LEN];   /* what the driver calls its card */
	uint8_t mac[6];
	uint16_t flags; /* IFI_* */
	uint32_t addr, mask, gw;
	uint32_t mtu;
	uint32_t dhcp; /* IFI_DHCP_* */
	uint32_t rx_packets, tx_packets, rx_bytes, tx_bytes;
	uint32_t rx_errors, rx_drops, tx_errors, tx_drops;
	uint32_t bad_replies; /* driver answers that broke the protocol */
	uint32_t restarts;    /* driver instances after the first */
};

#define IFS_ADDR 0x1
#define IFS_GW 0x2
#define IFS_UP 0x4
#define IFS_DOWN 0x8
#define IFS_DHCP 0x10

struct if_set {
	char name[IF_NAME_LEN];
	uint32_t what; /* IFS_* */
	uint32_t addr, mask, gw;
};

/* sock_info.state: TCP's states as lwIP numbers them; UDP and raw
 * sockets say SI_DGRAM. */
#define SI_DGRAM 100

struct sock_info {
	uint32_t index;
	int32_t type;  /* SOCK_STREAM, SOCK_DGRAM, SOCK_RAW */
	int32_t state; /* 0 CLOSED, 1 LISTEN, 2 SYN_SENT, 3 SYN_RCVD,
			* 4 ESTABLISHED, 5 FIN_WAIT_1, 6 FIN_WAIT_2,
			* 7 CLOSE_WAIT, 8 CLOSING, 9 LAST_ACK,
			* 10 TIME_WAIT; SI_DGRAM */
	uint32_t local_addr, remote_addr;
	uint16_t local_port, remote_port; /* host order */
	uint32_t recv_q;		  /* bytes received, not read */
	uint32_t send_q;		  /* bytes sent, not acknowledged */
};

/* net_stats.proto[]: one row per layer, in this order. */
enum { NS_LINK, NS_ARP, NS_FRAG, NS_IP, NS_ICMP, NS_UDP, NS_TCP, NS_COUNT };

/* A layer's counters: packets sent, received and forwarded; dropped
 * (for any reason; the rest say why, a packet may count in several):
 * bad checksum, bad length, no memory, no route, a protocol error, a
 * bad option, anything else. */
struct net_proto_stats {
	uint32_t xmit, recv, fw, drop;
	uint32_t chkerr, lenerr, memerr, rterr, proterr, opterr, err;
};

struct net_stats {
	struct net_proto_stats proto[NS_COUNT];
	/* half-open TCP connections dropped to make room for a new SYN at
	 * a listener whose backlog they filled (a SYN flood) */
	uint32_t syn_evicted;
};

#define SIOCGIFINFO NETIF_IOC(1, sizeof(struct if_info))
#define SIOCSIFCONF NETIF_IOC(2, sizeof(struct if_set))
#define SIOCGSOCKINFO NETIF_IOC(3, sizeof(struct sock_info))
#define SIOCGNETSTATS NETIF_IOC(4, sizeof(struct net_stats))
