// SPDX-License-Identifier: BSD-2-Clause
/*
 * setsockopt and getsockopt.  Values are ints unless the option says
 * otherwise (SO_RCVTIMEO and SO_SNDTIMEO: the program's struct
 * timeval, a 64-bit tv_sec then a 32-bit tv_usec; SO_LINGER: struct
 * linger).  A value shorter than its type is EINVAL; an option INET
 * does not know is ENOPROTOOPT.  SO_ERROR reads and clears the
 * socket's pending error.  The TCP options reach the pcb at once, and
 * SO_REUSEADDR when the socket binds or connects.
 */
#include <string.h>

#include "inet.h"
#include "lwip/tcp.h"

struct opt_timeval { /* newlib's struct timeval on i686 */
	int64_t sec;
	int32_t usec;
};

static int get_int(const uint8_t *v, uint32_t len, int *out)
{
	if (len < sizeof(int))
		return -EINVAL;
	memcpy(out, v, sizeof(int));
	return 0;
}

static int put_int(uint8_t *v, uint32_t *len, int value)
{
	if (*len < sizeof(int))
		return -EINVAL;
	memcpy(v, &value, sizeof(int));
	*len = sizeof(int);
	return 0;
}

static int set_timeo(uint32_t *ms, const uint8_t *v, uint32_t len)
{
	struct opt_timeval tv;
	if (len < 12)
		return -EINVAL;
	memcpy(&tv.sec, v, 8);
	memcpy(&tv.usec, v + 8, 4);
	if (tv.sec < 0 || tv.usec < 0 || tv.usec >= 1000000 ||
	    tv.sec > 86400 * 365)
		return -EDOM;
	uint64_t t = (uint64_t)tv.sec * 1000 + (uint64_t)(tv.usec + 999) / 1000;
	*ms = (uint32_t)t;
	return 0;
}

static int get_timeo(uint32_t ms, uint8_t *v, uint32_t *len)
{
	int64_t sec = ms / 1000;
	int32_t usec = (int32_t)(ms % 1000) * 1000;
	if (*len < 12)
		return -EINVAL;
	memcpy(v, &sec, 8);
	memcpy(v + 8, &usec, 4);
	*len = 12;
	return 0;
}

static void apply_keepalive(struct sock *s)
{
	if (!s->tcp)
		return;
	if (s->keepalive)
		ip_set_option(s->tcp, SOF_KEEPALIVE);
	else
		ip_reset_option(s->tcp, SOF_KEEPALIVE);
}

static int set_socket(struct sock *s, int name, const uint8_t *v, uint32_t len)
{
	int x = 0;
	if (name == SO_RCVTIMEO)
		return set_timeo(&s->rcvtimeo, v, len);
	if (name == SO_SNDTIMEO)
		return set_timeo(&s->sndtimeo, v, len);
	if (name == SO_LINGER)
		return len < sizeof(struct linger) ? -EINVAL : 0;
	int r = get_int(v, len, &x);
	if (r < 0)
		return r;
	switch (name) {
	case SO_REUSEADDR:
		s->reuse = x != 0;
		return 0;
	case SO_KEEPALIVE:
		s->keepalive = x != 0;
		apply_keepalive(s);
		return 0;
	case SO_BROADCAST:
		s->broadcast = x != 0;
		return 0;
	case SO_RCVBUF:
	case SO_SNDBUF:
		return x < 0 ? -EINVAL : 0; /* fixed by lwIP's options */
	default:
		return -ENOPROTOOPT;
	}
}

static int set_tcp(struct sock *s, int name, const uint8_t *v, uint32_t len)
{
	int x;
	if (s->type != SOCK_STREAM)
		return -ENOPROTOOPT;
	int r = get_int(v, len, &x);
	if (r < 0)
		return r;
	switch (name) {
	case TCP_NODELAY:
		s->nodelay = x != 0;
		if (s->tcp && !s->listening) {
			if (s->nodelay)
				tcp_nagle_disable(s->tcp);
			else
				tcp_nagle_enable(s->tcp);
		}
		return 0;
	case TCP_KEEPIDLE:
	case TCP_KEEPINTVL:
	case TCP_KEEPCNT:
		if (x <= 0 || x > 86400)
			return -EINVAL;
		if (!s->tcp || s->listening)
			return 0;
		if (name == TCP_KEEPIDLE)
			s->tcp->keep_idle = (u32_t)x * 1000;
		else if (name == TCP_KEEPINTVL)
			s->tcp->keep_intvl = (u32_t)x * 1000;
		else
			s->tcp->keep_cnt = (u32_t)x;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

int sockopt_set(struct sock *s, int level, int name, const uint8_t *value,
		uint32_t len)
{
	if (level == SOL_SOCKET)
		return set_socket(s, name, value, len);
	if (level == IPPROTO_TCP)
		return set_tcp(s, name, value, len);
	return -ENOPROTOOPT;
}

static int get_socket(struct sock *s, int name, uint8_t *v, uint32_t *len)
{
	int r;
	switch (name) {
	case SO_RCVTIMEO:
		return get_timeo(s->rcvtimeo, v, len);
	case SO_SNDTIMEO:
		return get_timeo(s->sndtimeo, v, len);
	case SO_ERROR:
		r = put_int(v, len, -s->error);
		if (r == 0)
			s->error = 0;
		return r;
	case SO_TYPE:
		return put_int(v, len, s->type);
	case SO_REUSEADDR:
		return put_int(v, len, s->reuse);
	case SO_KEEPALIVE:
		return put_int(v, len, s->keepalive);
	case SO_BROADCAST:
		return put_int(v, len, s->broadcast);
	case SO_ACCEPTCONN:
		return put_int(v, len, s->listening);
	case SO_RCVBUF:
		return put_int(v, len, TCP_WND);
	case SO_SNDBUF:
		return put_int(v, len, TCP_SND_BUF);
	default:
		return -ENOPROTOOPT;
	}
}

int sockopt_get(struct sock *s, int level, int name, uint8_t *value,
		uint32_t *len)
{
	if (level == SOL_SOCKET)
		return get_socket(s, name, value, len);
	if (level == IPPROTO_TCP && s->type == SOCK_STREAM &&
	    name == TCP_NODELAY)
		return put_int(value, len, s->nodelay);
	return -ENOPROTOOPT;
}
