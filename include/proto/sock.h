/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The socket protocol: VFS asks INET for what a socket does beyond a
 * file's read and write.  A socket is a VFS file descriptor whose open
 * file names INET and a socket number; VFS sends through
 * lib/libsys/sock.c (sockclient.h), INET serves (servers/inet).
 *
 * INET is also a character driver for its sockets (proto/cdev.h, with
 * the socket number as the minor): read, write, ioctl, select, close
 * and cancel of a socket are CDEV requests, and every request of
 * either protocol that cannot finish at once (a connect, an accept, a
 * receive with nothing queued) is answered SOCK_SUSPENDED or
 * CDEV_SUSPENDED and finishes as CDEV_DONE news that VFS collects with
 * CDEV_STATUS, with the program's endpoint as the request's id.  So
 * one mechanism keeps every waiting call, and CDEV_CANCEL ends any of
 * them (a signal: EINTR).  CDEV_OPEN is not used: SOCK_CREATE makes a
 * socket.
 *
 *   SOCK_CREATE   struct sock_create: id, domain, type, protocol, uid
 *                 -> the new socket's number (>= 0)
 *   SOCK_BIND     struct sock_addr_req: sock, addr
 *   SOCK_CONNECT  struct sock_addr_req: sock, id, flags, addr -> 0, or
 *                 SOCK_SUSPENDED (the result comes as news), or
 *                 EINPROGRESS with VO_NONBLOCK
 *   SOCK_LISTEN   struct sock_listen: sock, backlog
 *   SOCK_ACCEPT   struct sock_accept: sock, id, flags, grant/len =
 *                 where the peer's address goes (GRANT_INVALID: not
 *                 wanted) -> the new socket's number, or SUSPENDED
 *   SOCK_SENDTO   struct sock_sendto: sock, id, flags, grant/len = the
 *                 data, msg_flags (MSG_*), addr (addr_len 0: the
 *                 connected peer) -> bytes, or SUSPENDED
 *   SOCK_RECVFROM struct sock_recvfrom: sock, id, flags, grant/len =
 *                 the buffer, msg_flags, addr_grant/addr_len = where
 *                 the sender's address goes -> bytes, or SUSPENDED
 *   SOCK_SHUTDOWN struct sock_shutdown: sock, how (SHUT_*)
 *   SOCK_SETOPT   struct sock_setopt: sock, level, name, len, value
 *   SOCK_GETOPT   struct sock_getopt: sock, level, name, len (room)
 *                 -> SOCK_OPT_REPLY, struct sock_opt_reply: status,
 *                 len, value
 *   SOCK_GETNAME  struct sock_getname: sock, peer (0: its own address,
 *                 1: the peer's) -> SOCK_NAME_REPLY, struct
 *                 sock_name_reply: status, addr
 * Every other answer is SOCK_REPLY, struct sock_reply: the status.
 *
 * Addresses travel in the message as the program wrote them: a struct
 * sockaddr_in of SOCK_ADDR_MAX bytes (family, port and address in
 * network order); addr_len says how many bytes are meaningful.  An
 * address INET hands back through a grant is cut to the grant's
 * length, as accept() and recvfrom() cut it to *addrlen.  `flags` is
 * the open file's VO_NONBLOCK; the numbers of domains, types, options,
 * MSG_* and SHUT_* are those of include/abi/socket.h, which the C
 * library's headers use too.  `uid` is the creator's effective user
 * id: INET lets only root make raw sockets and change interfaces.
 *
 * Errors are the usual socket ones (EAFNOSUPPORT, EPROTONOSUPPORT,
 * EADDRINUSE, ECONNREFUSED, ENOTCONN, EISCONN, EOPNOTSUPP, ENOPROTOOPT,
 * EWOULDBLOCK ...); EBADF for a socket number INET does not know;
 * EINVAL for a malformed field; EFAULT for a grant INET cannot copy
 * through; EPERM from anybody but VFS.
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"

#define SOCK_BASE 0xc00
#define SOCK_CREATE (SOCK_BASE + 1)
#define SOCK_BIND (SOCK_BASE + 2)
#define SOCK_CONNECT (SOCK_BASE + 3)
#define SOCK_LISTEN (SOCK_BASE + 4)
#define SOCK_ACCEPT (SOCK_BASE + 5)
#define SOCK_SENDTO (SOCK_BASE + 6)
#define SOCK_RECVFROM (SOCK_BASE + 7)
#define SOCK_SHUTDOWN (SOCK_BASE + 8)
#define SOCK_SETOPT (SOCK_BASE + 9)
#define SOCK_GETOPT (SOCK_BASE + 10)
#define SOCK_GETNAME (SOCK_BASE + 11)
#define SOCK_REPLY (SOCK_BASE + 0x80)
#define SOCK_OPT_REPLY (SOCK_BASE + 0x81)
#define SOCK_NAME_REPLY (SOCK_BASE + 0x82)

#define SOCK_SUSPENDED (-1000) /* CDEV_SUSPENDED: "answered later" */
#define SOCK_ADDR_MAX 16       /* a struct sockaddr_in */
#define SOCK_OPT_MAX 16	       /* an option's value: int, timeval, linger */

/* SOCK_CREATE */
struct sock_create {
	endpoint_t id; /* the program */
	int32_t domain, type, protocol;
	uint32_t uid;
};
MSG_FITS(struct sock_create);

/* SOCK_BIND, SOCK_CONNECT (id and flags: CONNECT's). */
struct sock_addr_req {
	uint32_t sock;
	endpoint_t id;
	uint32_t flags; /* VO_NONBLOCK */
	uint32_t addr_len;
	uint8_t addr[SOCK_ADDR_MAX];
};
MSG_FITS(struct sock_addr_req);

/* SOCK_LISTEN */
struct sock_listen {
	uint32_t sock;
	int32_t backlog;
};
MSG_FITS(struct sock_listen);

/* SOCK_ACCEPT */
struct sock_accept {
	uint32_t sock;
	endpoint_t id;
	uint32_t flags;
	grant_id_t grant; /* the peer's address, or GRANT_INVALID */
	uint32_t len;
};
MSG_FITS(struct sock_accept);

/* SOCK_SENDTO */
struct sock_sendto {
	uint32_t sock;
	endpoint_t id;
	uint32_t flags;
	grant_id_t grant; /* the data */
	uint32_t len;
	uint32_t msg_flags;
	uint32_t addr_len; /* 0: the connected peer */
	uint8_t addr[SOCK_ADDR_MAX];
};
MSG_FITS(struct sock_sendto);

/* SOCK_RECVFROM */
struct sock_recvfrom {
	uint32_t sock;
	endpoint_t id;
	uint32_t flags;
	grant_id_t grant; /* the buffer */
	uint32_t len;
	uint32_t msg_flags;
	grant_id_t addr_grant; /* the sender's address, or GRANT_INVALID */
	uint32_t addr_len;
};
MSG_FITS(struct sock_recvfrom);

/* SOCK_SHUTDOWN */
struct sock_shutdown {
	uint32_t sock;
	int32_t how; /* SHUT_RD, SHUT_WR, SHUT_RDWR */
};
MSG_FITS(struct sock_shutdown);

/* SOCK_SETOPT */
struct sock_setopt {
	uint32_t sock;
	int32_t level, name;
	uint32_t len;
	uint8_t value[SOCK_OPT_MAX];
};
MSG_FITS(struct sock_setopt);

/* SOCK_GETOPT */
struct sock_getopt {
	uint32_t sock;
	int32_t level, name;
	uint32_t len; /* room for the value */
};
MSG_FITS(struct sock_getopt);

/* SOCK_GETNAME */
struct sock_getname {
	uint32_t sock;
	uint32_t peer; /* 0: the socket's own address, 1: its peer's */
};
MSG_FITS(struct sock_getname);

union sock_req {
	struct sock_create create;
	struct sock_addr_req bind;
	struct sock_addr_req connect;
	struct sock_listen listen;
	struct sock_accept accept;
	struct sock_sendto sendto;
	struct sock_recvfrom recvfrom;
	struct sock_shutdown shutdown;
	struct sock_setopt setopt;
	struct sock_getopt getopt;
	struct sock_getname getname;
};
MSG_FITS(union sock_req);

/* SOCK_REPLY */
struct sock_reply {
	int32_t status; /* a number, bytes, 0, an error or SOCK_SUSPENDED */
};
MSG_FITS(struct sock_reply);

/* SOCK_OPT_REPLY */
struct sock_opt_reply {
	int32_t status;
	uint32_t len; /* the value's length */
	uint8_t value[SOCK_OPT_MAX];
};
MSG_FITS(struct sock_opt_reply);

/* SOCK_NAME_REPLY */
struct sock_name_reply {
	int32_t status;
	uint32_t addr_len;
	uint8_t addr[SOCK_ADDR_MAX];
};
MSG_FITS(struct sock_name_reply);

union sock_rep {
	struct sock_reply reply;
	struct sock_opt_reply opt;
	struct sock_name_reply name;
};
MSG_FITS(union sock_rep);

#define SOCK_REQ(m) ((union sock_req *)(void *)(m)->m_u.b)
#define SOCK_REP(m) ((union sock_rep *)(void *)(m)->m_u.b)
