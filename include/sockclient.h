/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The socket protocol's client calls (lib/libsys/sock.c), for VFS, so
 * that nobody fills SOCK messages by hand.  The protocol and its rules
 * are in proto/sock.h; the socket's data, select, ioctl, close and
 * cancel go by cdevclient.h with the socket number as the minor.
 *
 * One call per request, sent with SENDREC to INET (`inet`).  Each
 * returns INET's answer: a socket number, bytes, 0 or a negative
 * errno; a request INET keeps returns REPLY_LATER (SOCK_SUSPENDED on
 * the wire) and its result comes as CDEV_DONE news.  If INET did not
 * answer (it died), or answered with the wrong reply type, the call
 * returns CDEV_DEAD, as the character-device calls do.
 *
 * Addresses are copied into the message (at most SOCK_ADDR_MAX bytes,
 * else -EINVAL); grants are the caller's, revoked by it once the
 * request is done.
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
#include "cdevclient.h"
#include "proto/sock.h"

int sock_req_create(endpoint_t inet, endpoint_t id, int domain, int type,
		    int protocol, uint32_t uid);
int sock_req_bind(endpoint_t inet, uint32_t sock, const void *addr,
		  uint32_t addr_len);
int sock_req_connect(endpoint_t inet, uint32_t sock, endpoint_t id,
		     uint32_t flags, const void *addr, uint32_t addr_len);
int sock_req_listen(endpoint_t inet, uint32_t sock, int backlog);
int sock_req_accept(endpoint_t inet, uint32_t sock, endpoint_t id,
		    uint32_t flags, grant_id_t addr_grant, uint32_t addr_len);
int sock_req_sendto(endpoint_t inet, uint32_t sock, endpoint_t id,
		    uint32_t flags, grant_id_t grant, uint32_t len,
		    uint32_t msg_flags, const void *addr, uint32_t addr_len);
int sock_req_recvfrom(endpoint_t inet, uint32_t sock, endpoint_t id,
		      uint32_t flags, grant_id_t grant, uint32_t len,
		      uint32_t msg_flags, grant_id_t addr_grant,
		      uint32_t addr_len);
int sock_req_shutdown(endpoint_t inet, uint32_t sock, int how);
int sock_req_setopt(endpoint_t inet, uint32_t sock, int level, int name,
		    const void *value, uint32_t len);
/* The value into value (room: *len bytes, at most SOCK_OPT_MAX); *len
 * becomes its length. */
int sock_req_getopt(endpoint_t inet, uint32_t sock, int level, int name,
		    void *value, uint32_t *len);
/* The address into addr (SOCK_ADDR_MAX bytes); *addr_len its length. */
int sock_req_getname(endpoint_t inet, uint32_t sock, int peer, void *addr,
		     uint32_t *addr_len);
