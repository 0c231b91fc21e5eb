/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * lwIP's options for INET: the values lwIP 2.1.3's src/include/lwip/opt.h
 * takes from here instead of its defaults.  Every lwIP file (and
 * everything that includes an lwIP header) sees them, so the library
 * and its users must be built with this same file.
 *
 * The shape: one single-threaded server, so no operating-system layer
 * (NO_SYS) and only the raw callback API; INET's own socket protocol
 * sits on top.  IPv4 with TCP, UDP, raw ICMP, ARP, a DHCP client and the
 * 127.0.0.1 loopback interface.  Memory is static: a heap for outgoing
 * data and fixed pools for everything else, sized below; lwIP counts
 * each failed allocation in its statistics instead of growing.
 * The reasons for the TCP and ARP values are measured in
 * ../shared/reference/networking.md (sections 2.3 and 2.4).
 */
#pragma once

/* ---- the system layer ---- */
#define NO_SYS 1	       /* one thread: INET's loop calls lwIP */
#define LWIP_TIMERS 1	       /* lwIP's timers, run by sys_check_timeouts */
#define SYS_LIGHTWEIGHT_PROT 0 /* nothing runs concurrently with lwIP */
#define LWIP_NETCONN 0	       /* no sequential API: it needs threads */
#define LWIP_SOCKET 0	       /* INET serves sockets itself */
#define LWIP_NETIF_API 0       /* the same: a thread-safe netif API */
#define LWIP_CALLBACK_API 1    /* raw API callbacks (recv, sent, ...) */

/* ---- memory ---- */
#define MEM_ALIGNMENT 4	       /* i386: 32-bit loads want 4-byte alignment */
#define MEM_LIBC_MALLOC 0      /* a static heap: INET's size cannot creep */
#define MEMP_MEM_MALLOC 0      /* pools are static arrays, too */
#define MEM_SIZE (256 * 1024)  /* the heap: TCP send data (PBUF_RAM) */
#define PBUF_POOL_SIZE 128     /* receive buffers: 16 connections' windows */
#define PBUF_POOL_BUFSIZE 1536 /* one whole frame (NDEV_MAX_FRAME 1514) */
#define MEMP_NUM_PBUF 64       /* pbufs pointing at others' data (ROM/REF) */
#define MEMP_NUM_UDP_PCB 32    /* UDP sockets, plus DHCP's */
#define MEMP_NUM_RAW_PCB 8     /* raw ICMP sockets (ping) */
#define MEMP_NUM_TCP_PCB 32    /* TCP connections at once */
#define MEMP_NUM_TCP_PCB_LISTEN 16 /* listening TCP sockets */
#define MEMP_NUM_TCP_SEG 256 /* queued segments: several full send queues */
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8) /* + INET's */

/* ---- IPv4 ---- */
#define LWIP_IPV4 1	/* the only IP version INET offers */
#define LWIP_IPV6 0	/* not offered */
#define IP_FORWARD 0	/* a host, never a router */
#define IP_REASSEMBLY 1 /* big datagrams arrive fragmented */
#define IP_FRAG 1	/* and leave fragmented */
#define IP_SOF_BROADCAST                                                       \
	1 /* sending to a broadcast address needs SO_BROADCAST */
#define IP_SOF_BROADCAST_RECV 0 /* but receiving broadcasts does not */
#define SO_REUSE 1		/* SO_REUSEADDR for bind */
#define LWIP_RAW 1		/* raw ICMP PCBs: ping */
#define LWIP_ICMP 1   /* answers echo requests, reports unreachables */
#define LWIP_IGMP 0   /* no multicast groups */
#define LWIP_AUTOIP 0 /* DHCP or a fixed address, never 169.254/16 */
#define LWIP_DNS 0    /* restrict=on networks have no reachable DNS */

/* ---- Ethernet and ARP ---- */
#define LWIP_ARP 1	  /* Ethernet NICs need it */
#define LWIP_ETHERNET 1	  /* netif/ethernet.c: frame in, frame out */
#define ETH_PAD_SIZE 0	  /* frames are copied, so no alignment pad */
#define ARP_QUEUEING 1	  /* keep every packet sent while ARP resolves */
#define ARP_TABLE_SIZE 16 /* neighbours remembered */

/* ---- DHCP ---- */
#define LWIP_DHCP 1	      /* the first NIC is configured by DHCP */
#define DHCP_DOES_ARP_CHECK 0 /* it delays every lease by 1 s */
#define LWIP_NETIF_HOSTNAME 1 /* DHCP tells the server our host name */

/* ---- UDP and TCP ---- */
#define LWIP_UDP 1	      /* SOCK_DGRAM and DHCP */
#define LWIP_TCP 1	      /* SOCK_STREAM */
#define TCP_MSS 1460	      /* a 1500-byte Ethernet MTU less 40 of headers */
#define TCP_WND (8 * TCP_MSS) /* fits an NE2000's 16 KiB receive ring */
#define TCP_SND_BUF (11 * TCP_MSS) /* ~16 KB unsent+unacked per socket */
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS) /* pbufs */
#define TCP_QUEUE_OOSEQ 1	/* keep out-of-order data: recovery needs it */
#define TCP_LISTEN_BACKLOG 1	/* listen's backlog limits unaccepted ones */
#define LWIP_TCP_KEEPALIVE 1	/* SO_KEEPALIVE, and a probe after recovery */
#define LWIP_CHECKSUM_ON_COPY 1 /* checksum while tcp_write copies */

/* ---- interfaces ---- */
#define LWIP_NETIF_LOOPBACK 1	     /* packets to our own address loop back */
#define LWIP_HAVE_LOOPIF 1	     /* lo, 127.0.0.1, made by lwip_init */
#define LWIP_LOOPBACK_MAX_PBUFS 128  /* bound the loopback queue */
#define LWIP_NETIF_STATUS_CALLBACK 1 /* INET hears of up/down and addresses */
#define LWIP_NETIF_LINK_CALLBACK 1   /* and of link changes */

/* ---- statistics and debugging ---- */
#define LWIP_STATS 1	     /* counters for ifconfig and netstat */
#define LWIP_STATS_DISPLAY 0 /* INET prints them itself */
#define MIB2_STATS 0	     /* no SNMP agent */
