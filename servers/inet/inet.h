/* SPDX-License-Identifier: BSD-2-Clause */
/* The INET server's parts (main.c has the overview). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "abi/socket.h"
#include "libsys.h"
#include "lwip/ip_addr.h"
#include "lwip/netif.h"
#include "proto/cdev.h"
#include "proto/ndev.h"
#include "proto/sock.h"
#include "proto/vfs.h"

#define INET_SOCKS 128	  /* sockets at once */
#define INET_NICS 4	  /* Ethernet interfaces */
#define NIC_TX_SLOTS 8	  /* frames queued to a driver */
#define NIC_RX_SLOTS 16	  /* receive buffers posted to a driver */
#define SOCK_DGRAMS 32	  /* datagrams queued on a UDP or raw socket */
#define SOCK_COPY 4096	  /* bytes copied per SAFECOPY */
#define INET_UDP_MAX 8192 /* the largest datagram sent */

/* ---- sockets (sock.c) ------------------------------------------------ */

/* A call INET keeps until it can finish: the request's fields. */
struct sock_op {
	int type; /* 0: none; SOCK_CONNECT, SOCK_ACCEPT, SOCK_SENDTO,
		   * SOCK_RECVFROM, CDEV_READ, CDEV_WRITE */
	endpoint_t vfs, id;
	grant_id_t grant, addr_grant;
	uint32_t len, addr_len, msg_flags, nonblock;
	uint32_t done; /* bytes moved so far */
	bool has_to;
	struct sockaddr_in to;
	uint64_t deadline; /* ms (SO_RCVTIMEO/SNDTIMEO), 0: none */
};

struct sock;

/* What each kind of socket does; a call returns its result, or
 * REPLY_LATER to be tried again after sock_wake(). */
struct sock_proto {
	int (*bind)(struct sock *s, const struct sockaddr_in *a);
	int (*connect)(struct sock *s, const struct sockaddr_in *a,
		       struct sock_op *op);
	int (*listen)(struct sock *s, int backlog);
	int (*accept)(struct sock *s, struct sock_op *op);
	int (*send)(struct sock *s, struct sock_op *op);
	int (*recv)(struct sock *s, struct sock_op *op);
	int (*shutdown)(struct sock *s, int how);
	uint32_t (*ready)(struct sock *s); /* CDEV_SEL_* */
	int (*name)(struct sock *s, int peer, struct sockaddr_in *out);
	void (*close)(struct sock *s);
	uint32_t (*queued)(struct sock *s); /* bytes to read (FIONREAD) */
};

/* A queued datagram (UDP, raw). */
struct dgram {
	struct pbuf *p;
	struct sockaddr_in from;
};

struct sock {
	bool used;
	bool woken;
	bool visible; /* VFS has it (not a connection waiting in accept) */
	int type;     /* SOCK_STREAM, SOCK_DGRAM, SOCK_RAW */
	int protocol;
	uint32_t uid; /* the creator's */
	const struct sock_proto *proto;
	struct sock_op rd, wr; /* kept calls: receive/accept, send/connect */
	endpoint_t sel_vfs;    /* select news goes there */
	uint32_t sel_ops;      /* ...when one of these becomes ready */
	int error;	       /* SO_ERROR: pending, negative */
	uint32_t rcvtimeo, sndtimeo; /* ms, 0: none */
	bool reuse, broadcast, keepalive, nodelay;
	uint32_t rx_dropped;
	/* TCP (tcpsock.c) */
	struct tcp_pcb *tcp;
	struct pbuf *rcvq; /* received, not yet read */
	uint32_t rcvq_off;
	bool eof, connecting, connected, listening, shut_wr;
	int backlog;
	int acceptq[16], accept_n; /* waiting connections' socket numbers */
	int parent;		   /* a waiting connection's listener */
	/* UDP and raw (udpsock.c, rawsock.c) */
	struct udp_pcb *udp;
	struct raw_pcb *raw;
	struct dgram dq[SOCK_DGRAMS];
	int dq_head, dq_n;
};

