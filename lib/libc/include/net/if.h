/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Network interfaces (<net/if.h>): IFNAMSIZ, the IFF_ flags, the
 * ARPHRD_ hardware types and struct ifreq, which a socket's interface
 * ioctls carry.  All of them are the socket ABI of include/abi/socket.h,
 * shared with INET.
 */
#pragma once

#include <sys/socket.h>
