// SPDX-License-Identifier: BSD-2-Clause
/*
 * Between the socket ABI's words and lwIP's: a struct sockaddr_in
 * (network byte order, as the program wrote it) and lwIP's ip_addr_t
 * plus a host-order port; lwIP's err_t and the errno a program sees.
 */
#include <string.h>

#include "inet.h"
#include "lwip/def.h"
#include "lwip/err.h"

void addr_to_lwip(const struct sockaddr_in *a, ip_addr_t *ip, uint16_t *port)
{
	ip_addr_set_ip4_u32(ip, a->sin_addr.s_addr);
	*port = lwip_ntohs(a->sin_port);
}

void addr_from_lwip(const ip_addr_t *ip, uint16_t port, struct sockaddr_in *out)
{
	memset(out, 0, sizeof(*out));
	out->sin_family = AF_INET;
	out->sin_port = lwip_htons(port);
	out->sin_addr.s_addr = ip ? ip4_addr_get_u32(ip_2_ip4(ip)) : 0;
}

int sock_errno(int8_t err)
{
	switch (err) {
	case ERR_OK:
		return 0;
	case ERR_MEM:
	case ERR_BUF:
		return -ENOBUFS;
	case ERR_TIMEOUT:
		return -ETIMEDOUT;
	case ERR_RTE:
		return -EHOSTUNREACH;
	case ERR_INPROGRESS:
		return -EINPROGRESS;
	case ERR_VAL:
	case ERR_ARG:
		return -EINVAL;
	case ERR_WOULDBLOCK:
		return -EWOULDBLOCK;
	case ERR_USE:
		return -EADDRINUSE;
	case ERR_ALREADY:
		return -EALREADY;
	case ERR_ISCONN:
		return -EISCONN;
	case ERR_CONN:
		return -ENOTCONN;
	case ERR_IF:
		return -ENETDOWN;
	case ERR_ABRT:
		return -ECONNABORTED;
	case ERR_RST:
		return -ECONNRESET;
	case ERR_CLSD:
		return -ENOTCONN;
	default:
		return -EIO;
	}
}
