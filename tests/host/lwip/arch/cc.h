/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * lwIP's platform header for its own unit suite on this host (Linux,
 * glibc, gcc; tests/host/lwip/Makefile): only what lwIP cannot take
 * from its defaults.  The suite's options are its own
 * (test/unit/lwipopts.h, with a simulated sys_arch), not INET's.
 *
 *   - errno values come from the host's <errno.h> (lwIP's err.c maps
 *     its errors onto them);
 *   - struct timeval comes from the host's <sys/time.h>, so lwIP's
 *     sockets.h must not define one of its own.
 * Diagnostics and assertions keep lwIP's defaults: printf, then abort,
 * which Check reports as an error of the running test.
 */
#pragma once

#include <sys/time.h>

#define LWIP_ERRNO_STDINCLUDE 1
#define LWIP_TIMEVAL_PRIVATE 0
