/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * TCP's socket options (POSIX <netinet/tcp.h>): TCP_NODELAY and the
 * keep-alive times, level IPPROTO_TCP.  The numbers are the socket ABI
 * of include/abi/socket.h.
 */
#pragma once

#include <abi/socket.h>
