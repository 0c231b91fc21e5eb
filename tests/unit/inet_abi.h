/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The socket ABI's numbers and layouts that must equal Linux's, as one
 * list: test_inet.c expands it against lib/libc/include (and so
 * include/abi/socket.h), inet_linux.c against the host's glibc headers,
 * and the test compares the two tables entry by entry.  In
 * INET_ABI_LIST(V, L), V(name) is a constant, L(name, expr) a size or
 * offset.
 *
 * Not here, because they differ on purpose (include/abi/socket.h says
 * why): SOCK_NONBLOCK, SOCK_CLOEXEC, and SOCK_FLAGS, which Linux lacks.
 */
#pragma once

#define INET_ABI_LIST(V, L)                                                    \
	V(AF_UNSPEC)                                                           \
	V(AF_UNIX)                                                             \
	V(AF_LOCAL)                                                            \
	V(AF_INET)                                                             \
	V(AF_INET6)                                                            \
	V(PF_UNSPEC)                                                           \
	V(PF_UNIX)                                                             \
	V(PF_LOCAL)                                                            \
	V(PF_INET)                                                             \
	V(PF_INET6)                                                            \
	V(SOCK_STREAM)                                                         \
	V(SOCK_DGRAM)                                                          \
	V(SOCK_RAW)                                                            \
	V(SOCK_SEQPACKET)                                                      \
	V(SOL_SOCKET)                                                          \
	V(SO_DEBUG)                                                            \
	V(SO_REUSEADDR)                                                        \
	V(SO_TYPE)                                                             \
	V(SO_ERROR)                                                            \
	V(SO_DONTROUTE)                                                        \
	V(SO_BROADCAST)                                                        \
	V(SO_SNDBUF)                                                           \
	V(SO_RCVBUF)                                                           \
	V(SO_KEEPALIVE)                                                        \
	V(SO_OOBINLINE)                                                        \
	V(SO_LINGER)                                                           \
	V(SO_RCVLOWAT)                                                         \
	V(SO_SNDLOWAT)                                                         \
	V(SO_RCVTIMEO)                                                         \
	V(SO_SNDTIMEO)                                                         \
	V(SO_ACCEPTCONN)                                                       \
	V(MSG_OOB)                                                             \
	V(MSG_PEEK)                                                            \
	V(MSG_DONTROUTE)                                                       \
	V(MSG_CTRUNC)                                                          \
	V(MSG_TRUNC)                                                           \
	V(MSG_DONTWAIT)                                                        \
	V(MSG_EOR)                                                             \
	V(MSG_WAITALL)                                                         \
	V(MSG_NOSIGNAL)                                                        \
	V(SHUT_RD)                                                             \
	V(SHUT_WR)                                                             \
	V(SHUT_RDWR)                                                           \
	V(IPPROTO_IP)                                                          \
	V(IPPROTO_ICMP)                                                        \
	V(IPPROTO_TCP)                                                         \
	V(IPPROTO_UDP)                                                         \
	V(IPPROTO_RAW)                                                         \
	V(IP_TOS)                                                              \
	V(IP_TTL)                                                              \
	V(IP_HDRINCL)                                                          \
	V(TCP_NODELAY)                                                         \
	V(TCP_MAXSEG)                                                          \
	V(TCP_KEEPIDLE)                                                        \
	V(TCP_KEEPINTVL)                                                       \
	V(TCP_KEEPCNT)                                                         \
	V(INADDR_ANY)                                                          \
	V(INADDR_BROADCAST)                                                    \
	V(INADDR_NONE)                                                         \
	V(INADDR_LOOPBACK)                                                     \
	V(INET_ADDRSTRLEN)                                                     \
	V(INET6_ADDRSTRLEN)                                                    \
	V(IFNAMSIZ)                                                            \
	V(IFF_UP)                                                              \
	V(IFF_BROADCAST)                                                       \
	V(IFF_DEBUG)                                                           \
	V(IFF_LOOPBACK)                                                        \
	V(IFF_POINTOPOINT)                                                     \
	V(IFF_RUNNING)                                                         \
	V(IFF_NOARP)                                                           \
	V(IFF_PROMISC)                                                         \
	V(IFF_ALLMULTI)                                                        \
	V(IFF_MULTICAST)                                                       \
	V(ARPHRD_ETHER)                                                        \
	V(ARPHRD_LOOPBACK)                                                     \
	V(IPVERSION)                                                           \
	V(IP_MAXPACKET)                                                        \
	V(IPDEFTTL)                                                            \
	V(IP_RF)                                                               \
	V(IP_DF)                                                               \
	V(IP_MF)                                                               \
	V(IP_OFFMASK)                                                          \
	V(ICMP_ECHOREPLY)                                                      \
	V(ICMP_UNREACH)                                                        \
	V(ICMP_DEST_UNREACH)                                                   \
	V(ICMP_SOURCEQUENCH)                                                   \
	V(ICMP_SOURCE_QUENCH)                                                  \
	V(ICMP_REDIRECT)                                                       \
	V(ICMP_ECHO)                                                           \
	V(ICMP_TIMXCEED)                                                       \
	V(ICMP_TIME_EXCEEDED)                                                  \
	V(ICMP_PARAMPROB)                                                      \
	V(ICMP_PARAMETERPROB)                                                  \
	V(ICMP_TSTAMP)                                                         \
	V(ICMP_TSTAMPREPLY)                                                    \
	V(ICMP_UNREACH_NET)                                                    \
	V(ICMP_UNREACH_HOST)                                                   \
	V(ICMP_UNREACH_PROTOCOL)                                               \
	V(ICMP_UNREACH_PORT)                                                   \
	V(ICMP_UNREACH_NEEDFRAG)                                               \
	V(ICMP_MINLEN)                                                         \
	V(AI_PASSIVE)                                                          \
	V(AI_CANONNAME)                                                        \
	V(AI_NUMERICHOST)                                                      \
	V(AI_V4MAPPED)                                                         \
	V(AI_ALL)                                                              \
	V(AI_ADDRCONFIG)                                                       \
	V(AI_NUMERICSERV)                                                      \
	V(NI_NUMERICHOST)                                                      \
	V(NI_NUMERICSERV)                                                      \
	V(NI_NOFQDN)                                                           \
	V(NI_NAMEREQD)                                                         \
	V(NI_DGRAM)                                                            \
	V(NI_MAXHOST)                                                          \
	V(NI_MAXSERV)                                                          \
	V(EAI_BADFLAGS)                                                        \
	V(EAI_NONAME)                                                          \
	V(EAI_AGAIN)                                                           \
	V(EAI_FAIL)                                                            \
	V(EAI_FAMILY)                                                          \
	V(EAI_SOCKTYPE)                                                        \
	V(EAI_SERVICE)                                                         \
	V(EAI_MEMORY)                                                          \
	V(EAI_SYSTEM)                                                          \
	V(EAI_OVERFLOW)                                                        \
	V(HOST_NOT_FOUND)                                                      \
	V(TRY_AGAIN)                                                           \
	V(NO_RECOVERY)                                                         \
	V(NO_DATA)                                                             \
	L(sockaddr_size, sizeof(struct sockaddr))                              \
	L(sockaddr_data, offsetof(struct sockaddr, sa_data))                   \
	L(sockaddr_in_size, sizeof(struct sockaddr_in))                        \
	L(sin_port, offsetof(struct sockaddr_in, sin_port))                    \
	L(sin_addr, offsetof(struct sockaddr_in, sin_addr))                    \
	L(sin_zero, offsetof(struct sockaddr_in, sin_zero))                    \
	L(sockaddr_storage_size, sizeof(struct sockaddr_storage))              \
	L(linger_size, sizeof(struct linger))                                  \
	L(l_linger, offsetof(struct linger, l_linger))                         \
	L(ifreq_size, sizeof(struct ifreq))                                    \
	L(ifr_addr, offsetof(struct ifreq, ifr_addr))                          \
	L(ifr_flags, offsetof(struct ifreq, ifr_flags))                        \
	L(ifr_mtu, offsetof(struct ifreq, ifr_mtu))                            \
	L(ifr_ifindex, offsetof(struct ifreq, ifr_ifindex))                    \
	L(iphdr_size, sizeof(struct iphdr))                                    \
	L(ip_size, sizeof(struct ip))                                          \
	L(ip_src, offsetof(struct ip, ip_src))                                 \
	L(iphdr_daddr, offsetof(struct iphdr, daddr))                          \
	L(icmphdr_size, sizeof(struct icmphdr))                                \
	L(icmp_seq, offsetof(struct icmp, icmp_seq))                           \
	L(icmp_data, offsetof(struct icmp, icmp_data))                         \
	L(icmphdr_sequence, offsetof(struct icmphdr, un.echo.sequence))        \
	L(addrinfo_size, sizeof(struct addrinfo))                              \
	L(ai_addrlen, offsetof(struct addrinfo, ai_addrlen))                   \
	L(ai_addr, offsetof(struct addrinfo, ai_addr))                         \
	L(ai_canonname, offsetof(struct addrinfo, ai_canonname))               \
	L(ai_next, offsetof(struct addrinfo, ai_next))                         \
	L(hostent_size, sizeof(struct hostent))                                \
	L(servent_size, sizeof(struct servent))                                \
	L(s_port, offsetof(struct servent, s_port))

/* One entry of a table; a table ends with a null name. */
struct inet_abi_entry {
	const char *name;
	long long value;
};
