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
/* no OS layer: one thread, INET's loop, calls lwIP */
#define NO_SYS 1
/* lwIP's timers, run by INET's loop through sys_check_timeouts */
#define LWIP_TIMERS 1
/* nothing runs concurrently with lwIP */
#define SYS_LIGHTWEIGHT_PROT 0
/* no sequential API: it needs threads */
#define LWIP_NETCONN 0
/* INET serves sockets itself */
#define LWIP_SOCKET 0
/* no thread-safe netif API: it needs threads too */
#define LWIP_NETIF_API 0
/* the raw API calls back (recv, sent, accept, ...) */
#define LWIP_CALLBACK_API 1

/* ---- memory ---- */
/* i386: 32-bit loads want 4-byte alignment */
#define MEM_ALIGNMENT 4
/* a static heap: INET's size cannot creep */
#define MEM_LIBC_MALLOC 0
/* the pools are static arrays too, never malloc */
#define MEMP_MEM_MALLOC 0
/* the heap: TCP send data (PBUF_RAM) */
#define MEM_SIZE (256 * 1024)
/* receive buffers: 16 connections' full windows */
#define PBUF_POOL_SIZE 128
/* each holds a whole frame (NDEV_MAX_FRAME 1514) */
#define PBUF_POOL_BUFSIZE 1536
/* pbufs pointing at others' data (ROM/REF) */
#define MEMP_NUM_PBUF 64
/* UDP sockets, plus DHCP's */
#define MEMP_NUM_UDP_PCB 32
/* raw ICMP sockets (ping) */
#define MEMP_NUM_RAW_PCB 8
/* TCP connections at once */
#define MEMP_NUM_TCP_PCB 32
/* listening TCP sockets */
#define MEMP_NUM_TCP_PCB_LISTEN 16
/* queued segments: several full send queues */
#define MEMP_NUM_TCP_SEG 256
/* lwIP's own timeouts, plus 8 for INET's */
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)

/* ---- IPv4 ---- */
/* IPv4, the one IP version INET offers */
#define LWIP_IPV4 1
/* no IPv6: INET offers IPv4 only */
#define LWIP_IPV6 0
/* a host, never a router */
#define IP_FORWARD 0
/* datagrams bigger than the MTU arrive fragmented */
#define IP_REASSEMBLY 1
/* datagrams bigger than the MTU leave fragmented */
#define IP_FRAG 1
/* sending to a broadcast address needs SO_BROADCAST */
#define IP_SOF_BROADCAST 1
/* receiving broadcasts needs no option */
#define IP_SOF_BROADCAST_RECV 0
/* SO_REUSEADDR: bind to a port still in TIME-WAIT */
#define SO_REUSE 1
/* raw ICMP PCBs: ping */
#define LWIP_RAW 1
/* lwIP answers pings and reports closed UDP ports */
#define LWIP_ICMP 1
/* no multicast groups */
#define LWIP_IGMP 0
/* DHCP or a fixed address, never 169.254/16 */
#define LWIP_AUTOIP 0
/* restrict=on networks have no reachable DNS */
#define LWIP_DNS 0

/* ---- Ethernet and ARP ---- */
/* ARP: Ethernet NICs need it */
#define LWIP_ARP 1
/* netif/ethernet.c: frame in, frame out */
#define LWIP_ETHERNET 1
/* frames are copied to and from drivers: no alignment pad */
#define ETH_PAD_SIZE 0
/* keep every packet sent while ARP resolves */
#define ARP_QUEUEING 1
/* neighbours remembered per ARP table */
#define ARP_TABLE_SIZE 16

/* ---- DHCP ---- */
/* the first NIC is configured by DHCP */
#define LWIP_DHCP 1
/* no ARP probe of the offered address: it delays each lease by 1 s */
#define DHCP_DOES_ARP_CHECK 0
/* DHCP tells the server our host name */
#define LWIP_NETIF_HOSTNAME 1

/* ---- UDP and TCP ---- */
/* UDP: SOCK_DGRAM, and DHCP */
#define LWIP_UDP 1
/* TCP: SOCK_STREAM */
#define LWIP_TCP 1
/* a 1500-byte Ethernet MTU less 40 of headers */
#define TCP_MSS 1460
/* the receive window fits an NE2000's 16 KiB ring (QEMU drops overflow) */
#define TCP_WND (8 * TCP_MSS)
/* ~16 KB of unsent and unacknowledged data per socket */
#define TCP_SND_BUF (11 * TCP_MSS)
/* pbufs in one send queue: enough for TCP_SND_BUF in small writes */
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS)
/* keep out-of-order data: the driver-restart recovery needs it */
#define TCP_QUEUE_OOSEQ 1
/* listen()'s backlog limits connections not yet accepted */
#define TCP_LISTEN_BACKLOG 1
/* SO_KEEPALIVE: lwIP's keepalive probes */
#define LWIP_TCP_KEEPALIVE 1
/* TCP sums data while tcp_write copies it: one pass, not two */
#define LWIP_CHECKSUM_ON_COPY 1

/* ---- interfaces ---- */
/* packets to one of our own addresses loop back */
#define LWIP_NETIF_LOOPBACK 1
/* lo0 at 127.0.0.1, made by lwip_init */
#define LWIP_HAVE_LOOPIF 1
/* at most 128 packets wait on lo0: a flood cannot take the heap */
#define LWIP_LOOPBACK_MAX_PBUFS 128
/* INET hears of interfaces going up or down */
#define LWIP_NETIF_STATUS_CALLBACK 1
/* INET hears of link changes */
#define LWIP_NETIF_LINK_CALLBACK 1

/* ---- statistics ---- */
/* counters for ifconfig and netstat (netstat -s: SIOCGNETSTATS) */
#define LWIP_STATS 1
/* 32-bit counters: 16-bit ones wrap after 65,536 packets */
#define LWIP_STATS_LARGE 1
/* no stats_display(): INET reports the counters itself */
#define LWIP_STATS_DISPLAY 0
/* no SNMP agent */
#define MIB2_STATS 0

/* ---- hooks (hooks.h, hooks.c) ---- */
#define LWIP_HOOK_FILENAME "hooks.h"
/* a SYN to a full backlog drops the oldest half-open connection */
#define LWIP_HOOK_TCP_INPACKET_PCB(pcb, hdr, optlen, opt1len, opt2, p)         \
	port_tcp_inpacket(pcb, hdr, optlen, opt1len, opt2, p)
/* initial sequence numbers as RFC 6528 says */
#define LWIP_HOOK_TCP_ISN(local_ip, local_port, remote_ip, remote_port)        \
	port_tcp_isn(local_ip, local_port, remote_ip, remote_port)