extern struct sock socks[INET_SOCKS];
int sock_index(const struct sock *s);
struct sock *sock_get(uint32_t n); /* 0 if not in use */
struct sock *sock_alloc(int type, int protocol, uint32_t uid);
void sock_free(struct sock *s);
void sock_wake(struct sock *s); /* its state changed: retry, tell select */
void sock_run(void);		/* retry the woken sockets' calls */
void sock_timers(uint64_t now); /* SO_RCVTIMEO, SO_SNDTIMEO deadlines */
uint64_t sock_next_deadline(void);
bool sock_handle(message_t *m, int status); /* a SOCK_* or CDEV_* request */

/* Copies between a kept call's grants and INET's memory. */
int op_copyin(const struct sock_op *op, uint32_t off, void *dst, uint32_t n);
int op_copyout(const struct sock_op *op, uint32_t off, const void *src,
	       uint32_t n);
/* The address `a` to the call's address grant (cut to its length). */
int op_put_addr(const struct sock_op *op, const struct sockaddr_in *a);
/* A pbuf chain's bytes from offset off to the call's data grant at
 * op->done: how many. */
int op_copyout_pbuf(struct sock_op *op, struct pbuf *p, uint32_t off,
		    uint32_t n);

int sock_errno(int8_t err); /* an lwIP err_t as a negative errno */
void addr_to_lwip(const struct sockaddr_in *a, ip_addr_t *ip, uint16_t *port);
void addr_from_lwip(const ip_addr_t *ip, uint16_t port,
		    struct sockaddr_in *out);
int addr_check(const struct sockaddr_in *a, uint32_t len);

/* dgram.c: the datagram queue of UDP and raw sockets. */
void dgram_push(struct sock *s, struct pbuf *p, const ip_addr_t *ip,
		uint16_t port);
int dgram_recv(struct sock *s, struct sock_op *op);
void dgram_flush(struct sock *s);
uint32_t dgram_queued(struct sock *s);
int dgram_payload(struct sock_op *op, int layer, struct pbuf **out);

extern const struct sock_proto tcp_proto, udp_proto, raw_proto;
int tcp_sock_new(struct sock *s);
int udp_sock_new(struct sock *s);
int raw_sock_new(struct sock *s);

/* sockopt.c */
int sockopt_set(struct sock *s, int level, int name, const uint8_t *value,
		uint32_t len);
int sockopt_get(struct sock *s, int level, int name, uint8_t *value,
		uint32_t *len);

/* ifconf.c: the interface ioctls (abi/netif.h). */
int ifconf_ioctl(struct sock *s, uint32_t request, endpoint_t vfs,
		 grant_id_t grant, uint32_t len);

/* ---- network interfaces (nic.c, ethif.c) ------------------------------ */

enum nic_state { NIC_NONE, NIC_DOWN, NIC_UP };

struct nic {
	bool used;
	char label[NDEV_NAME_MAX]; /* the driver's RS label */
	char name[8];		   /* eth0 ... */
	endpoint_t ep;		   /* the driver now, or NONE */
	enum nic_state state;
	uint32_t session;
	struct ndev_init_reply info;
	uint32_t mode; /* NDEV_MODE_* INET wants */
	struct netif netif;
	bool netif_added;
	bool dhcp_due; /* start DHCP once the session is up */
	/* Frames INET copied for the driver: slot i's id is 1 + i. */
	struct {
		bool busy;
		grant_id_t grant;
		uint8_t buf[NDEV_MAX_FRAME];
	} tx[NIC_TX_SLOTS];
	int tx_busy;
	/* Receive buffers: slot i's id is 0x100 + i. */
	struct {
		struct pbuf *p;
		grant_id_t grant;
	} rx[NIC_RX_SLOTS];
	/* Counters for ifconfig. */
	uint32_t rx_packets, tx_packets, rx_bytes, tx_bytes;
	uint32_t rx_errors, rx_drops, tx_errors, tx_drops;
	uint32_t bad_replies; /* answers that broke the protocol */
	uint32_t restarts;    /* new instances seen */
};

extern struct nic nics[INET_NICS];
void nic_ds_news(void);			       /* DS: a driver came or went */
bool nic_notified(endpoint_t from);	       /* a driver's NOTIFY */
int nic_output(struct nic *n, struct pbuf *p); /* linkoutput: ERR_* */
void nic_set_up(struct nic *n, bool up);
err_t ethif_init(struct netif *netif);
struct nic *nic_by_name(const char *name);
