// SPDX-License-Identifier: BSD-2-Clause
/*
 * cmdlib: the helpers every command may use (xv6's user/ulib.c), linked
 * into each program of commands/ (build/commands/libcmd.a) and into the
 * host builds of tests/host/build_commands.sh.  Only POSIX calls, so the
 * same sources build for Samsara and for the host.
 *
 * The path helpers return memory from malloc that the caller frees; when
 * there is none, they end the program: "NAME: out of memory", status 1.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

struct in_addr;

/* dir and name joined by one '/' (none added if dir ends with '/'). */
char *join_path(const char *dir, const char *name);

/* The last component of path, without trailing slashes ("a/b/" -> "b"). */
char *last_component(const char *path);

/* Writes all len bytes of buf to fd, again after EINTR: 0, or -1 with
 * errno set when a write fails. */
int write_all(int fd, const void *buf, size_t len);

/* s as a whole decimal number from min to max: 0 and *out, or -1 when s
 * is empty, has anything else in it or is out of range (num.c). */
int parse_num(const char *s, long min, long max, long *out);

/* s as seconds with up to three decimals ("2", "0.25"), in milliseconds
 * at most max_ms: 0 and *out, or -1 (num.c). */
int parse_time_ms(const char *s, long max_ms, long *out);

/* The IPv4 address of host, numeric or a name getaddrinfo knows: 0, or
 * getaddrinfo's EAI_ code (gai_strerror says what it means; net.c). */
int resolve_ipv4(const char *host, struct in_addr *out);

/* addr (network byte order) in dotted form, in buf; returns buf. */
const char *format_ipv4(uint32_t addr, char buf[16]);
