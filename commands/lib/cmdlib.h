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

/* dir and name joined by one '/' (none added if dir ends with '/'). */
char *join_path(const char *dir, const char *name);

/* The last component of path, without trailing slashes ("a/b/" -> "b"). */
char *last_component(const char *path);

/* Writes all len bytes of buf to fd, again after EINTR: 0, or -1 with
 * errno set when a write fails. */
int write_all(int fd, const void *buf, size_t len);
