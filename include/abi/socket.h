/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The socket ABI: every number and layout that a program's socket calls
 * carry to INET unchanged.  The C library's <sys/socket.h>,
 * <netinet/in.h>, <netinet/tcp.h> and <net/if.h> take them from here,
 * and so do the socket protocol and INET, so each value is written once.
 *
 * The numbers are Linux's (the same as the BSDs' for the address
 * families, socket types, IP protocols and shutdown modes), except
 * SOCK_NONBLOCK and SOCK_CLOEXEC, which are FreeBSD's: high bits that no
 * socket type uses and that do not depend on <fcntl.h>'s O_ flags.
 * The address layout is Linux's too: a 16-bit family first and no
 * length byte, so struct sockaddr_in is 16 bytes.
 *
 * What the kernel-less rule of include/abi asks: only <stdint.h>.  Only
 * IPv4 is served; AF_INET6 is here so that a library can refuse it by
 * name.  Values a program reads back (SO_TYPE, SO_ERROR, ...) are ints;
 * SO_RCVTIMEO and SO_SNDTIMEO take the program's struct timeval
 * (newlib: a 64-bit tv_sec and a 32-bit tv_usec, 12 bytes on i686);
 * SO_LINGER takes struct linger.
 */
#pragma once

#include <stdint.h>

/* Address families, and the protocol families of the same numbers. */
#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_LOCAL AF_UNIX
#define AF_INET 2
#define AF_INET6 10
#define PF_UNSPEC AF_UNSPEC
#define PF_UNIX AF_UNIX
#define PF_LOCAL AF_LOCAL
#define PF_INET AF_INET
#define PF_INET6 AF_INET6

/* Socket types, and the flags a program may or into socket()'s type. */
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SOCK_SEQPACKET 5
#define SOCK_CLOEXEC 0x10000000
#define SOCK_NONBLOCK 0x20000000
#define SOCK_FLAGS (SOCK_CLOEXEC | SOCK_NONBLOCK) /* all the flags */

/* Option levels: the socket itself, or a protocol (IPPROTO_*). */
#define SOL_SOCKET 1

/* Socket options (level SOL_SOCKET). */
#define SO_DEBUG 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_DONTROUTE 5
#define SO_BROADCAST 6
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_OOBINLINE 10
#define SO_LINGER 13
#define SO_RCVLOWAT 18
#define SO_SNDLOWAT 19
#define SO_RCVTIMEO 20
#define SO_SNDTIMEO 21
#define SO_ACCEPTCONN 30

/* The flags of send, recv and their relatives. */
#define MSG_OOB 0x1
#define MSG_PEEK 0x2
#define MSG_DONTROUTE 0x4
#define MSG_CTRUNC 0x8
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40
#define MSG_EOR 0x80
#define MSG_WAITALL 0x100
#define MSG_NOSIGNAL 0x4000

/* shutdown()'s modes. */
#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

/* The largest backlog listen() takes; a larger one is cut to this. */
#define SOMAXCONN 128

/* IP protocols: socket()'s protocol, and option levels. */
#define IPPROTO_IP 0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_RAW 255

/* IP options (level IPPROTO_IP), int values. */
#define IP_TOS 1
#define IP_TTL 2
#define IP_HDRINCL 3

/* TCP options (level IPPROTO_TCP), int values; times in seconds. */
#define TCP_NODELAY 1
#define TCP_MAXSEG 2
#define TCP_KEEPIDLE 4
#define TCP_KEEPINTVL 5
#define TCP_KEEPCNT 6

typedef uint16_t sa_family_t;
typedef uint32_t socklen_t;
typedef uint16_t in_port_t; /* network byte order in a sockaddr_in */
typedef uint32_t in_addr_t; /* network byte order in a sockaddr_in */

/* Special IPv4 addresses, as host-order in_addr_t values. */
#define INADDR_ANY ((in_addr_t)0x00000000)
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)
#define INADDR_NONE ((in_addr_t)0xffffffff)
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001)

/* Any address: its family says which kind it really is. */
struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

/* Room for an address of any family, aligned for each of them. */
struct sockaddr_storage {
	_Alignas(8) sa_family_t ss_family;
	char ss_data[126];
};

struct in_addr {
	in_addr_t s_addr;
};

/* An IPv4 address and port; sin_zero is zero. */
struct sockaddr_in {
	sa_family_t sin_family; /* AF_INET */
	in_port_t sin_port;
	struct in_addr sin_addr;
	unsigned char sin_zero[8];
};

/* SO_LINGER: with l_onoff, close waits up to l_linger seconds. */
struct linger {
	int l_onoff;
	int l_linger;
};

_Static_assert(sizeof(struct sockaddr) == 16, "struct sockaddr");
_Static_assert(sizeof(struct sockaddr_in) == 16, "struct sockaddr_in");
_Static_assert(sizeof(struct sockaddr_storage) == 128, "sockaddr_storage");
_Static_assert(sizeof(struct linger) == 8, "struct linger");

/*
 * Network interfaces, as a socket's ioctls name them (struct ifreq): a
 * name of at most IFNAMSIZ bytes with its NUL ("eth0", "lo"), and one
 * value.  ifr_hwaddr is a struct sockaddr whose family is ARPHRD_ETHER
 * and whose sa_data starts with the 6-byte MAC address.
 */
#define IFNAMSIZ 16

#define IFF_UP 0x1
#define IFF_BROADCAST 0x2
#define IFF_DEBUG 0x4
#define IFF_LOOPBACK 0x8
#define IFF_POINTOPOINT 0x10
#define IFF_RUNNING 0x40
#define IFF_NOARP 0x80
#define IFF_PROMISC 0x100
#define IFF_ALLMULTI 0x200
#define IFF_MULTICAST 0x1000

#define ARPHRD_ETHER 1
#define ARPHRD_LOOPBACK 772

struct ifreq {
	char ifr_name[IFNAMSIZ];
	union {
		struct sockaddr ifru_addr;
		struct sockaddr ifru_dstaddr;
		struct sockaddr ifru_broadaddr;
		struct sockaddr ifru_netmask;
		struct sockaddr ifru_hwaddr;
		short ifru_flags;
		int ifru_ivalue;
		int ifru_mtu;
	} ifr_ifru;
};
#define ifr_addr ifr_ifru.ifru_addr
#define ifr_dstaddr ifr_ifru.ifru_dstaddr
#define ifr_broadaddr ifr_ifru.ifru_broadaddr
#define ifr_netmask ifr_ifru.ifru_netmask
#define ifr_hwaddr ifr_ifru.ifru_hwaddr
#define ifr_flags ifr_ifru.ifru_flags
#define ifr_ifindex ifr_ifru.ifru_ivalue
#define ifr_metric ifr_ifru.ifru_ivalue
#define ifr_mtu ifr_ifru.ifru_mtu

_Static_assert(sizeof(struct ifreq) == 32, "struct ifreq");
